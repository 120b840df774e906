/**
 * A workbench filter as indexed branches (see paged-walk.ts): every condition an index can serve becomes part
 * of a branch's equality prefix; a list of statuses becomes one branch per status, so each branch walks one
 * index range in createdAt order instead of sorting a union. "Overdue" is a condition on the deadline that
 * runs in each status (sign-for while unsigned, resolve while in hand); the text search is the only predicate
 * left to the bounded window.
 */
import type { TicketStatus } from '../../../typings/ticket';
import type { WorkbenchFilter } from '../../../typings/workbench';
import { AppError } from '../errors';
import type { Where } from '../ports/store';
import type { Ticket } from '../tickets/model';

/** Where a sign-for deadline runs, and where a resolve deadline runs (tickets/deadlines.ts). */
const SIGN_FOR: readonly TicketStatus[] = ['submitted', 'assigned', 'returned'];
const RESOLVE: readonly TicketStatus[] = ['accepted', 'processing'];
const ALL_STATUSES: readonly TicketStatus[] = [
  'submitted',
  'assigned',
  'accepted',
  'processing',
  'resolved',
  'closed',
  'returned',
  'cancelled',
  'rejected',
];

/** The day bounds of the filter as IsoTime (Asia/Shanghai), or VALIDATION.FAILED when they are reversed. */
export function dayBounds(filter: Pick<WorkbenchFilter, 'from' | 'to'>): { from?: string; to?: string } {
  const from = filter.from ? `${filter.from}T00:00:00+08:00` : undefined;
  const to = filter.to ? `${filter.to}T23:59:59+08:00` : undefined;
  if (from && to && from > to)
    throw new AppError('VALIDATION.FAILED', { message: '开始日期不能晚于结束日期，请重新选择日期' });
  return { from, to };
}

/** The branches of the filter over the scope's place conditions; `nowIso` decides "overdue". */
export function branchesFor(places: Where[], filter: WorkbenchFilter, nowIso: string): Where[] {
  const common: Where = {
    // Letters are the secretary's alone (DESIGN §8): never on anyone's workbench.
    category: filter.category ?? { ne: 'secretaryLetter' },
    ...(filter.assigneeUserId ? { assigneeUserId: filter.assigneeUserId } : {}),
  };
  // Escalated: one branch per level, so each is an equality an index serves in order.
  const levels: Where[] = filter.escalated ? [{ escalationLevel: 1 }, { escalationLevel: 2 }] : [{}];
  const statuses = filter.statuses?.length ? [...new Set(filter.statuses)] : null;
  const perStatus: Where[] = filter.overdue
    ? (statuses ?? ALL_STATUSES).flatMap((status): Where[] => {
        if (SIGN_FOR.includes(status)) return [{ status, signForBy: { lt: nowIso } }];
        if (RESOLVE.includes(status)) return [{ status, resolveBy: { lt: nowIso } }];
        return [];
      })
    : statuses
      ? statuses.map((status) => ({ status }))
      : [{}];
  return places.flatMap((place) =>
    perStatus.flatMap((s) => levels.map((level) => ({ ...place, ...common, ...s, ...level }))),
  );
}

/** The search words, lower-cased; empty when there is nothing to search. */
export function searchWords(text: string | undefined): string[] {
  return (text ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 5);
}

/** Every word appears in the description or the place. */
export function matchesWords(words: string[]): (ticket: Ticket) => boolean {
  return (ticket) => {
    const haystack = `${ticket.description} ${ticket.placeText}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  };
}
