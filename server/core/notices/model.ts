/**
 * Policy notices (政策宣传到户到人, DESIGN §5). A notice 通知 is composed by staff and published to an
 * audience resolved once into one target per household; a receipt 已知晓 is one resident's confirmation; a
 * visit 入户走访 is a worker's door-to-door record. A household counts as reached once: by the first receipt
 * of any member, or by a visit that reached someone (in person or by phone).
 *
 * Coverage counters live in a few shard documents per notice (coverage-shards.ts): each holds the counters of
 * its micro-grids and an hourly trend, updated in the same transaction as the receipt or visit.
 */
import type {
  NoticeAudience,
  NoticeCategory,
  NoticeContent,
  NoticeCorrection,
  NoticeState,
  ReconcileReport,
  VisitOutcome,
} from '../../../typings/notice';

export type { NoticeAudience, NoticeCategory, NoticeState, VisitOutcome };

/**
 * A publication under way (publish.ts): who holds it until when, how far through the audience (ordered by
 * household id) it has written targets, and the households counted per micro-grid and bucket so far, from
 * which the coverage shards are written at the end without reading the audience again.
 */
export interface PublishingProgress {
  claimedAt: string;
  /** The claim's holder may work until then; after it, the next scheduled run takes over. */
  leaseUntil: string;
  startedAt: string;
  /** Slices written. */
  batchesDone: number;
  /** The last household id written; null before the first slice. */
  cursor: string | null;
  households: number;
  /** Households per micro-grid, per household bucket (coverage-shards.ts BUCKETS). */
  tally: Record<string, number[]>;
}

export interface Notice extends NoticeContent {
  _id: string;
  communityId: string;
  state: NoticeState;
  audience: NoticeAudience;
  /** When a scheduled notice is due; null for one published at once. */
  publishAt: string | null;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  corrections: NoticeCorrection[];
  /**
   * Set while the audience is being written: when the current claim was taken (a claim older than a few
   * minutes is a crashed run, taken over by the scheduler), when publication started (the notice's
   * publication time), how many batches are done (a resumed run skips them: no household is pushed twice).
   */
  publishing: PublishingProgress | null;
  /** Households in the audience, fixed at publication. */
  households: number | null;
  /** How many coverage shards it has (0 before publication). */
  coverageShards: number;
  /** Household buckets per micro-grid group (coverage-shards.ts); unset on notices published before them. */
  coverageBuckets?: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One household of the audience: how the feed finds the notice and where its reach is recorded. */
export interface NoticeTarget {
  _id: string;
  noticeId: string;
  communityId: string;
  householdId: string;
  gridId: string;
  microGridId: string;
  category: NoticeCategory;
  publishedAt: string;
  reachedAt: string | null;
  reachedBy: 'receipt' | 'visit' | null;
  /**
   * The member whose 已知晓 reached it: the receipt is written after the reach, and a call of theirs cut
   * short between the two completes it on their next tap (receipts.ts). Unset when reached by a visit.
   */
  reachedByUserId?: string;
  /** The last visit, whatever its outcome: the visit list shows it. */
  lastAttempt: { outcome: VisitOutcome; at: string } | null;
  /**
   * Visited with nobody home before it was reached: counted in `nobodyHome` until reached. A receipt's reach
   * leaves it as it was (the reach's one write is its guard), so it means "awaiting" only while unreached.
   */
  awaitingRevisit: boolean;
}

/** 已知晓: one per resident and notice (its id says so), kept when the notice is withdrawn. */
export interface NoticeReceipt {
  _id: string;
  noticeId: string;
  communityId: string;
  userId: string;
  householdId: string;
  microGridId: string;
  at: string;
  /** This receipt reached the household (no member or visit had before it). */
  reached: boolean;
}

/** 入户走访: a worker's record; several per household are fine (nobody home, then again). */
export interface NoticeVisit {
  _id: string;
  noticeId: string;
  communityId: string;
  householdId: string;
  microGridId: string;
  outcome: VisitOutcome;
  note: string;
  userId: string;
  at: string;
  /** This visit reached the household first. */
  reached: boolean;
}

/** Counters of one micro-grid for one notice. */
export interface CoverageEntry {
  gridId: string;
  gridName: string;
  name: string;
  households: number;
  reached: number;
  byReceipt: number;
  byVisit: number;
  confirmedResidents: number;
  nobodyHome: number;
  visits: number;
}

export interface CoverageShard {
  _id: string;
  noticeId: string;
  communityId: string;
  shard: number;
  microGrids: Record<string, CoverageEntry>;
  /** Households first reached per Asia/Shanghai hour ('2026-06-20T09'). */
  hourly: Record<string, number>;
}

/** The notice categories a resident wants a push for. */
export interface NoticeSubscription {
  _id: string;
  userId: string;
  communityId: string | null;
  categories: NoticeCategory[];
  updatedAt: string;
}

/** A WeChat group bound to a grid (first binding wins; staff may move or remove it). */
export interface GroupBinding {
  _id: string;
  opengid: string;
  communityId: string;
  gridId: string | null;
  boundAt: string;
  boundBy: string;
  fixedBy: string | null;
  version: number;
}

/** A notice shared into a group, learned when someone opened the card there. */
export interface GroupShare {
  _id: string;
  noticeId: string;
  opengid: string;
  communityId: string;
  gridId: string | null;
  sharer: string;
  firstOpenedAt: string;
  opens: number;
}

export const noticeIds = {
  target: (noticeId: string, householdId: string) => `ntg_${noticeId}_${householdId}`,
  receipt: (noticeId: string, userId: string) => `nrc_${noticeId}_${userId}`,
  shard: (noticeId: string, shard: number) => `ncv_${noticeId}_${shard}`,
  subscription: (userId: string) => `nsb_${userId}`,
  binding: (opengid: string) => `grp_${opengid}`,
  share: (noticeId: string, opengid: string) => `gsh_${noticeId}_${opengid}`,
};

/** What a notice's last reconciliation with repair saw, to tell a settled drift from one in flight (repair.ts). */
export interface CoverageCheck {
  /** The notice's id. */
  _id: string;
  at: string;
  /** The drift left, each difference with when it was first seen as it is. */
  drift: Array<ReconcileReport['drift'][number] & { since: string }>;
}
