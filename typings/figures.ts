/** The figures 统计 a street office is judged by (issue 11 item 2): counters per breakdown and month. */
import type { Id } from './common';

/**
 * The raw counters of one breakdown cell (a community, grid, micro-grid, worker or category in one month).
 * Every rate is a ratio of two of these; definitions in server/core/figures/definitions.ts.
 */
export interface FigureCounts {
  received: number;
  signed: number;
  signedOnTime: number;
  resolved: number;
  everResolved: number;
  closed: number;
  closedOnTime: number;
  reopened: number;
  extended: number;
  signMinutesSum: number;
  resolveMinutesSum: number;
  /** Tickets per time bucket (SIGN/RESOLVE bucket bounds in definitions.ts): the percentiles' source. */
  signBuckets: number[];
  resolveBuckets: number[];
  rated: number;
  ratingSum: number;
  satisfied: number;
  closedUnrated: number;
}

/** One cell as the page shows it: the counters and the figures derived from them (null where 0/0). */
export interface FigureRow {
  key: string;
  label: string;
  counts: FigureCounts;
  values: Record<FigureId, number | null>;
}

export type FigureId =
  | 'received'
  | 'responseRate'
  | 'resolved'
  | 'resolutionRate'
  | 'closed'
  | 'onTimeCloseRate'
  | 'reworkRate'
  | 'extensionRate'
  | 'signMinutesMean'
  | 'signMinutesP90'
  | 'resolveMinutesMean'
  | 'resolveMinutesP90'
  | 'ratingMean'
  | 'satisfactionRate'
  | 'closedUnrated';

export type FigureBreakdown = 'community' | 'grid' | 'microGrid' | 'worker' | 'category';

/** Whose figures: a community (staff, street office) or one grid of it (its leader). */
export type FigureScope =
  { kind: 'community'; communityId: Id } | { kind: 'grid'; communityId: Id; gridId: Id };

export interface FiguresView {
  /** Months read, YYYY-MM (Asia/Shanghai), the cohort of tickets received in them. */
  months: string[];
  breakdowns: Record<FigureBreakdown, FigureRow[]>;
  /** The figures' names and units, in the order the page shows them. */
  columns: Array<{ id: FigureId; label: string; unit: 'count' | 'percent' | 'minutes' | 'stars' }>;
}

export interface FiguresRequest {
  communityId: Id;
  /** A grid of the community: the leader's view; absent for the whole community. */
  gridId?: Id;
  /** First and last month, YYYY-MM; at most 12 months. */
  fromMonth: string;
  toMonth: string;
}

/** The rates a street office ranks its communities by (12345 / 数字城管 practice). */
export type RankedFigureId =
  'responseRate' | 'resolutionRate' | 'onTimeCloseRate' | 'satisfactionRate' | 'reworkRate' | 'extensionRate';

/** One community of the street: its counters, its figures, and its place in each ranking (null: no data). */
export interface StreetFigureRow {
  communityId: Id;
  name: string;
  counts: FigureCounts;
  values: Record<FigureId, number | null>;
  ranks: Record<RankedFigureId, number | null>;
}

export interface StreetFiguresRequest {
  /** One of the caller's streets; their first when absent. */
  streetId?: Id;
  fromMonth: string;
  toMonth: string;
  /** The rate the rows are ordered by; responseRate when absent. */
  rankBy?: RankedFigureId;
}

/** 街道考核: every community of the street side by side, ordered by one rate. */
export interface StreetFiguresView {
  streetId: Id;
  name: string;
  months: string[];
  rankBy: RankedFigureId;
  /** The ranked rates: name, and whether higher is better (返工率 and 延期率 rank lowest first). */
  rates: Array<{ id: RankedFigureId; label: string; higherIsBetter: boolean }>;
  rows: StreetFigureRow[];
}

export interface FigureDrift {
  docId: string;
  path: string;
  field: string;
  stored: number;
  recomputed: number;
}
