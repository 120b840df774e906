/**
 * Report categories as the report page offers them: one table with Chinese labels and groups, exhaustive over
 * the contract's TicketCategory union, so that a new category cannot be forgotten on a page.
 */
import type { TicketCategory, TicketCategoryGroup } from '../../typings/ticket';

export const categoryTable = {
  flyingWireCharging: { group: 'safety', label: '飞线充电' },
  gasLeak: { group: 'safety', label: '燃气隐患' },
  fireLane: { group: 'safety', label: '消防通道' },
  electricalSafety: { group: 'safety', label: '用电安全' },
  sewerBlocked: { group: 'municipal', label: '下水井堵塞' },
  waterSupply: { group: 'municipal', label: '供水' },
  streetLight: { group: 'municipal', label: '路灯' },
  roadDamage: { group: 'municipal', label: '道路破损' },
  garbage: { group: 'sanitation', label: '垃圾堆放' },
  sanitation: { group: 'sanitation', label: '环境卫生' },
  propertyService: { group: 'property', label: '物业服务' },
  neighborDispute: { group: 'dispute', label: '邻里纠纷' },
  secretaryLetter: { group: 'letter', label: '书记信箱' },
  other: { group: 'other', label: '其他' },
} as const satisfies Record<TicketCategory, { group: TicketCategoryGroup; label: string }>;

/** Group headings in the order the picker shows them. */
export const categoryGroupLabels = {
  safety: '安全隐患',
  municipal: '市政设施',
  sanitation: '环境卫生',
  property: '物业服务',
  dispute: '邻里纠纷',
  letter: '书记信箱',
  other: '其他',
} as const satisfies Record<TicketCategoryGroup, string>;

export interface CategoryGroupView {
  group: TicketCategoryGroup;
  label: string;
  items: Array<{ key: TicketCategory; label: string }>;
}

/** The picker's sections: every group with its categories, in table order. */
export function categoryGroups(): CategoryGroupView[] {
  const groups = Object.keys(categoryGroupLabels) as TicketCategoryGroup[];
  const categories = Object.keys(categoryTable) as TicketCategory[];
  return groups.map((group) => ({
    group,
    label: categoryGroupLabels[group],
    items: categories
      .filter((key) => categoryTable[key].group === group)
      .map((key) => ({ key, label: categoryTable[key].label })),
  }));
}

export function categoryLabel(category: TicketCategory): string {
  return categoryTable[category].label;
}

/** Safety hazards 安全隐患: resolving needs a note and at least one photo (the server checks the same). */
export function isSafetyCategory(category: TicketCategory): boolean {
  return categoryTable[category].group === 'safety';
}
