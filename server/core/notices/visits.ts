/**
 * 入户走访: workers visit the households a notice has not reached and record each visit. A visit that
 * reached someone (in person or by phone) reaches the household, so that online and offline reach add up
 * to one coverage figure.
 *
 * "Nobody home" is recorded but does not count as reached: 到户到人 means someone in the household got the
 * message, and counting closed doors would let coverage reach 100% with no one told. The household stays on
 * the visit list, marked with the attempt, and is counted under `nobodyHome` until it is reached.
 */
import type { NoticeActions, VisitList, VisitTask } from '../../../typings/notice';
import { AppError } from '../errors';
import { microGridLabel } from '../grids/labels';
import type { Grid } from '../grids/model';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import type { User } from '../users/model';
import { loadNoticeInCommunity, mayVisit, workerPlaces } from './access';
import {
  applyDelta,
  mergedEntries,
  shardIndexesOf,
  shardIndexOf,
  type CoverageDelta,
} from './coverage-shards';
import { noticeIds, type CoverageEntry, type Notice, type NoticeVisit } from './model';
import { chunks, findAll } from './paging';
import { requireLive } from './transitions';

type RecordInput = NoticeActions['recordVisit']['req'];
type RecordResult = NoticeActions['recordVisit']['res'];

export async function recordVisit(deps: Deps, caller: Caller, input: RecordInput): Promise<RecordResult> {
  const user = await loadActor(deps.store, caller);
  const notice = await loadNoticeInCommunity(deps.store, user, input.noticeId);
  requireLive('visit', notice);
  const targetId = noticeIds.target(notice._id, input.householdId);
  const known = await deps.store.get('noticeTargets', targetId);
  if (!known)
    throw new AppError('NOTICE.NOT_TARGETED', { message: '该住户不在这条通知的发布范围内，请刷新走访名单' });
  if (!mayVisit(user, known)) throw new AppError('AUTH.FORBIDDEN');
  const visitId = input.requestId ? `nvs_${notice._id}_${user._id}_${input.requestId}` : deps.ids.next('nvs');
  const shardId = noticeIds.shard(notice._id, shardIndexOf(notice, known.microGridId, input.householdId));
  const at = toIso(deps.clock.now());
  // The micro-grid's totals, for the worker's progress line: its counters are spread over its group's shards.
  const totals = (await microGridEntries(deps.store, notice, [known.microGridId])).get(known.microGridId);

  return deps.store.transaction(async (tx) => {
    const shard = await tx.get('noticeCoverage', shardId);
    if (!shard) throw new Error(`notice ${notice._id} has no coverage shard ${shardId}`);
    const prior = input.requestId ? await tx.get('noticeVisits', visitId) : null;
    const target = await tx.get('noticeTargets', targetId);
    if (!target) throw new AppError('NOTICE.NOT_TARGETED');
    // A retried request: the visit was recorded by the first try.
    if (prior)
      return {
        reached: !!target.reachedAt,
        households: totals?.households ?? 0,
        microGridReached: totals?.reached ?? 0,
      };

    const visit: NoticeVisit = {
      _id: visitId,
      noticeId: notice._id,
      communityId: notice.communityId,
      householdId: target.householdId,
      microGridId: target.microGridId,
      outcome: input.outcome,
      note: input.note.trim(),
      userId: user._id,
      at,
      reached: input.outcome !== 'nobodyHome' && !target.reachedAt,
    };
    const delta: CoverageDelta = { microGridId: target.microGridId, counts: { visits: 1 } };
    const lastAttempt = { outcome: input.outcome, at };
    const reaches = input.outcome !== 'nobodyHome';
    if (reaches && !target.reachedAt) {
      delta.counts = { visits: 1, reached: 1, byVisit: 1, nobodyHome: target.awaitingRevisit ? -1 : 0 };
      delta.reachedAt = at;
      await tx.update('noticeTargets', targetId, {
        reachedAt: at,
        reachedBy: 'visit',
        awaitingRevisit: false,
        lastAttempt,
      });
    } else if (!reaches && !target.reachedAt && !target.awaitingRevisit) {
      delta.counts = { visits: 1, nobodyHome: 1 };
      await tx.update('noticeTargets', targetId, { awaitingRevisit: true, lastAttempt });
    } else {
      await tx.update('noticeTargets', targetId, { lastAttempt });
    }
    await tx.insert('noticeVisits', visit);
    await tx.update('noticeCoverage', shardId, applyDelta(shard, delta));
    return {
      reached: reaches || !!target.reachedAt,
      households: totals?.households ?? 0,
      microGridReached: (totals?.reached ?? 0) + (delta.counts.reached ?? 0),
    };
  });
}

/** The households of one micro-grid a notice has not reached yet, with their full address. */
export async function visitList(
  deps: Deps,
  caller: Caller,
  input: { noticeId: string; microGridId: string },
): Promise<VisitList> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const notice = await loadNoticeInCommunity(store, user, input.noticeId);
  const micro = await store.get('microGrids', input.microGridId);
  if (!micro || micro.communityId !== notice.communityId) throw new AppError('MICRO_GRID.NOT_FOUND');
  if (!mayVisit(user, { communityId: micro.communityId, gridId: micro.gridId, microGridId: micro._id }))
    throw new AppError('AUTH.FORBIDDEN');
  requireLive('visit', notice);
  const grid = await store.get('grids', micro.gridId);
  const entry = (await microGridEntries(store, notice, [micro._id])).get(micro._id);
  const unreached = await findAll(store, 'noticeTargets', {
    noticeId: notice._id,
    microGridId: micro._id,
    reachedAt: null,
  });
  const addresses = await addressesOf(
    store,
    micro._id,
    unreached.map((t) => t.householdId),
  );
  return {
    noticeId: notice._id,
    title: notice.title,
    microGridId: micro._id,
    microGridName: microGridLabel(grid, micro.name),
    households: entry?.households ?? 0,
    reached: entry?.reached ?? 0,
    unreached: unreached
      .map((t) => ({
        householdId: t.householdId,
        address: addresses.get(t.householdId) ?? '',
        lastAttempt: t.lastAttempt,
      }))
      .sort((a, b) => a.address.localeCompare(b.address, 'zh')),
  };
}

async function addressesOf(
  store: Store,
  microGridId: string,
  householdIds: string[],
): Promise<Map<string, string>> {
  const buildings = new Map((await findAll(store, 'buildings', { microGridId })).map((b) => [b._id, b]));
  const estateIds = [...new Set([...buildings.values()].map((b) => b.estateId))];
  const estates = new Map<string, string>();
  for (const ids of chunks(estateIds, 100))
    for (const e of await store.find('estates', { where: { _id: { in: ids } }, limit: ids.length }))
      estates.set(e._id, e.name);
  const out = new Map<string, string>();
  for (const ids of chunks(householdIds, 100))
    for (const h of await store.find('households', { where: { _id: { in: ids } }, limit: ids.length })) {
      const b = buildings.get(h.buildingId);
      out.set(h._id, [b ? estates.get(b.estateId) : '', b?.name, h.unit, h.room].filter(Boolean).join(' '));
    }
  return out;
}

/** A worker's (or leader's) published notices with households still to reach in their micro-grids. */
export async function visitTasks(deps: Deps, caller: Caller): Promise<{ items: VisitTask[] }> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const micros = await microGridsOf(store, user);
  const communityIds = [...new Set(micros.map((m) => m.communityId))];
  if (communityIds.length === 0) return { items: [] };
  const notices = await store.find('notices', {
    where: { communityId: { in: communityIds }, state: 'published' },
    orderBy: [['publishedAt', 'desc']],
    limit: 30,
  });
  const grids = new Map<string, Grid | null>();
  const items: VisitTask[] = [];
  for (const notice of notices) {
    const mine = micros.filter((m) => m.communityId === notice.communityId);
    // One query per notice for every micro-grid of the worker, not a read per micro-grid.
    const entries = await microGridEntries(
      store,
      notice,
      mine.map((m) => m._id),
    );
    for (const micro of mine) {
      const entry = entries.get(micro._id);
      if (!entry || entry.reached >= entry.households) continue;
      if (!grids.has(micro.gridId)) grids.set(micro.gridId, await store.get('grids', micro.gridId));
      items.push({
        noticeId: notice._id,
        title: notice.title,
        category: notice.category,
        publishedAt: notice.publishedAt ?? '',
        microGridId: micro._id,
        microGridName: microGridLabel(grids.get(micro.gridId), micro.name),
        households: entry.households,
        reached: entry.reached,
      });
    }
  }
  return { items };
}

/** The counters of these micro-grids for the notice, summed over their shards, in one query. */
async function microGridEntries(
  store: Store,
  notice: Notice,
  microGridIds: string[],
): Promise<Map<string, CoverageEntry>> {
  const ids = [
    ...new Set(
      microGridIds.flatMap((m) => shardIndexesOf(notice, m).map((i) => noticeIds.shard(notice._id, i))),
    ),
  ];
  if (ids.length === 0) return new Map();
  const shards = await store.find('noticeCoverage', { where: { _id: { in: ids } }, limit: ids.length });
  const merged = mergedEntries(shards);
  return new Map(microGridIds.flatMap((m) => (merged.has(m) ? [[m, merged.get(m)!]] : [])));
}

async function microGridsOf(store: Store, user: User) {
  const places = workerPlaces(user);
  const own = places.microGridIds.length
    ? await store.find('microGrids', {
        where: { _id: { in: places.microGridIds } },
        limit: places.microGridIds.length,
      })
    : [];
  const led = places.gridIds.length
    ? await findAll(store, 'microGrids', { gridId: { in: places.gridIds } })
    : [];
  return [...new Map([...own, ...led].map((m) => [m._id, m])).values()];
}
