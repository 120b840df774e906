/** Workbench lines and status tabs as the staff and leader pages show them. */
import type { TicketStatus } from '../../typings/ticket';
import type { WorkbenchRow } from '../../typings/workbench';
import { ticketCard, type TicketCard } from './views';

export interface WorkbenchLine extends TicketCard {
  placeLine: string;
  assigneeText: string;
  excerpt: string;
}

/** A row of the workbench: the card, where it is and who has it, in words. */
export function workbenchLine(row: WorkbenchRow, now: number): WorkbenchLine {
  return {
    ...ticketCard(row, now),
    placeLine: row.microGridLabel ?? '未定位到网格',
    assigneeText: row.assigneeName ? `处理人：${row.assigneeName}` : '暂无处理人',
    excerpt: row.excerpt,
  };
}

/** The status tabs: each a group of the contract's statuses; together they cover every status once. */
export const statusTabs: ReadonlyArray<{ key: string; label: string; statuses: TicketStatus[] }> = [
  { key: 'all', label: '全部', statuses: [] },
  { key: 'toRoute', label: '待分派', statuses: ['submitted', 'returned'] },
  { key: 'toSign', label: '待签收', statuses: ['assigned'] },
  { key: 'inHand', label: '办理中', statuses: ['accepted', 'processing'] },
  { key: 'resolved', label: '待确认', statuses: ['resolved'] },
  { key: 'closed', label: '已办结', statuses: ['closed'] },
  { key: 'ended', label: '已终止', statuses: ['rejected', 'cancelled'] },
];
