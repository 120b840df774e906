/**
 * The fold of figure shards into month totals (server/core/figures/fold.ts): a randomized run of changes with
 * folds between them reads, after every fold, what it read before, and at the end what a store that never
 * folded reads; an increment that lands between the fold's read and its commit is not lost (SQLite and the
 * CloudBase stand-in); the scheduler folds only on its fold minutes.
 */
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { startStandin, standinStore, type Standin } from '../../server/cloudbase-standin';
import { applyFigureDeltas } from '../../server/core/figures/apply';
import { emptyCounts } from '../../server/core/figures/definitions';
import { foldFigures, foldMonth } from '../../server/core/figures/fold';
import { readFigures } from '../../server/core/figures/read';
import {
  figureShardId,
  figureTotalId,
  TOTAL_SHARD,
  type FigureCell,
  type FigureIncrement,
} from '../../server/core/figures/shards';
import type { Store, Tx } from '../../server/core/ports/store';
import { prng, type Prng } from '../../server/demo/prng';
import { figuresFoldJob } from '../../server/functions/figures-job';
import type { Deps } from '../../server/core/ports';

const C = 'c1';
const MONTHS = ['2026-06', '2026-07'];
const SCOPES = [{ kind: 'community' as const, communityId: C }];
const cells: FigureCell[] = [
  { gridId: 'g1', microGridId: 'mg1', workerId: 'u1', workerName: '何丽萍', category: 'streetLight' },
  { gridId: 'g1', microGridId: 'mg2', workerId: 'u2', workerName: '张强', category: 'garbage' },
  { gridId: 'g2', microGridId: 'mg3', workerId: '-', workerName: null, category: 'streetLight' },
];

function contribution(rand: Prng): FigureIncrement {
  const counts = emptyCounts();
  counts.received = 1;
  if (rand.next() < 0.6) {
    counts.signed = 1;
    counts.signedOnTime = rand.next() < 0.5 ? 1 : 0;
    counts.signMinutesSum = rand.int(1, 300);
    counts.signBuckets[rand.int(0, counts.signBuckets.length - 1)] = 1;
  }
  const month = rand.pick(MONTHS);
  const shard = rand.int(0, 7);
  return {
    docId: figureShardId(C, month, shard),
    communityId: C,
    month,
    shard,
    cell: rand.pick(cells),
    counts,
    sign: 1,
  };
}

const change = (store: Store, incs: FigureIncrement[], at: string) =>
  store.transaction((tx) => applyFigureDeltas(tx, incs, at));
const read = (store: Store) => readFigures(store, SCOPES, MONTHS);

describe('the fold of figure shards', () => {
  it('reads the same after every fold, and at the end what a store that never folds reads', async () => {
    const rand = prng('figures-fold');
    const folded = new SqliteStore(':memory:');
    const plain = new SqliteStore(':memory:');
    const live: FigureIncrement[] = [];
    let folds = 0;
    for (let step = 0; step < 400; step++) {
      const at = `2026-07-20T00:${String(step % 60).padStart(2, '0')}:00.000Z`;
      const r = rand.next();
      if (r < 0.12) {
        const before = await read(folded);
        folds += (await foldMonth(folded, C, rand.pick(MONTHS), at)) > 0 ? 1 : 0;
        expect(await read(folded)).toEqual(before);
        continue;
      }
      let incs: FigureIncrement[];
      if (r < 0.35 && live.length > 0) {
        // A contribution taken back, sometimes put under another cell of the same shard (a reassignment).
        const old = live.splice(rand.int(0, live.length - 1), 1)[0]!;
        incs = [{ ...old, sign: -1 }];
        if (rand.next() < 0.6) {
          const moved = { ...old, cell: rand.pick(cells) };
          live.push(moved);
          incs.push(moved);
        }
      } else {
        const inc = contribution(rand);
        live.push(inc);
        incs = [inc];
      }
      await change(folded, incs, at);
      await change(plain, incs, at);
    }
    expect(folds).toBeGreaterThan(20);
    await foldFigures(folded, '2026-07-21T00:00:00.000Z');
    const after = await read(folded);
    expect(after).toEqual(await read(plain));
    expect(after.breakdowns.community[0]!.counts.received).toBe(live.length);
    // Everything folded: one total a month, no shard left.
    const docs = await folded.find('ticketFigures', { limit: 100 });
    expect(docs.map((d) => d._id).sort()).toEqual(MONTHS.map((m) => figureTotalId(C, m)));
    folded.close();
    plain.close();
  });

  describe.each([
    ['SQLite', async () => ({ store: new SqliteStore(':memory:') as Store, stop: async () => undefined })],
    [
      'the CloudBase stand-in',
      async () => {
        const standin: Standin = await startStandin();
        return { store: standinStore(standin), stop: () => standin.close() };
      },
    ],
  ])('an increment that lands during a fold (%s)', (_name, open) => {
    it('is folded by the fold’s next try, or stays in its shard: never lost', async () => {
      const { store, stop } = await open();
      try {
        const rand = prng('figures-fold-race');
        const first = { ...contribution(rand), month: MONTHS[0]! };
        const firstAt = { ...first, docId: figureShardId(C, MONTHS[0]!, first.shard) };
        await change(store, [firstAt], 't0');
        const late: FigureIncrement = { ...firstAt, cell: cells[1]! };
        // The store as the fold sees it: its first try, once it has read, waits for a ticket change to commit.
        let tries = 0;
        const racing: Store = Object.create(store) as Store;
        racing.transaction = <R>(work: (tx: Tx) => Promise<R>) =>
          store.transaction(async (tx) => {
            tries++;
            const inner: Tx = Object.create(tx) as Tx;
            let raced = tries > 1;
            inner.delete = async (collection, id) => {
              if (!raced) {
                raced = true;
                await change(store, [late], 't1');
              }
              return tx.delete(collection, id);
            };
            inner.get = (collection, id) => tx.get(collection, id);
            inner.set = (collection, doc) => tx.set(collection, doc);
            return work(inner);
          });
        await foldMonth(racing, C, MONTHS[0]!, 't2').catch(() => 0);
        expect(tries).toBeGreaterThan(1);
        const figures = await read(store);
        expect(figures.breakdowns.community[0]!.counts.received).toBe(2);
        expect(figures.breakdowns.microGrid.map((row) => [row.key, row.counts.received])).toEqual(
          [firstAt.cell.microGridId, late.cell.microGridId].sort().map((key) => [key, 1]),
        );
      } finally {
        await stop();
      }
    });
  });

  it('runs from the scheduler on one minute in ten only', async () => {
    const store = new SqliteStore(':memory:');
    const rand = prng('figures-fold-job');
    await change(store, [contribution(rand)], 't0');
    const at = (iso: string) => ({ store, clock: { now: () => new Date(iso) } }) as unknown as Deps;
    expect(await figuresFoldJob.run(at('2026-07-20T10:03:00+08:00'))).toEqual({ monthsFolded: 0 });
    expect(await store.count('ticketFigures', { shard: { lt: TOTAL_SHARD } })).toBe(1);
    expect(await figuresFoldJob.run(at('2026-07-20T10:10:00+08:00'))).toMatchObject({
      monthsFolded: 1,
      shardsFolded: 1,
    });
    expect(await store.count('ticketFigures', { shard: { lt: TOTAL_SHARD } })).toBe(0);
    store.close();
  });

  it('leaves the open month in its shards (a change finds its shard in one request) and folds the closed ones', async () => {
    const store = new SqliteStore(':memory:');
    const rand = prng('figures-fold-open-month');
    const byMonth = new Map<string, FigureIncrement>();
    while (byMonth.size < MONTHS.length) {
      const inc = contribution(rand);
      const month = MONTHS.find((m) => inc.docId.includes(`-${m}-`))!;
      if (!byMonth.has(month)) byMonth.set(month, inc);
    }
    await change(store, [...byMonth.values()], 't0');
    const before = await read(store);
    const at = { store, clock: { now: () => new Date('2026-07-20T10:10:00+08:00') } } as unknown as Deps;
    expect(await figuresFoldJob.run(at)).toMatchObject({ monthsFolded: 1, shardsFolded: 1 });
    const left = await store.find('ticketFigures', { where: { shard: { lt: TOTAL_SHARD } } });
    expect(left.map((doc) => doc.month)).toEqual(['2026-07']);
    expect(await read(store)).toEqual(before);
    store.close();
  });
});
