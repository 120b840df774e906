/**
 * The `notice` cloud function: policy notices that reach every household (政策宣传到户到人, DESIGN §5) —
 * compose, publish, the resident feed with 已知晓, coverage per grid and micro-grid, door-to-door visits
 * (入户走访) and WeChat group binding.
 */
import type { ActionDef, Id, IsoTime } from './common';

/** 医保 medicalInsurance · 就业 employment · 安全 safety · 健康 health · 养老 eldercare · 其他 other. */
export type NoticeCategory = 'medicalInsurance' | 'employment' | 'safety' | 'health' | 'eldercare' | 'other';

/**
 * draft 草稿 → scheduled 定时待发 → publishing 发布中 → published 已发布 → withdrawn 已撤回.
 * publishing is short: the audience is being written in batches.
 */
export type NoticeState = 'draft' | 'scheduled' | 'publishing' | 'published' | 'withdrawn';

/** Ledger tags a notice may narrow its audience by: 老年人, 残疾人, 留守儿童, 困难家庭. */
export type NoticeHouseholdTag = 'elderly' | 'disabled' | 'leftBehindChild' | 'hardship';

/** A run of text, optionally bold; or a link to another notice of the same community. Never HTML. */
export type NoticeSpan =
  { kind: 'text'; text: string; bold?: boolean } | { kind: 'noticeLink'; noticeId: Id; text: string };

/** The body is a list of paragraphs of spans: structured, so that no user markup ever reaches a page. */
export interface NoticeBlock {
  kind: 'paragraph';
  spans: NoticeSpan[];
}

export interface NoticeAttachment {
  fileId: string;
  name: string;
  kind: 'pdf' | 'image';
}

/**
 * Who receives it: the whole community, or the households of the chosen grids and micro-grids (a grid means
 * all its micro-grids); then, if tags are given, only households carrying at least one of them.
 */
export interface NoticeAudience {
  scope: 'community' | 'places';
  gridIds: Id[];
  microGridIds: Id[];
  tags: NoticeHouseholdTag[];
}

export interface NoticeContent {
  title: string;
  body: NoticeBlock[];
  category: NoticeCategory;
  coverFileId: string | null;
  attachments: NoticeAttachment[];
}

/** A correction made after publication, shown to readers as such (更正) with its time. */
export interface NoticeCorrection {
  at: IsoTime;
  note: string;
}

/** What a reader sees. */
export interface NoticeDetail extends NoticeContent {
  noticeId: Id;
  communityId: Id;
  state: NoticeState;
  publishedAt: IsoTime | null;
  corrections: NoticeCorrection[];
  /** The caller tapped 已知晓 (residents of the audience only). */
  confirmed: boolean;
  confirmedAt: IsoTime | null;
  /** The caller's household is in the audience and the notice is live. */
  canConfirm: boolean;
}

/** One line of the resident feed. */
export interface NoticeFeedItem {
  noticeId: Id;
  title: string;
  category: NoticeCategory;
  publishedAt: IsoTime;
  /** The first words of the body, plain text. */
  excerpt: string;
  corrected: boolean;
  /** Unread: the caller has not tapped 已知晓 yet. */
  confirmed: boolean;
}

export interface NoticeFeedPage {
  items: NoticeFeedItem[];
  /** Pass as `before` for the next page; null at the end. */
  nextBefore: string | null;
}

/** A notice as staff manage it. */
export interface StaffNoticeView extends NoticeContent {
  noticeId: Id;
  communityId: Id;
  state: NoticeState;
  audience: NoticeAudience;
  publishAt: IsoTime | null;
  publishedAt: IsoTime | null;
  withdrawnAt: IsoTime | null;
  corrections: NoticeCorrection[];
  /** Households in the audience (known once published). */
  households: number | null;
  version: number;
}

/** One line of a staff member's list of the community's notices (我的通知). */
export interface StaffNoticeRow {
  noticeId: Id;
  title: string;
  category: NoticeCategory;
  state: NoticeState;
  publishAt: IsoTime | null;
  publishedAt: IsoTime | null;
  updatedAt: IsoTime;
  /** Households in the audience (known once published). */
  households: number | null;
  /** Households reached so far (published and withdrawn notices; null otherwise). */
  reached: number | null;
}

/** Drafts (newest first), scheduled notices (soonest first), published ones (newest first) with coverage. */
export interface StaffNoticeBoard {
  drafts: StaffNoticeRow[];
  scheduled: StaffNoticeRow[];
  /** Published, being published and withdrawn: the newest 20. */
  published: StaffNoticeRow[];
}

/** The figures of one place: households reached / households in the audience, and how. */
export interface CoverageCounts {
  households: number;
  reached: number;
  /** Reached first by a member's 已知晓. */
  byReceipt: number;
  /** Reached first by a recorded visit (in person or by phone). */
  byVisit: number;
  /** Residents who tapped 已知晓 (two members of one household count twice here, once in `reached`). */
  confirmedResidents: number;
  /** Not yet reached, but visited with nobody home: the worker goes again. */
  nobodyHome: number;
  /** Visit records, whatever their outcome. */
  visits: number;
}

export interface MicroGridCoverage extends CoverageCounts {
  microGridId: Id;
  name: string;
}

export interface GridCoverage extends CoverageCounts {
  gridId: Id;
  name: string;
  microGrids: MicroGridCoverage[];
}

export interface CoverageView {
  noticeId: Id;
  title: string;
  state: NoticeState;
  publishedAt: IsoTime | null;
  community: CoverageCounts;
  grids: GridCoverage[];
  /** Households newly reached per hour (Asia/Shanghai), oldest first, with the running total. */
  trend: Array<{ hour: IsoTime; reached: number; cumulative: number }>;
}

/** 入户走访: reached in person · by phone · nobody home (does not count as reached: the worker returns). */
export type VisitOutcome = 'inPerson' | 'phone' | 'nobodyHome';

export interface VisitListItem {
  householdId: Id;
  /** The full address: the worker needs the room to knock on the door. */
  address: string;
  lastAttempt: { outcome: VisitOutcome; at: IsoTime } | null;
}

export interface VisitList {
  noticeId: Id;
  title: string;
  microGridId: Id;
  microGridName: string;
  households: number;
  reached: number;
  /** Households of the micro-grid in the audience not reached yet. */
  unreached: VisitListItem[];
}

/** A worker's notices to visit for: published notices of their micro-grids with households left. */
export interface VisitTask {
  noticeId: Id;
  title: string;
  category: NoticeCategory;
  publishedAt: IsoTime;
  microGridId: Id;
  microGridName: string;
  households: number;
  reached: number;
}

export interface ReconcileReport {
  noticeId: Id;
  microGrids: number;
  receipts: number;
  visits: number;
  /** Every counter that differs from what the receipts and visits say; empty when all agree. */
  drift: Array<{ microGridId: Id | null; field: string; counted: number; recomputed: number }>;
  /** With `repair`: the drift added back to the counters now (it had settled), no longer in `drift`. */
  repaired?: ReconcileReport['drift'];
  /**
   * With `repair`: when a call again may repair what `drift` still holds (a drift must have settled: be seen
   * the same by two calls that far apart); null when nothing left can be repaired.
   */
  settlesAt?: string | null;
}

/** A WeChat group bound to a grid, as staff see it. */
export interface GroupView {
  bindingId: Id;
  /** A short label to tell groups apart, e.g. 群 3F2A. */
  label: string;
  boundAt: IsoTime;
  /** Whose share bound it (a name). */
  boundBy: string;
  /** Staff moved it after the first binding. */
  fixed: boolean;
  /** Notices shared into this group, newest first. */
  shares: Array<{ noticeId: Id; title: string; firstOpenedAt: IsoTime; opens: number }>;
}

/** A grid and the WeChat groups bound to it (none yet: the worker has not shared a notice there). */
export interface GridGroupView {
  gridId: Id;
  name: string;
  groups: GroupView[];
}

export interface BindGroupResult {
  /** bound: this open bound the group; kept: it was bound already (first binding wins). */
  outcome: 'bound' | 'kept' | 'noGrid';
  gridName: string | null;
}

export type NoticeActions = {
  /** Staff: a new draft. */
  compose: ActionDef<NoticeContent & { communityId: Id; audience: NoticeAudience }, StaffNoticeView>;
  /**
   * Staff: change a draft or scheduled notice freely; a published one only in its content, recorded as a
   * correction with `correctionNote`.
   */
  edit: ActionDef<
    {
      noticeId: Id;
      version: number;
      content: NoticeContent;
      audience?: NoticeAudience;
      correctionNote?: string;
    },
    StaffNoticeView
  >;
  /** Staff: how many households an audience reaches, before publishing. */
  previewAudience: ActionDef<
    { communityId: Id; audience: NoticeAudience },
    { households: number; microGrids: number }
  >;
  /** Staff: publish now (no `at`) or at a set time. */
  publish: ActionDef<{ noticeId: Id; version: number; at?: IsoTime }, StaffNoticeView>;
  withdraw: ActionDef<{ noticeId: Id; version: number; reason: string }, StaffNoticeView>;
  /** Staff: the community's notices, newest first. */
  staffList: ActionDef<{ communityId: Id; state?: NoticeState }, { items: StaffNoticeView[] }>;
  staffDetail: ActionDef<{ noticeId: Id }, StaffNoticeView>;
  /** Staff: 我的通知 — drafts, scheduled and published notices, the published with households reached. */
  staffBoard: ActionDef<{ communityId: Id }, StaffNoticeBoard>;
  /** Residents: notices targeted at their household, newest first. */
  feed: ActionDef<{ category?: NoticeCategory; before?: string }, NoticeFeedPage>;
  detail: ActionDef<{ noticeId: Id }, NoticeDetail>;
  /** 已知晓: once per resident; repeating it changes nothing. */
  confirm: ActionDef<{ noticeId: Id }, { confirmedAt: IsoTime; alreadyConfirmed: boolean }>;
  /** The categories the caller wants a push for. */
  subscriptions: ActionDef<Record<string, never>, { categories: NoticeCategory[] }>;
  setSubscriptions: ActionDef<{ categories: NoticeCategory[] }, { categories: NoticeCategory[] }>;
  /** Staff: the live coverage dashboard. */
  coverage: ActionDef<{ noticeId: Id }, CoverageView>;
  /** Staff: the coverage as an Excel file. */
  exportCoverage: ActionDef<{ noticeId: Id }, { fileId: string; url: string; name: string }>;
  /** Staff: recompute the counters from the records; with `repair`, add back drift that has settled. */
  reconcile: ActionDef<{ noticeId: Id; repair?: boolean }, ReconcileReport>;
  /** Workers: notices with households left to visit in their micro-grids. */
  visitTasks: ActionDef<Record<string, never>, { items: VisitTask[] }>;
  visitList: ActionDef<{ noticeId: Id; microGridId: Id }, VisitList>;
  recordVisit: ActionDef<
    { noticeId: Id; householdId: Id; outcome: VisitOutcome; note: string; requestId?: string },
    { reached: boolean; households: number; microGridReached: number }
  >;
  /**
   * A worker or leader of a grid of the notice's community, for a published notice: the signed token that goes
   * into the card's share path and proves who shared it (and so which grid the group belongs to).
   */
  shareToken: ActionDef<{ noticeId: Id }, { shareToken: string }>;
  /**
   * Anyone who opened a notice card from a WeChat group: binds the group (wx.getGroupEnterInfo's cloudID) to
   * the sharer's grid. `shareToken` comes from the card's path; a published notice only.
   */
  bindGroup: ActionDef<{ noticeId: Id; shareToken: string; cloudID: string }, BindGroupResult>;
  /** Staff: grids and their groups. */
  groups: ActionDef<{ communityId: Id }, { grids: GridGroupView[] }>;
  /** Staff: move a wrongly bound group to another grid, or unbind it (gridId null). */
  fixGroup: ActionDef<{ bindingId: Id; gridId: Id | null }, { grids: GridGroupView[] }>;
};
