/**
 * Publication, in slices that each fit well inside one function call. A notice is claimed (draft or due →
 * publishing, with a version precondition, so that two scheduler runs at the same minute cannot both take
 * it) with a lease. Each slice reads the next households of the audience after a cursor (ordered by id),
 * writes their targets in batches, queues the slice's push (an outbox entry whose id names the slice, so a
 * repeated slice queues nothing twice) and moves the cursor and the running tally of households per
 * micro-grid with a versioned write. The last slice writes the coverage shards from the tally — the audience
 * is never read twice — and the notice goes live.
 *
 * The staff member's call claims the notice and writes the first, small slice: a street of 50,000
 * households answers at once with the notice `publishing`, and the scheduler's runs continue it minute by
 * minute, each a bounded amount of work. A run that died is taken over when its lease ends, at its cursor.
 */
import type { NoticeActions, StaffNoticeView } from '../../../typings/notice';
import { AppError, isAppError } from '../errors';
import type { Household } from '../grids/model';
import { microGridLabel } from '../grids/labels';
import type { OutboxEntry } from '../notifications/model';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { loadNoticeForStaff, requireVersion, staleWriteError } from './access';
import { audiencePage, loadPlaces } from './audience';
import { excerptOf } from './body';
import {
  bucketCountFor,
  BUCKETS,
  emptyCounts,
  groupCountFor,
  shardIndexesOf,
  shardOf,
} from './coverage-shards';
import type { CoverageShard, Notice, NoticeTarget, PublishingProgress } from './model';
import { noticeIds } from './model';
import { subscribersByHousehold } from './subscriptions';
import { staffView } from './views';
import { authorizeNotice, noticePermits } from './transitions';
import { momentWords } from '../notifications/status-words';

/** Households in the staff member's own call: a community of a few hundred is live before the answer. */
export const FIRST_SLICE = 1000;
/** Households per slice in scheduled runs (10 queries and 10 batch inserts at CloudBase's 1,000 a request). */
export const SLICE = 10_000;
/** Slices per scheduled run: ~25 requests, a quarter second of CloudBase latency, far inside 60 s. */
export const SLICES_PER_RUN = 1;
/** How long a claim holds: longer than any function may run (60 s), so a live run is never overtaken. */
export const LEASE_MS = 90_000;
/** Kept for readers of older code: a claim older than this belonged to a run that died. */
export const CLAIM_STALE_MS = LEASE_MS;
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
      throw await staleWriteError(deps.store, notice);
    return staffView({ ...notice, ...patch });
  }
  const claimed = await claim(deps.store, notice, now);
  if (!claimed) throw await staleWriteError(deps.store, notice);
  return staffView(await runPublication(deps, claimed, { slices: 1, slice: FIRST_SLICE }));
}

/** Takes the notice for publishing with a fresh lease; null when another writer changed it first. */
export async function claim(store: Store, notice: Notice, now: Date): Promise<Notice | null> {
  const at = toIso(now);
  const prior = notice.publishing;
  const publishing: PublishingProgress = {
    claimedAt: at,
    leaseUntil: toIso(new Date(now.getTime() + LEASE_MS)),
    startedAt: prior?.startedAt ?? at,
    batchesDone: prior?.batchesDone ?? 0,
    cursor: prior?.cursor ?? null,
    households: prior?.households ?? 0,
    tally: prior?.tally ?? {},
  };
  const patch = {
    state: 'publishing' as const,
    publishing,
    updatedAt: at,
    version: notice.version + 1,
  };
  return (await store.update('notices', notice._id, patch, { ifVersion: notice.version }))
    ? { ...notice, ...patch }
    : null;
}

export interface RunOptions {
  /** Slices this run writes before it hands the rest to the next scheduled run. */
  slices?: number;
  /** Households per slice. */
  slice?: number;
}

/**
 * Continues the claimed notice from its cursor for a bounded number of slices; makes it live after the
 * last. Safe to run again after a crash. Returns the notice as it now stands (still `publishing` when
 * slices remain: its lease is then given back, so the next scheduled run continues at once).
 */
export async function runPublication(deps: Deps, claimed: Notice, options: RunOptions = {}): Promise<Notice> {
  const { store } = deps;
  if (!noticePermits('complete', claimed) || !claimed.publishing) throw new AppError('NOTICE.INVALID_STATE');
  const slices = options.slices ?? SLICES_PER_RUN;
  const size = options.slice ?? SLICE;
  let notice = claimed;
  const subscribers = await subscribersByHousehold(store, notice.communityId, notice.category);

  for (let i = 0; i < slices; i++) {
    const progress = notice.publishing!;
    const page = await audiencePage(store, notice.communityId, notice.audience, progress.cursor, size);
    if (progress.households === 0 && page.households.length === 0 && page.done)
      return refuseEmpty(deps, notice);
    await insertTargets(
      store,
      page.households.map((h) => targetOf(notice, h, progress.startedAt)),
    );
    await queuePush(deps, notice, progress.batchesDone, page.households, subscribers);
    const next: PublishingProgress = {
      ...progress,
      batchesDone: progress.batchesDone + 1,
      cursor: page.last,
      households: progress.households + page.households.length,
      tally: tallied(progress.tally, page.households),
    };
    if (page.done) return goLive(deps, notice, next);
    notice = await advance(store, notice, { publishing: next });
  }
  // Slices remain: give the lease back so that the next scheduled run takes over without waiting for it.
  return advance(store, notice, {
    publishing: { ...notice.publishing!, leaseUntil: toIso(deps.clock.now()) },
  });
}

/** A versioned write of the notice; a stale one means another run took the claim over: this run stops. */
async function advance(store: Store, notice: Notice, patch: Partial<Notice>): Promise<Notice> {
  const next = { ...patch, version: notice.version + 1 };
  if (!(await store.update('notices', notice._id, next, { ifVersion: notice.version })))
    throw new AppError('NOTICE.STALE_VERSION');
  return { ...notice, ...next };
}

async function refuseEmpty(deps: Deps, notice: Notice): Promise<never> {
  await deps.store.update(
    'notices',
    notice._id,
    { state: 'draft', publishing: null, publishAt: null, version: notice.version + 1 },
    { ifVersion: notice.version },
  );
  throw new AppError('NOTICE.AUDIENCE_EMPTY');
}

/** The slice's subscribers hear of it: one outbox entry, its id naming the slice (a repeat queues nothing). */
async function queuePush(
  deps: Deps,
  notice: Notice,
  slice: number,
  households: Household[],
  subscribers: Map<string, string[]>,
): Promise<void> {
  const userIds = [...new Set(households.flatMap((h) => subscribers.get(h._id) ?? []))];
  if (userIds.length === 0) return;
  const entry: OutboxEntry = {
    _id: `obx_${notice._id}_${slice}`,
    userIds,
    kind: 'noticePublished',
    title: notice.title,
    body: excerptOf(notice.body),
    page: `/pages/notice-detail/index?noticeId=${notice._id}`,
    noticeId: notice._id,
    communityId: notice.communityId,
    facts: { subject: notice.title, status: momentWords.noticePublished },
    createdAt: toIso(deps.clock.now()),
    state: 'pending',
  };
  try {
    await deps.store.insert('outbox', entry);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
  }
}

function tallied(tally: Record<string, number[]>, households: Household[]): Record<string, number[]> {
  const next: Record<string, number[]> = { ...tally };
  for (const h of households) {
    const row = (next[h.microGridId] = [...(next[h.microGridId] ?? new Array<number>(BUCKETS).fill(0))]);
    row[shardOf(h._id, BUCKETS)]! += 1;
  }
  return next;
}

/** The last slice: the coverage shards from the tally, then the notice is live. */
async function goLive(deps: Deps, notice: Notice, progress: PublishingProgress): Promise<Notice> {
  const { store } = deps;
  const microGridIds = Object.keys(progress.tally).sort();
  const buckets = bucketCountFor(microGridIds.length);
  const layout = { coverageShards: groupCountFor(microGridIds.length) * buckets, coverageBuckets: buckets };
  const places = await loadPlaces(store, notice.communityId);
  await insertShards(store, shardsOf(notice, layout, progress.tally, places));
  const live = {
    state: 'published' as const,
    publishedAt: progress.startedAt,
    publishing: null,
    households: progress.households,
    ...layout,
    updatedAt: toIso(deps.clock.now()),
  };
  return advance(store, notice, live);
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
  layout: { coverageShards: number; coverageBuckets: number },
  tally: Record<string, number[]>,
  places: Awaited<ReturnType<typeof loadPlaces>>,
): CoverageShard[] {
  const docs: CoverageShard[] = Array.from({ length: layout.coverageShards }, (_, shard) => ({
    _id: noticeIds.shard(notice._id, shard),
    noticeId: notice._id,
    communityId: notice.communityId,
    shard,
    microGrids: {},
    hourly: {},
  }));
  for (const [microGridId, buckets] of Object.entries(tally)) {
    const micro = places.microGrids.get(microGridId);
    const grid = micro ? places.grids.get(micro.gridId) : undefined;
    const indexes = shardIndexesOf(layout, microGridId);
    // Tallied over BUCKETS buckets; folded into the layout's (a divisor of BUCKETS).
    const folded = new Array<number>(layout.coverageBuckets).fill(0);
    buckets.forEach((n, bucket) => (folded[bucket % layout.coverageBuckets]! += n));
    folded.forEach((households, bucket) => {
      if (households === 0) return;
      docs[indexes[bucket]!]!.microGrids[microGridId] = {
        gridId: micro?.gridId ?? '',
        gridName: grid?.name ?? '',
        name: micro ? microGridLabel(grid, micro.name) : microGridId,
        ...emptyCounts(),
        households,
      };
    });
  }
  return docs;
}

/** Inserts the batch; after a crash some exist already, and those are kept as they are. */
async function insertTargets(store: Store, targets: NoticeTarget[]): Promise<void> {
  if (targets.length === 0) return;
  try {
    await store.insertMany('noticeTargets', targets);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
    for (const target of targets) await insertOnce(store, 'noticeTargets', target);
  }
}

async function insertShards(store: Store, shards: CoverageShard[]): Promise<void> {
  try {
    await store.insertMany('noticeCoverage', shards);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
    for (const shard of shards) await insertOnce(store, 'noticeCoverage', shard);
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
 * The scheduler's job: publish scheduled notices whose time has come, and continue publications whose lease
 * has ended (given back by the run before, or left by a run that died). The claim's version precondition
 * makes a second run at the same minute find nothing to do.
 */
export async function publishDue(deps: Deps, limit = 20): Promise<Record<string, number>> {
  const now = deps.clock.now();
  const due = await deps.store.find('notices', {
    where: { state: 'scheduled', publishAt: { lte: toIso(now) } },
    orderBy: [['publishAt', 'asc']],
    limit,
  });
  const open = await deps.store.find('notices', {
    where: { state: 'publishing', 'publishing.leaseUntil': { lte: toIso(now) } },
    limit,
  });
  const tally = { published: 0, resumed: 0, continuing: 0, emptyAudience: 0, lostClaim: 0 };
  for (const notice of [...due, ...open]) {
    const claimed = await claim(deps.store, notice, now);
    if (!claimed) {
      tally.lostClaim += 1;
      continue;
    }
    try {
      const after = await runPublication(deps, claimed);
      if (after.state === 'publishing') tally.continuing += 1;
      else tally[notice.state === 'scheduled' ? 'published' : 'resumed'] += 1;
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'NOTICE.AUDIENCE_EMPTY') tally.emptyAudience += 1;
      else if (error.code === 'NOTICE.STALE_VERSION') tally.lostClaim += 1;
      else throw error;
    }
  }
  return tally;
}
