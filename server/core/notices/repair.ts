/**
 * Repairing coverage counters that a receipt left behind (receipts.ts: a process that dies between the
 * receipt and its counter increment leaves them one short). The reconciliation's drift is repaired only once
 * it has settled: the same difference seen by two reconciliations at least SETTLE_MS apart. A receipt or visit
 * still in flight (its record written, its increment not yet) shows the same drift for a moment; no call
 * outlives the longest function timeout (60 s, cloudbaserc.json), so a difference older than that is
 * permanent. The repair adds the difference by increment, never by overwriting, so the counts of receipts
 * landing meanwhile are kept.
 */
import type { ReconcileReport } from '../../../typings/notice';
import type { Clock } from '../ports/clock';
import type { Store } from '../ports/store';
import { toIso } from '../time/shanghai';
import { COUNTER_FIELDS, MAX_SHARDS, shardIndexesOf } from './coverage-shards';
import { noticeIds, type Notice } from './model';
import { reconcileNotice } from './reconcile';

/** Twice the longest function timeout: a drift this old belongs to no call still running. */
export const SETTLE_MS = 120_000;

type Drift = ReconcileReport['drift'][number];

const TREND = 'trend ';
const keyOf = (d: Drift) => `${d.microGridId ?? ''}\u0000${d.field}`;
const counterFields: ReadonlySet<string> = new Set(COUNTER_FIELDS);

/** A drift the counters can take back by increment: a micro-grid's counter, or an hour of the trend. */
function repairable(d: Drift): boolean {
  return d.microGridId !== null ? counterFields.has(d.field) : d.field.startsWith(TREND);
}

export async function reconcileAndRepair(
  deps: { store: Store; clock: Clock },
  notice: Notice,
): Promise<ReconcileReport> {
  const { store } = deps;
  const now = deps.clock.now();
  const report = await reconcileNotice(store, notice);
  const earlier = await store.get('noticeChecks', notice._id);
  // Each difference is dated by when it was first seen as it is now: asking often does not restart its clock.
  const seen = new Map((earlier?.drift ?? []).map((d) => [keyOf(d), d]));
  const dated = report.drift.map((d) => {
    const before = seen.get(keyOf(d));
    const same = before && before.recomputed - before.counted === d.recomputed - d.counted;
    return { ...d, since: same ? before.since : toIso(now) };
  });
  const settledBefore = now.getTime() - SETTLE_MS;
  const repair = dated.filter((d) => repairable(d) && new Date(d.since).getTime() <= settledBefore);

  if (repair.length > 0) {
    const shards = await store.find('noticeCoverage', { where: { noticeId: notice._id }, limit: MAX_SHARDS });
    const byShard = new Map<string, Record<string, number>>();
    const add = (shardId: string, path: string, by: number) => {
      const adds = byShard.get(shardId) ?? {};
      adds[path] = (adds[path] ?? 0) + by;
      byShard.set(shardId, adds);
    };
    for (const d of repair) {
      const by = d.recomputed - d.counted;
      if (d.microGridId === null) {
        add(shards[0]?._id ?? noticeIds.shard(notice._id, 0), `hourly.${d.field.slice(TREND.length)}`, by);
        continue;
      }
      // Into a shard that already holds the micro-grid's entry (with its names), else the first of its group.
      const microGridId = d.microGridId;
      const holder =
        shards.find((s) => microGridId in s.microGrids)?._id ??
        noticeIds.shard(notice._id, shardIndexesOf(notice, microGridId)[0]!);
      add(holder, `microGrids.${microGridId}.${d.field}`, by);
    }
    for (const [shardId, adds] of byShard) await store.increment('noticeCoverage', shardId, { add: adds });
  }
  const repaired = new Set(repair.map(keyOf));
  const left = dated.filter((d) => !repaired.has(keyOf(d)));
  const check = { at: toIso(now), drift: left };
  if (!earlier || !(await store.update('noticeChecks', notice._id, check)))
    await store.insert('noticeChecks', { _id: notice._id, ...check });
  const waiting = left.filter(repairable).map((d) => new Date(d.since).getTime() + SETTLE_MS);
  const strip = ({ since: _since, ...d }: (typeof dated)[number]): Drift => d;
  return {
    ...report,
    drift: left.map(strip),
    repaired: repair.map(strip),
    settlesAt: waiting.length ? toIso(new Date(Math.min(...waiting))) : null,
  };
}
