/**
 * Every figure 统计 defined once (issue 11 item 2): the counters a ticket contributes, which events make them,
 * and each figure as a formula over counters. The README section and the page's column names are generated
 * from these tables (renderDefinitions); nothing else defines a figure.
 *
 * The unit counted is a ticket, in the cohort of its submission month (Asia/Shanghai) and under its current
 * community, grid, micro-grid, assignee and category: a ticket reassigned moves its counts with it. A ticket
 * cancelled by its reporter or rejected/merged by staff (无效工单) counts nowhere.
 */
import type { FigureCounts, FigureId } from '../../../typings/figures';

/** Upper bounds (minutes) of the time buckets; one more bucket holds everything beyond the last bound. */
export const SIGN_BUCKETS = [15, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320] as const;
export const RESOLVE_BUCKETS = [60, 240, 480, 1440, 2880, 4320, 7200, 10080, 14400, 20160, 43200] as const;

export interface CounterDefinition {
  field: keyof FigureCounts;
  label: string;
  /** Which tickets (and events) count, in words. */
  counts: string;
}

// prettier-ignore
export const counterDefinitions: CounterDefinition[] = [
  { field: 'received',          label: '受理量',     counts: 'tickets submitted in the month (event `submitted`), not cancelled/rejected/merged' },
  { field: 'signed',            label: '已签收',     counts: 'received tickets with an `accepted` event' },
  { field: 'signedOnTime',      label: '按时签收',   counts: 'received tickets whose first `accepted` event is at or before the sign-for limit running then (recorded on the event as `limitAt`)' },
  { field: 'resolved',          label: '已办结',     counts: 'received tickets now `resolved` or `closed` (a reopened ticket leaves until resolved again)' },
  { field: 'everResolved',      label: '曾办结',     counts: 'received tickets with at least one `resolved` event' },
  { field: 'closed',            label: '已结案',     counts: 'received tickets now `closed` (event `confirmed` or `autoClosed`)' },
  { field: 'closedOnTime',      label: '按期办结',   counts: 'closed tickets whose last `resolved` event is at or before the resolve limit running then (`limitAt`; an extension moves the limit)' },
  { field: 'reopened',          label: '返工',       counts: 'received tickets with at least one `reopened` event' },
  { field: 'extended',          label: '延期',       counts: 'received tickets with at least one `extended` event (an extension granted)' },
  { field: 'signMinutesSum',    label: '签收用时合计', counts: 'over signed tickets: minutes from `submitted` to the first `accepted`' },
  { field: 'resolveMinutesSum', label: '办结用时合计', counts: 'over resolved tickets: minutes from `submitted` to the last `resolved`' },
  { field: 'signBuckets',       label: '签收用时分布', counts: `signed tickets per bucket of sign minutes, bounds ${SIGN_BUCKETS.join('/')} and beyond` },
  { field: 'resolveBuckets',    label: '办结用时分布', counts: `resolved tickets per bucket of resolve minutes, bounds ${RESOLVE_BUCKETS.join('/')} and beyond` },
  { field: 'rated',             label: '已评价',     counts: 'received tickets with a rating (event `rated`)' },
  { field: 'ratingSum',         label: '评分合计',   counts: 'sum of the stars (1–5) of rated tickets' },
  { field: 'satisfied',         label: '满意',       counts: 'rated tickets with stars ≥ 4' },
  { field: 'closedUnrated',     label: '结案未评价', counts: 'closed tickets without a rating' },
];

export interface FigureDefinition {
  id: FigureId;
  label: string;
  unit: 'count' | 'percent' | 'minutes' | 'stars';
  /** The formula in words, over the counters above. */
  formula: string;
  numerator: keyof FigureCounts;
  /** Null for a plain count. */
  denominator: keyof FigureCounts | null;
  /** For percentiles: the histogram and its bounds. */
  percentileOf?: { buckets: 'signBuckets' | 'resolveBuckets'; bounds: readonly number[]; share: number };
}

// prettier-ignore
export const figureDefinitions: FigureDefinition[] = [
  { id: 'received',           label: '受理量',       unit: 'count',   formula: 'received',                              numerator: 'received',          denominator: null },
  { id: 'responseRate',       label: '响应率',       unit: 'percent', formula: 'signedOnTime / received',               numerator: 'signedOnTime',      denominator: 'received' },
  { id: 'resolved',           label: '办结量',       unit: 'count',   formula: 'resolved',                              numerator: 'resolved',          denominator: null },
  { id: 'resolutionRate',     label: '解决率',       unit: 'percent', formula: 'resolved / received',                   numerator: 'resolved',          denominator: 'received' },
  { id: 'closed',             label: '结案量',       unit: 'count',   formula: 'closed',                                numerator: 'closed',            denominator: null },
  { id: 'onTimeCloseRate',    label: '按期办结率',   unit: 'percent', formula: 'closedOnTime / closed',                 numerator: 'closedOnTime',      denominator: 'closed' },
  { id: 'reworkRate',         label: '返工率',       unit: 'percent', formula: 'reopened / everResolved',               numerator: 'reopened',          denominator: 'everResolved' },
  { id: 'extensionRate',      label: '延期率',       unit: 'percent', formula: 'extended / received',                   numerator: 'extended',          denominator: 'received' },
  { id: 'signMinutesMean',    label: '平均签收用时', unit: 'minutes', formula: 'signMinutesSum / signed',               numerator: 'signMinutesSum',    denominator: 'signed' },
  { id: 'signMinutesP90',     label: '90%签收用时',  unit: 'minutes', formula: 'upper bound of the signBuckets bucket holding the ⌈0.9·signed⌉-th ticket (null beyond the last bound)', numerator: 'signBuckets', denominator: 'signed', percentileOf: { buckets: 'signBuckets', bounds: SIGN_BUCKETS, share: 0.9 } },
  { id: 'resolveMinutesMean', label: '平均办结用时', unit: 'minutes', formula: 'resolveMinutesSum / resolved',          numerator: 'resolveMinutesSum', denominator: 'resolved' },
  { id: 'resolveMinutesP90',  label: '90%办结用时',  unit: 'minutes', formula: 'upper bound of the resolveBuckets bucket holding the ⌈0.9·resolved⌉-th ticket (null beyond the last bound)', numerator: 'resolveBuckets', denominator: 'resolved', percentileOf: { buckets: 'resolveBuckets', bounds: RESOLVE_BUCKETS, share: 0.9 } },
  { id: 'ratingMean',         label: '平均评分',     unit: 'stars',   formula: 'ratingSum / rated',                     numerator: 'ratingSum',         denominator: 'rated' },
  { id: 'satisfactionRate',   label: '满意率',       unit: 'percent', formula: 'satisfied / rated',                     numerator: 'satisfied',         denominator: 'rated' },
  { id: 'closedUnrated',      label: '结案未评价',   unit: 'count',   formula: 'closedUnrated',                         numerator: 'closedUnrated',     denominator: null },
];

/** Counters all zero. */
export function emptyCounts(): FigureCounts {
  return {
    received: 0,
    signed: 0,
    signedOnTime: 0,
    resolved: 0,
    everResolved: 0,
    closed: 0,
    closedOnTime: 0,
    reopened: 0,
    extended: 0,
    signMinutesSum: 0,
    resolveMinutesSum: 0,
    signBuckets: new Array<number>(SIGN_BUCKETS.length + 1).fill(0),
    resolveBuckets: new Array<number>(RESOLVE_BUCKETS.length + 1).fill(0),
    rated: 0,
    ratingSum: 0,
    satisfied: 0,
    closedUnrated: 0,
  };
}

/** The bucket index of a duration. */
export function bucketOf(minutes: number, bounds: readonly number[]): number {
  const i = bounds.findIndex((bound) => minutes <= bound);
  return i === -1 ? bounds.length : i;
}

/** `into` += sign × `from`, field by field (buckets element-wise). */
export function addCounts(into: FigureCounts, from: FigureCounts, sign: 1 | -1 = 1): void {
  for (const { field } of counterDefinitions) {
    const a = into[field];
    const b = from[field];
    if (Array.isArray(a) && Array.isArray(b)) b.forEach((n, i) => (a[i] = (a[i] ?? 0) + sign * n));
    else (into[field] as number) = (a as number) + sign * (b as number);
  }
}

/** Whether every counter is zero. */
export function isZero(counts: FigureCounts): boolean {
  return counterDefinitions.every(({ field }) => {
    const v = counts[field];
    return Array.isArray(v) ? v.every((n) => n === 0) : v === 0;
  });
}

/** A figure's value from the counters: null where the denominator is 0 (or the percentile overflows). */
export function valueOf(def: FigureDefinition, counts: FigureCounts): number | null {
  if (def.percentileOf) {
    const n = counts[def.denominator!] as number;
    if (n === 0) return null;
    const rank = Math.ceil(def.percentileOf.share * n);
    const buckets = counts[def.percentileOf.buckets];
    let cumulative = 0;
    for (let i = 0; i < buckets.length; i++) {
      cumulative += buckets[i]!;
      if (cumulative >= rank) return def.percentileOf.bounds[i] ?? null;
    }
    return null;
  }
  const top = counts[def.numerator] as number;
  if (def.denominator === null) return top;
  const bottom = counts[def.denominator] as number;
  if (bottom === 0) return null;
  const ratio = top / bottom;
  return def.unit === 'percent' ? Math.round(ratio * 10_000) / 100 : Math.round(ratio * 100) / 100;
}

/** Every figure of a cell. */
export function valuesOf(counts: FigureCounts): Record<FigureId, number | null> {
  const out = {} as Record<FigureId, number | null>;
  for (const def of figureDefinitions) out[def.id] = valueOf(def, counts);
  return out;
}

/** The README section, generated from the tables above (NOTES-figures.md holds a copy; a test compares). */
export function renderDefinitions(): string {
  const lines = [
    '## Figures 统计: definitions',
    '',
    'Generated from `server/core/figures/definitions.ts`; do not edit by hand.',
    '',
    'A ticket counts in the month it was submitted (Asia/Shanghai) under its current community, grid,',
    'micro-grid, assignee (worker) and category; one cancelled, rejected or merged counts nowhere. Rates are',
    'percentages with two decimals; a rate whose denominator is 0 is shown as —. Percentiles come from fixed',
    'histogram buckets kept as counters: the 90th percentile is the upper bound of the bucket holding the',
    '⌈0.9·n⌉-th ticket, so it is exact to the bucket, never interpolated.',
    '',
    '| counter | 中文 | which tickets and events count |',
    '| --- | --- | --- |',
    ...counterDefinitions.map((c) => `| \`${c.field}\` | ${c.label} | ${c.counts} |`),
    '',
    '| figure | 中文 | unit | formula | numerator | denominator |',
    '| --- | --- | --- | --- | --- | --- |',
    ...figureDefinitions.map(
      (f) =>
        `| \`${f.id}\` | ${f.label} | ${f.unit} | ${f.formula} | \`${f.numerator}\` | ${f.denominator ? `\`${f.denominator}\`` : '—'} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
