/**
 * Reconciliation: recomputes every coverage counter of a notice from its targets, receipts and visits, and
 * reports each counter that differs from the one maintained incrementally. Read-only: drift is a bug to
 * find, not something to paper over.
 */
import type { CoverageCounts, ReconcileReport } from '../../../typings/notice';
import type { Store } from '../ports/store';
import { COUNTER_FIELDS, emptyCounts, hourKey, MAX_SHARDS, mergedEntries } from './coverage-shards';
import type { Notice } from './model';
import { findAll } from './paging';

interface Reach {
  at: string;
  by: 'receipt' | 'visit';
}

export async function reconcileNotice(store: Store, notice: Notice): Promise<ReconcileReport> {
  const [targets, receipts, visits, shards] = await Promise.all([
    findAll(store, 'noticeTargets', { noticeId: notice._id }),
    findAll(store, 'noticeReceipts', { noticeId: notice._id }),
    findAll(store, 'noticeVisits', { noticeId: notice._id }),
    store.find('noticeCoverage', { where: { noticeId: notice._id }, limit: MAX_SHARDS }),
  ]);
  const expected = new Map<string, CoverageCounts>();
  const counts = (microGridId: string) => {
    let c = expected.get(microGridId);
    if (!c) expected.set(microGridId, (c = emptyCounts()));
    return c;
  };
  // Each receipt and visit says whether it reached its household; exactly one per reached household may.
  const reach = new Map<string, Reach>();
  const firsts = new Map<string, number>();
  const attempted = new Set<string>();
  for (const e of [
    ...receipts.map((r) => ({ ...r, by: 'receipt' as const })),
    ...visits.map((v) => ({ ...v, by: 'visit' as const })),
  ]) {
    if ('outcome' in e && e.outcome === 'nobodyHome') attempted.add(e.householdId);
    if (!e.reached) continue;
    firsts.set(e.householdId, (firsts.get(e.householdId) ?? 0) + 1);
    reach.set(e.householdId, { at: e.at, by: e.by });
  }
  const hourly = new Map<string, number>();
  for (const t of targets) {
    const c = counts(t.microGridId);
    c.households += 1;
    const r = reach.get(t.householdId);
    if (r) {
      c.reached += 1;
      c[r.by === 'receipt' ? 'byReceipt' : 'byVisit'] += 1;
      hourly.set(hourKey(r.at), (hourly.get(hourKey(r.at)) ?? 0) + 1);
    } else if (attempted.has(t.householdId)) c.nobodyHome += 1;
  }
  for (const r of receipts) counts(r.microGridId).confirmedResidents += 1;
  for (const v of visits) counts(v.microGridId).visits += 1;

  const drift: ReconcileReport['drift'] = [];
  const counted: Map<string, CoverageCounts> = mergedEntries(shards);
  const countedHourly = new Map<string, number>();
  for (const shard of shards) {
    for (const [hour, n] of Object.entries(shard.hourly))
      countedHourly.set(hour, (countedHourly.get(hour) ?? 0) + n);
  }
  for (const id of new Set([...expected.keys(), ...counted.keys()])) {
    const want = expected.get(id) ?? emptyCounts();
    const have = counted.get(id) ?? emptyCounts();
    for (const field of COUNTER_FIELDS)
      if (want[field] !== have[field])
        drift.push({ microGridId: id, field, counted: have[field], recomputed: want[field] });
  }
  for (const hour of new Set([...hourly.keys(), ...countedHourly.keys()])) {
    const want = hourly.get(hour) ?? 0;
    const have = countedHourly.get(hour) ?? 0;
    if (want !== have)
      drift.push({ microGridId: null, field: `trend ${hour}`, counted: have, recomputed: want });
  }
  for (const [householdId, n] of firsts)
    if (n > 1)
      drift.push({ microGridId: null, field: `first reach ${householdId}`, counted: n, recomputed: 1 });
  for (const t of targets) {
    const r = reach.get(t.householdId);
    if ((r?.at ?? null) !== t.reachedAt || (r?.by ?? null) !== t.reachedBy)
      drift.push({
        microGridId: t.microGridId,
        field: `target ${t.householdId}`,
        counted: t.reachedAt ? 1 : 0,
        recomputed: r ? 1 : 0,
      });
  }
  return {
    noticeId: notice._id,
    microGrids: expected.size,
    receipts: receipts.length,
    visits: visits.length,
    drift,
  };
}
