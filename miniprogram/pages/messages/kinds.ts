/** Each kind of message with its label on the message centre: exhaustive over the contract's union. */
import type { MessageKind } from '../../../typings/message';

export const messageKindLabels: Record<MessageKind, string> = {
  ticketAssigned: '工单分派',
  ticketAccepted: '已签收',
  ticketProgress: '处理进展',
  ticketResolved: '已办结',
  ticketEscalated: '督办',
  ticketClosed: '已关闭',
  ticketReturned: '工单退回',
  ticketRejected: '未受理',
  ticketDeadlineSoon: '即将超时',
  noticePublished: '通知公告',
  bindRequested: '住户申请',
  bindApproved: '住户绑定',
  bindDenied: '住户绑定',
  bindRemoved: '住户解绑',
};
