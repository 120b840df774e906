/** The work log's words: one table, exhaustive over the contract's kinds. */
import type { WorklogKind } from '../../../typings/field';

export const worklogKindLabels: Record<WorklogKind, string> = {
  ticketAccepted: '签收工单',
  ticketProgress: '办理工单',
  ticketResolved: '办结工单',
  inspection: '安全排查',
  careVisit: '走访',
  noticeVisit: '入户宣传',
  noticeShared: '转发通知',
  note: '备注',
};
