/** Counters kept by `_.inc` at paths read back as the whole-document writes kept them (issue 9, round trips). */
import { emptyCounts } from '../../server/core/figures/definitions';
import {
  applyIncrements,
  emptyShard,
  normalShard,
  shardIncrement,
  type FigureIncrement,
} from '../../server/core/figures/shards';
import { applyIncrement } from '../../server/core/store/apply-increment';
import { prng } from '../../server/demo/prng';

const cells = [
  { gridId: 'g1', microGridId: 'mg1', workerId: 'u1', workerName: '何丽萍', category: 'streetLight' },
  { gridId: 'g1', microGridId: 'mg2', workerId: 'u2', workerName: '张强', category: 'sewer' },
  { gridId: 'g2', microGridId: 'mg3', workerId: '-', workerName: null, category: 'streetLight' },
];

function randomIncrement(next: () => number): FigureIncrement {
  const counts = emptyCounts();
  counts.received = 1;
  if (next() < 0.6) {
    counts.signed = 1;
    counts.signedOnTime = next() < 0.5 ? 1 : 0;
    counts.signMinutesSum = Math.floor(next() * 300);
    counts.signBuckets[Math.floor(next() * counts.signBuckets.length)] = 1;
  }
  return {
    docId: 'c1-2026-06-0',
    communityId: 'c1',
    month: '2026-06',
    shard: 0,
    cell: cells[Math.floor(next() * cells.length)]!,
    counts,
    sign: 1,
  };
}

describe('figure shards kept by increments', () => {
  it('read back equal to whole-document writes, over a random run with removals to zero', () => {
    const { next } = prng('shard-increment');
    let whole = emptyShard('c1', '2026-06', 0, 't0');
    let incremented = applyIncrements(whole, [], 't0');
    const added: FigureIncrement[] = [];
    for (let step = 0; step < 300; step++) {
      // A change: often a new contribution, sometimes one taken back (a reassignment, a cancellation).
      const undo = added.length > 0 && next() < 0.35;
      const inc = undo
        ? { ...added.splice(Math.floor(next() * added.length), 1)[0]!, sign: -1 as const }
        : randomIncrement(next);
      if (!undo) added.push(inc);
      const at = `t${step + 1}`;
      whole = applyIncrements(whole, [inc], at);
      incremented = applyIncrement(incremented, shardIncrement([inc], at));
    }
    expect(normalShard(incremented)).toEqual(normalShard(whole));
    expect(normalShard(whole)).toEqual(whole);
  });

  it('a cell created by an increment holds bucket lists as objects, read as arrays', () => {
    const counts = emptyCounts();
    counts.received = 1;
    counts.signed = 1;
    counts.signBuckets[2] = 1;
    const inc: FigureIncrement = {
      docId: 'd',
      communityId: 'c1',
      month: '2026-06',
      shard: 0,
      cell: cells[0]!,
      counts,
      sign: 1,
    };
    const stored = applyIncrement(emptyShard('c1', '2026-06', 0, 't0'), shardIncrement([inc], 't1'));
    expect(stored.grids.g1!.total.signBuckets).toEqual({ 2: 1 });
    expect(normalShard(stored).grids.g1!.total).toEqual(counts);
    expect(stored.workerNames).toEqual({ u1: '何丽萍' });
  });

  it('moves nothing that did not change: a change that cancels out adds no path', () => {
    const inc = randomIncrement(prng('cancel').next);
    expect(shardIncrement([inc, { ...inc, sign: -1 }], 't1').add).toEqual({});
  });
});
