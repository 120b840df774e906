/**
 * Rows of the authorization matrix for the deadlines branch (format: test/access/matrix.ts): extension 延期
 * on the `ticket` function; the working calendar and the street office on the `grid` function.
 */
import type { TicketDetail } from '../../../typings/ticket';
import { IN_A, row, type Cell, type MatrixRelation, type Row } from '../matrix';
import type { World } from '../world';

const COMMUNITY: readonly MatrixRelation[] = ['sameCommunity', 'otherCommunity'];
/** Staff and the secretary of the community; staff of B in B. */
const RUNS_COMMUNITY = {
  staff: ['sameCommunity'],
  secretary: ['sameCommunity'],
  otherStaff: ['otherCommunity'],
} as const;
const RUNS = { staff: IN_A, secretary: IN_A, otherStaff: ['otherCommunity'] } as const;
const LEADS = { leader: ['own', 'sameMicroGrid', 'sameGrid'] } as const;
const ASSIGNEE = { worker: ['own', 'sameMicroGrid'] } as const;
const community = (w: World, c: Cell) => w.slot(c.relation).communityId;

/** A ticket signed for by its handler, where the cell puts it. */
async function inHand(w: World, c: Cell) {
  return w.ticket(c, { status: 'accepted' });
}

/** A ticket in hand whose handler asked for two more working days. */
async function asked(w: World, c: Cell): Promise<TicketDetail | null> {
  const t = await inHand(w, c);
  if (!t) return null;
  const handler = await w.h.deps.store.get('users', t.detail.assignee!.userId);
  return w.ok<TicketDetail>(handler!.openid, 'ticket', 'askExtension', {
    ticketId: t.ticketId,
    version: t.version,
    reason: '等厂家配件',
    limit: { amount: 2, unit: 'workingDays' },
  });
}

export const deadlineRows: Row[] = [
  row('ticket', 'askExtension', {
    allow: ASSIGNEE,
    request: async (w, c) => {
      const t = await inHand(w, c);
      return (
        t && {
          req: {
            ticketId: t.ticketId,
            version: t.version,
            reason: '等厂家配件',
            limit: { amount: 2, unit: 'workingDays' },
          },
          subject: t.ticketId,
        }
      );
    },
  }),
  row('ticket', 'approveExtension', {
    allow: { ...LEADS, ...RUNS },
    request: async (w, c) => {
      const t = await asked(w, c);
      return t && { req: { ticketId: t.ticketId, version: t.version }, subject: t.ticketId };
    },
  }),
  row('ticket', 'denyExtension', {
    allow: { ...LEADS, ...RUNS },
    request: async (w, c) => {
      const t = await asked(w, c);
      return t && { req: { ticketId: t.ticketId, version: t.version, reason: '请先临时处理' }, subject: t.ticketId };
    },
  }),
  row('grid', 'calendar', {
    relations: COMMUNITY,
    allow: RUNS_COMMUNITY,
    request: async (w, c) => ({ req: { communityId: community(w, c) } }),
  }),
  row('grid', 'setWorkingHours', {
    relations: COMMUNITY,
    allow: RUNS_COMMUNITY,
    request: async (w, c) => ({
      req: { communityId: community(w, c), periods: [{ start: '09:00', end: '17:00' }] },
    }),
  }),
  row('grid', 'importHolidays', {
    relations: COMMUNITY,
    allow: RUNS_COMMUNITY,
    request: async (w, c) => ({
      req: { communityId: community(w, c), year: 2027, holidays: ['2027-01-01'], workdays: [] },
    }),
  }),
];

/** This branch's rows of one function. */
export const deadlineRowsOf = (fn: Row['fn']): Row[] => deadlineRows.filter((r) => r.fn === fn);
