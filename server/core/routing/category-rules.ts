/**
 * Category rules as data (DESIGN §3 step 4): which categories go to a role rather than only to the place's
 * worker, who is told at once, and which are urgent. Code reads this table; it names no category itself.
 */
import type { TicketCategory } from '../../../typings/ticket';

export interface CategoryRule {
  category: TicketCategory;
  /** 'place': the worker the place's micro-grid assigns; 'secretary': the community's secretary 书记. */
  assignTo: 'place' | 'secretary';
  /** Also told at once, beside the assignee. */
  alsoNotify: ReadonlyArray<'gridLeader'>;
  urgent: boolean;
  /** How the reason names the rule. */
  label: string;
}

export const categoryRules: readonly CategoryRule[] = [
  { category: 'secretaryLetter', assignTo: 'secretary', alsoNotify: [], urgent: false, label: '书记信箱' },
  { category: 'gasLeak', assignTo: 'place', alsoNotify: ['gridLeader'], urgent: true, label: '燃气隐患' },
  { category: 'flyingWireCharging', assignTo: 'place', alsoNotify: [], urgent: true, label: '飞线充电' },
  { category: 'fireLane', assignTo: 'place', alsoNotify: [], urgent: true, label: '消防通道' },
  { category: 'electricalSafety', assignTo: 'place', alsoNotify: [], urgent: true, label: '用电安全' },
];

/** The rule for a category, if the table has one. */
export function categoryRuleFor(
  category: TicketCategory,
  rules: readonly CategoryRule[] = categoryRules,
): CategoryRule | undefined {
  return rules.find((r) => r.category === category);
}

/** Whether the rule changes who gets the report (not just how urgent it is). */
export function decidesRecipients(rule: CategoryRule | undefined): rule is CategoryRule {
  return !!rule && (rule.assignTo !== 'place' || rule.alsoNotify.length > 0);
}
