/** The shard layout: a household's bucket is the same whether counted among 16 buckets and folded, or among 4. */
import {
  BUCKETS,
  bucketCountFor,
  shardIndexesOf,
  shardIndexOf,
  shardOf,
} from '../../server/core/notices/coverage-shards';

describe('coverage shard layout', () => {
  const households = Array.from({ length: 500 }, (_, i) => `h_street_${i}_${(i * 7919) % 1000}`);

  test('a large street uses fewer buckets, and a household folds into the bucket it is written to', () => {
    expect(bucketCountFor(38)).toBe(BUCKETS);
    const fewer = bucketCountFor(1000);
    expect(fewer).toBe(BUCKETS / 4);
    for (const h of households) expect(shardOf(h, BUCKETS) % fewer).toBe(shardOf(h, fewer));
  });

  test("a household's shard is one of its micro-grid's shards, and the buckets spread the neighbours", () => {
    const layout = { coverageShards: 16 * BUCKETS, coverageBuckets: BUCKETS };
    const shards = shardIndexesOf(layout, 'mg_wujiayuan_02_2');
    const used = new Set(households.map((h) => shardIndexOf(layout, 'mg_wujiayuan_02_2', h)));
    expect([...used].every((s) => shards.includes(s))).toBe(true);
    expect(used.size).toBe(BUCKETS);
  });

  test('a notice published before buckets keeps its one shard per micro-grid group', () => {
    const old = { coverageShards: 16 };
    expect(shardIndexOf(old, 'mg_a', 'h_1')).toBe(shardOf('mg_a', 16));
    expect(shardIndexesOf(old, 'mg_a')).toEqual([shardOf('mg_a', 16)]);
  });
});
