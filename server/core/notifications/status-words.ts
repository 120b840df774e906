/**
 * Status words (状态用语) for display only: the same word for the same state in a push and on a page. One
 * table per vocabulary, exhaustive over the contract's union; the mini-program keeps its copies
 * (miniprogram/tickets/labels.ts `statusLabels`, miniprogram/labels/notice-states.ts) and a test checks that
 * both sides say the same (test/access/status-words.test.ts). Behaviour reads the keys, never these words.
 */
import type { NoticeState } from '../../../typings/notice';
import type { TicketStatus } from '../../../typings/ticket';

/** A ticket's state, as the resident's and the worker's pages show it. */
export const ticketStatusWords = {
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

/** A notice's state, as the staff pages show it. */
export const noticeStateWords = {
  draft: '草稿',
  scheduled: '定时发布',
  publishing: '发布中',
  published: '已发布',
  withdrawn: '已撤回',
} as const satisfies Record<NoticeState, string>;

/**
 * Moments that are not a state of their own (a flag, a request, a delivery), in the status phrase of a push
 * (≤ 5 汉字, WeChat's phrase field).
 */
export const momentWords = {
  awaitingDispatch: '待分派',
  merged: '已合并',
  reopened: '重新办理',
  escalated: '督办中',
  escalatedToHandler: '督办',
  deadlineSoon: '即将超时',
  extensionAsked: '待审批',
  extended: '已延期',
  extensionDenied: '未同意延期',
  noticePublished: '新通知',
  careVisitOverdue: '已逾期',
  bindRequested: '待审核',
  bindApproved: '已通过',
  bindDenied: '未通过',
  bindRemoved: '已解绑',
} as const;

/** Any word a push may carry as its status: one of the tables above, never a literal at the call site. */
export type StatusWord =
  | (typeof ticketStatusWords)[TicketStatus]
  | (typeof noticeStateWords)[NoticeState]
  | (typeof momentWords)[keyof typeof momentWords];
