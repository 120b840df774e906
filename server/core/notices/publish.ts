/**
 * Publication: a notice is claimed (draft or due → publishing, with a version precondition, so that two
 * scheduler runs at the same minute cannot both take it), its audience is resolved once, written as one
 * target per household in batches, each batch's push queued in a transaction that also records the batch as
 * done, then the coverage shards are written and the notice goes live. A run that crashed half-way is taken
 * over after CLAIM_STALE_MS and continues after the last finished batch.
 */
import type { NoticeActions, StaffNoticeView } from '../../../typings/notice';
import { AppError, isAppError } from '../errors';
import type { Household } from '../grids/model';
import { microGridLabel } from '../grids/labels';
import { queueNotification } from '../notifications/outbox';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { loadNoticeForStaff, requireVersion } from './access';
import { loadPlaces, resolveAudience, type CommunityPlaces } from './audience';
import { excerptOf } from './body';
import { emptyCounts, shardCountFor, shardOf } from './coverage-shards';
import type { CoverageShard, Notice, NoticeTarget } from './model';
import { noticeIds } from './model';
import { chunks } from './paging';
import { subscribersByHousehold } from './subscriptions';
import { staffView } from './views';
import { authorizeNotice, noticePermits } from './transitions';

/** Targets per batch: one push outbox entry and one progress mark each. */
export const PUBLISH_BATCH = 500;
/** A publishing claim older than this belongs to a run that died. */
export const CLAIM_STALE_MS = 5 * 60_000;
const MAX_SCHEDULE_MS = 90 * 24 * 3_600_000;

/** Staff: publish now, or schedule for `at`. */
export async function requestPublish(
  deps: Deps,
  caller: Caller,
  input: NoticeActions['publish']['req'],
): Promise<StaffNoticeView> {
  const user = await loadActor(deps.store, caller);
  const notice = await loadNoticeForStaff(deps.store, user, input.noticeId);
  requireVersion(notice, input.version);
  authorizeNotice(input.at !== undefined ? 'schedule' : 'publish', notice);
  const now = deps.clock.now();
  if (input.at !== undefined) {
    const at = new Date(input.at);
    const ahead = at.getTime() - now.getTime();
    if (Number.isNaN(ahead) || ahead <= 0 || ahead > MAX_SCHEDULE_MS)
      throw new AppError('NOTICE.SCHEDULE_INVALID');
    const patch = {
      state: 'scheduled' as const,
      publishAt: toIso(at),
      updatedAt: toIso(now),
      version: notice.version + 1,
    };
    if (!(await deps.store.update('notices', notice._id, patch, { ifVersion: notice.version })))
      throw new AppError('NOTICE.STALE_VERSION');
    return staffView({ ...notice, ...patch });
  }
  const claimed = await claim(deps.store, notice, now);
  if (!claimed) throw new AppError('NOTICE.STALE_VERSION');
  return staffView(await runPublication(deps, claimed));
}

/** Takes the notice for publishing; null when another writer changed it first. */
export async function claim(store: Store, notice: Notice, now: Date): Promise<Notice | null> {
  const at = toIso(now);
  const patch = {
    state: 'publishing' as const,
    publishing: {
      claimedAt: at,
      startedAt: notice.publishing?.startedAt ?? at,
      batchesDone: notice.publishing?.batchesDone ?? 0,
    },
    updatedAt: at,
    version: notice.version + 1,
  };
  return (await store.update('notices', notice._id, patch, { ifVersion: notice.version }))
    ? { ...notice, ...patch }
    : null;
}

/** Writes the claimed notice's audience and makes it live; safe to run again after a crash. */
export async function runPublication(deps: Deps, notice: Notice): Promise<Notice> {
  const { store } = deps;
  const progress = notice.publishing;
  if (!noticePermits('complete', notice) || !progress) throw new AppError('NOTICE.INVALID_STATE');
  const places = await loadPlaces(store, notice.communityId);
  const households = await resolveAudience(store, notice.communityId, notice.audience);
  if (households.length === 0) {
    await store.update(
      'notices',
      notice._id,
      { state: 'draft', publishing: null, publishAt: null, version: notice.version + 1 },
      { ifVersion: notice.version },
    );
    throw new AppError('NOTICE.AUDIENCE_EMPTY');
  }
  const microGridIds = [...new Set(households.map((h) => h.microGridId))].sort();
  const shards = shardCountFor(microGridIds.length);
  const subscribers = await subscribersByHousehold(store, notice.communityId, notice.category);
  const publishedAt = progress.startedAt;

  const batches = chunks(households, PUBLISH_BATCH);
  for (let i = progress.batchesDone; i < batches.length; i++) {
    const batch = batches[i]!;
    await insertTargets(
      store,
      batch.map((h) => targetOf(notice, h, publishedAt)),
    );
    const userIds = batch.flatMap((h) => subscribers.get(h._id) ?? []);
    await store.transaction(async (tx) => {
      const current = await tx.get('notices', notice._id);
      // Another run finished this batch (and queued its push) already.
      if (!current?.publishing || current.publishing.batchesDone !== i) return;
      await queueNotification(tx, deps.ids, deps.clock.now(), {
        userIds,
        kind: 'noticePublished',
        title: notice.title,
        body: excerptOf(notice.body),
        page: `/pages/notice-detail/index?noticeId=${notice._id}`,
        noticeId: notice._id,
        communityId: notice.communityId,
        facts: { subject: notice.title, status: '新通知' },
      });
      await tx.update('notices', notice._id, { publishing: { ...current.publishing, batchesDone: i + 1 } });
    });
  }

  for (const shard of shardsOf(notice, households, places, shards))
    await insertOnce(store, 'noticeCoverage', shard);
  const live = {
    state: 'published' as const,
    publishedAt,
    publishing: null,
    households: households.length,
    coverageShards: shards,
    updatedAt: toIso(deps.clock.now()),
    version: notice.version + 1,
  };
  if (!(await store.update('notices', notice._id, live, { ifVersion: notice.version })))
    throw new AppError('NOTICE.STALE_VERSION');
  return { ...notice, ...live };
}

function targetOf(notice: Notice, h: Household, publishedAt: string): NoticeTarget {
  return {
    _id: noticeIds.target(notice._id, h._id),
    noticeId: notice._id,
    communityId: notice.communityId,
    householdId: h._id,
    gridId: h.gridId,
    microGridId: h.microGridId,
    category: notice.category,
    publishedAt,
    reachedAt: null,
    reachedBy: null,
    lastAttempt: null,
    awaitingRevisit: false,
  };
}

function shardsOf(
  notice: Notice,
  households: Household[],
  places: CommunityPlaces,
  shards: number,
): CoverageShard[] {
  const docs: CoverageShard[] = Array.from({ length: shards }, (_, shard) => ({
    _id: noticeIds.shard(notice._id, shard),
    noticeId: notice._id,
    communityId: notice.communityId,
    shard,
    microGrids: {},
    hourly: {},
  }));
  for (const h of households) {
    const doc = docs[shardOf(h.microGridId, shards)]!;
    const entry = doc.microGrids[h.microGridId];
    if (entry) {
      entry.households += 1;
      continue;
    }
    const grid = places.grids.get(h.gridId);
    const micro = places.microGrids.get(h.microGridId);
    doc.microGrids[h.microGridId] = {
      gridId: h.gridId,
      gridName: grid?.name ?? '',
      name: micro ? microGridLabel(grid?.name ?? '', micro.name) : h.microGridId,
      ...emptyCounts(),
      households: 1,
    };
  }
  return docs;
}

/** Inserts the batch; after a crash some exist already, and those are kept as they are. */
async function insertTargets(store: Store, targets: NoticeTarget[]): Promise<void> {
  try {
    await store.insertMany('noticeTargets', targets);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
    for (const target of targets) await insertOnce(store, 'noticeTargets', target);
  }
}

async function insertOnce<C extends 'noticeTargets' | 'noticeCoverage'>(
  store: Store,
  collection: C,
  doc: C extends 'noticeTargets' ? NoticeTarget : CoverageShard,
): Promise<void> {
  try {
    await store.insert(collection, doc as never);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
  }
}

/**
 * The scheduler's job: publish scheduled notices whose time has come, and take over publications whose run
 * died. The claim's version precondition makes a second run at the same minute find nothing to do.
 */
export async function publishDue(deps: Deps, limit = 20): Promise<Record<string, number>> {
  const now = deps.clock.now();
  const due = await deps.store.find('notices', {
    where: { state: 'scheduled', publishAt: { lte: toIso(now) } },
    orderBy: [['publishAt', 'asc']],
    limit,
  });
  const stuck = await deps.store.find('notices', {
    where: {
      state: 'publishing',
      'publishing.claimedAt': { lt: toIso(new Date(now.getTime() - CLAIM_STALE_MS)) },
    },
    limit,
  });
  const tally = { published: 0, resumed: 0, emptyAudience: 0, lostClaim: 0 };
  for (const notice of [...due, ...stuck]) {
    const claimed = await claim(deps.store, notice, now);
    if (!claimed) {
      tally.lostClaim += 1;
      continue;
    }
    try {
      await runPublication(deps, claimed);
      tally[notice.state === 'scheduled' ? 'published' : 'resumed'] += 1;
    } catch (error) {
      if (!isAppError(error) || error.code !== 'NOTICE.AUDIENCE_EMPTY') throw error;
      tally.emptyAudience += 1;
    }
  }
  return tally;
}
