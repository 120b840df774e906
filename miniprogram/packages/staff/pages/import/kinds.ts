/** What the import page takes: the grid map (replaced, with retirements) or one of the three ledgers. */
import type { ImportSummary, LedgerKind, MapReplacePlan } from '../../../../../typings/grid';

export type ImportKind = 'map' | LedgerKind;

export interface ImportKindView {
  key: ImportKind;
  label: string;
  note: string;
  extensions: string[];
}

export const importKinds: ImportKindView[] = [
  {
    key: 'map',
    label: '网格图',
    note: 'GeoJSON 边界文件：文件中的网格新增或更新，文件中没有的网格和微网格将撤销',
    extensions: ['geojson', 'json'],
  },
  {
    key: 'buildings',
    label: '楼栋台账',
    note: 'CSV 或 Excel：小区、楼栋、网格、微网格（可选层数、经度、纬度）',
    extensions: ['csv', 'xlsx'],
  },
  {
    key: 'households',
    label: '住户台账',
    note: 'CSV 或 Excel：小区、楼栋、单元、房号（可选标签）',
    extensions: ['csv', 'xlsx'],
  },
  {
    key: 'members',
    label: '网格力量台账',
    note: 'CSV 或 Excel：姓名、手机、职责、网格、微网格、是否主责',
    extensions: ['csv', 'xlsx'],
  },
];

/** One part of the preview: a heading and the places or counts under it. */
export interface PreviewSection {
  key: string;
  title: string;
  items: string[];
}

/** The map plan as people read it: what is added, changed and retired; a retirement that cannot happen says why. */
export function mapSections(plan: MapReplacePlan): PreviewSection[] {
  const sections: PreviewSection[] = [
    { key: 'create', title: `新增 ${plan.create.length} 个`, items: plan.create.map((i) => i.label) },
    { key: 'update', title: `更新 ${plan.update.length} 个`, items: plan.update.map((i) => i.label) },
    {
      key: 'retire',
      title: `撤销 ${plan.retire.length} 个`,
      items: plan.retire.map((i) => (i.blockedBy ? `${i.label} 暂不能撤销：${i.blockedBy}` : i.label)),
    },
  ];
  return [
    ...sections.filter((s) => s.items.length > 0),
    { key: 'unchanged', title: `不变 ${plan.unchanged} 个`, items: [] },
  ];
}

/** Retirements that cannot happen yet: confirming would be refused, so the page says what to move first. */
export function blockedCount(plan: MapReplacePlan): number {
  return plan.retire.filter((i) => i.blockedBy).length;
}

/** The ledger counts as people read them. */
export function ledgerSections(summary: ImportSummary): PreviewSection[] {
  const rows = [
    { key: 'create', title: `新增 ${summary.created} 条`, items: [] },
    { key: 'update', title: `更新 ${summary.updated} 条`, items: [] },
    { key: 'unchanged', title: `不变 ${summary.unchanged} 条`, items: [] },
  ];
  if (summary.toInvite)
    rows.push({
      key: 'invite',
      title: `邀请 ${summary.toInvite} 人（尚未登录过小程序，确认后发邀请码）`,
      items: [],
    });
  return rows;
}

/** The rows of an IMPORT.INVALID error, one line each: 第 3 行：微网格 “…” 不在 第一网格 中. */
export function problemLines(details: unknown): string[] {
  const rows = (details as { rows?: Array<{ row: number; reasons: string[] }> } | null)?.rows ?? [];
  return rows.map((r) => `第 ${r.row} 行：${r.reasons.join('；')}`);
}
