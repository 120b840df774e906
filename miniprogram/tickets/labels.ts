/**
 * A ticket's states, timeline events and inbox tabs in Chinese: one table each, exhaustive over the contract.
 * `statusLabels` is the server's push vocabulary too (server/core/notifications/status-words.ts; a test checks).
 */
import type { DeadlineKind, InboxTab, TicketEventType, TicketStatus } from '../../typings/ticket';

export const statusLabels = {
  submitted: '已提交',
  assigned: '待签收',
  accepted: '已签收',
  processing: '办理中',
  resolved: '已办结',
  closed: '已完成',
  returned: '已退回',
  cancelled: '已撤销',
  rejected: '未受理',
} as const satisfies Record<TicketStatus, string>;

export const eventLabels = {
  submitted: '提交工单',
  routed: '分派到网格',
  assigned: '指派网格员',
  accepted: '签收',
  progress: '办理进展',
  coHandling: '协办',
  resolved: '办结',
  confirmed: '居民确认',
  reopened: '居民不满意，重新办理',
  rated: '评价',
  closed: '结案',
  autoClosed: '逾期未确认，自动结案',
  returned: '退回',
  reassigned: '改派',
  cancelled: '居民撤销',
  rejected: '不予受理',
  merged: '合并为重复工单',
  followed: '有居民关注',
  escalated: '超时督办',
  extensionAsked: '申请延期',
  extended: '同意延期',
  extensionDenied: '不同意延期',
} as const satisfies Record<TicketEventType, string>;

export const inboxTabLabels = {
  toSign: '待签收',
  inProgress: '办理中',
  overdue: '已超时',
  done: '已办结',
} as const satisfies Record<InboxTab, string>;

export const deadlineKindLabels = {
  signFor: '签收',
  resolve: '办结',
} as const satisfies Record<DeadlineKind, string>;

/**
 * What the running deadline waits for, by state (签收剩余 / 重新分派剩余 / 办结剩余): a returned ticket waits
 * to be routed again, not signed for. '' where no deadline runs.
 */
export const deadlineStatusLabels = {
  submitted: '分派',
  assigned: '签收',
  returned: '重新分派',
  accepted: '办结',
  processing: '办结',
  resolved: '',
  closed: '',
  cancelled: '',
  rejected: '',
} as const satisfies Record<TicketStatus, string>;

/** 督办 levels: 0 none, 1 grid leader, 2 secretary. */
export const escalationLabels = ['', '已督办至网格长', '已督办至书记'] as const;
