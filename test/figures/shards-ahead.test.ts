/**
 * The coming month's figure shards written ahead by the scheduler (issue 9 item 6: submit ≤ 12), so that a
 * month's first change of a shard finds it and increments it in one request instead of writing it whole.
 */
import { ManualClock } from '../../server/adapters/local/clocks';
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { comingMonthToPrepare, prepareComingMonth } from '../../server/core/figures/ahead';
import { applyFigureDeltas } from '../../server/core/figures/apply';
import { emptyCounts } from '../../server/core/figures/definitions';
import { figureShardId, normalShard, SHARDS, type FigureIncrement } from '../../server/core/figures/shards';
import type { Tx } from '../../server/core/ports/store';
import type { Community } from '../../server/core/grids/model';

function community(id: string): Community {
  return {
    _id: id,
    name: `${id}社区`,
    city: '杭州市',
    district: '西湖区',
    street: '文新街道',
    center: { lat: 30.28, lng: 120.1 },
    config: { nearMissMetres: 30 },
  };
}

function received(communityId: string, month: string, shard: number): FigureIncrement {
  const counts = emptyCounts();
  counts.received = 1;
  return {
    docId: figureShardId(communityId, month, shard),
    communityId,
    month,
    shard,
    cell: { gridId: 'g1', microGridId: 'mg1', workerId: 'u1', workerName: '何丽萍', category: 'streetLight' },
    counts,
    sign: 1,
  };
}

describe('the coming month’s figure shards, written ahead', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    await store.insertMany('communities', [community('c1'), community('c2')]);
  });
  afterEach(() => store.close());

  test('only in the last day of a month, Shanghai time, at minutes 0 and 30', () => {
    expect(comingMonthToPrepare(new Date('2026-06-30T21:00:00+08:00'))).toBe('2026-07');
    expect(comingMonthToPrepare(new Date('2026-06-30T00:30:00+08:00'))).toBe('2026-07');
    expect(comingMonthToPrepare(new Date('2026-12-31T23:30:00+08:00'))).toBe('2027-01');
    expect(comingMonthToPrepare(new Date('2026-06-30T21:07:00+08:00'))).toBeNull();
    expect(comingMonthToPrepare(new Date('2026-06-29T21:00:00+08:00'))).toBeNull();
    // 16:00 UTC on the 30th is already 1 July in Shanghai: not the last day there.
    expect(comingMonthToPrepare(new Date('2026-06-30T16:00:00Z'))).toBeNull();
  });

  test('every community gets its shards of the coming month, once; what exists stays', async () => {
    const early = normalShard({
      _id: figureShardId('c2', '2026-07', 3),
      communityId: 'c2',
      month: '2026-07',
      shard: 3,
      grids: {},
      workerNames: { u1: '何丽萍' },
      updatedAt: 't0',
    });
    await store.insert('ticketFigures', early);
    const clock = new ManualClock('2026-06-30T22:00:00+08:00');

    expect(await prepareComingMonth({ store, clock })).toEqual({ created: 2 * SHARDS - 1 });
    expect(await prepareComingMonth({ store, clock })).toEqual({ created: 0 });

    const shards = await store.find('ticketFigures', { where: { month: '2026-07' } });
    expect(shards).toHaveLength(2 * SHARDS);
    expect(shards.find((s) => s._id === early._id)).toEqual(early);
    expect(await store.count('ticketFigures', { month: '2026-06' })).toBe(0);
  });

  test('outside the window it reads and writes nothing', async () => {
    const find = jest.spyOn(store, 'find');
    expect(await prepareComingMonth({ store, clock: new ManualClock('2026-06-15T22:00:00+08:00') })).toEqual({
      created: 0,
    });
    expect(find).not.toHaveBeenCalled();
  });

  test('a change in the new month then increments its shard and never writes it whole', async () => {
    await prepareComingMonth({ store, clock: new ManualClock('2026-06-30T23:30:00+08:00') });
    const writes: string[] = [];
    await store.transaction(async (tx) => {
      const watching: Tx = {
        ...tx,
        increment: async (c, id, inc) => {
          writes.push('increment');
          return tx.increment(c, id, inc);
        },
        set: async (c, doc) => {
          writes.push('set');
          return tx.set(c, doc);
        },
      };
      await applyFigureDeltas(watching, [received('c1', '2026-07', 5)], '2026-07-01T08:00:00+08:00');
    });
    expect(writes).toEqual(['increment']);
    const shard = await store.get('ticketFigures', figureShardId('c1', '2026-07', 5));
    expect(normalShard(shard!).grids.g1?.total.received).toBe(1);
  });
});
