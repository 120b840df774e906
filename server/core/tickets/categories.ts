/** Ticket categories by group, with their Chinese labels: the one table the core names categories in. */
import type { TicketCategory, TicketCategoryGroup } from '../../../typings/ticket';

export const categoryTable: Record<TicketCategory, { group: TicketCategoryGroup; label: string }> = {
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
};

export const ticketCategories = Object.keys(categoryTable) as TicketCategory[];

/** Safety hazards 安全隐患: shorter deadlines, and resolving needs a note and a photo. */
export function isSafetyCategory(category: TicketCategory): boolean {
  return categoryTable[category].group === 'safety';
}

/** 书记信箱 letters: the secretary's alone (DESIGN §8) — no worker, leader or other staff member sees them. */
export function isSecretaryLetter(category: TicketCategory): boolean {
  return categoryTable[category].group === 'letter';
}

export function categoryLabel(category: TicketCategory): string {
  return categoryTable[category].label;
}
