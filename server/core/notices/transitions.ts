/**
 * A notice's states as one table, like the tickets' (tickets/transitions.ts): each named transition, the
 * states it may start from and the state it leads to. Staff actions are refused with NOTICE.INVALID_STATE;
 * what residents and workers do with a notice (read it, confirm it, visit for it) needs it live, and a notice
 * that is not is withdrawn (NOTICE.WITHDRAWN) or, for them, does not exist (NOTICE.NOT_FOUND).
 */
import type { NoticeState } from '../../../typings/notice';
import { AppError } from '../errors';
import type { Notice } from './model';

export type NoticeTransition =
  | 'edit'
  | 'correct'
  | 'schedule'
  | 'publish'
  | 'resume'
  | 'complete'
  | 'abandon'
  | 'withdraw'
  | 'read'
  | 'confirm'
  | 'visit';

// prettier-ignore
export const noticeTransitions: Record<NoticeTransition, { from: readonly NoticeState[]; to: NoticeState | 'same' }> = {
  //          from                                   to
  edit:     { from: ['draft', 'scheduled'],              to: 'same' },
  // a published notice is corrected in place, with a correction note
  correct:  { from: ['published'],                       to: 'same' },
  schedule: { from: ['draft', 'scheduled'],              to: 'scheduled' },
  // staff publish now, or the scheduler when the time comes: the claim
  publish:  { from: ['draft', 'scheduled'],              to: 'publishing' },
  // the scheduler takes over a publication whose run died
  resume:   { from: ['publishing'],                      to: 'publishing' },
  complete: { from: ['publishing'],                      to: 'published' },
  // the audience turned out empty: back to a draft
  abandon:  { from: ['publishing'],                      to: 'draft' },
  withdraw: { from: ['draft', 'scheduled', 'published'], to: 'withdrawn' },
  read:     { from: ['published'],                       to: 'same' },
  confirm:  { from: ['published'],                       to: 'same' },
  visit:    { from: ['published'],                       to: 'same' },
};

export function noticePermits(name: NoticeTransition, notice: Pick<Notice, 'state'>): boolean {
  return noticeTransitions[name].from.includes(notice.state);
}

/** Staff and the scheduler: NOTICE.INVALID_STATE when the table does not permit it; the state it leads to. */
export function authorizeNotice(name: NoticeTransition, notice: Pick<Notice, 'state'>): NoticeState {
  if (!noticePermits(name, notice)) throw new AppError('NOTICE.INVALID_STATE');
  const to = noticeTransitions[name].to;
  return to === 'same' ? notice.state : to;
}

/** Residents and workers: the notice must be live; withdrawn says so, anything else does not exist for them. */
export function requireLive(name: 'read' | 'confirm' | 'visit', notice: Pick<Notice, 'state'>): void {
  if (noticePermits(name, notice)) return;
  throw new AppError(notice.state === 'withdrawn' ? 'NOTICE.WITHDRAWN' : 'NOTICE.NOT_FOUND');
}
