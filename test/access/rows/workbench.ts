/**
 * The workbench's rows of the authorization matrix (format: test/access/matrix.ts): actions of the `ticket`
 * function added by issue 11 item 1 (server/core/workbench).
 */
import { IN_A, mentions, row, type Cell, type Row } from '../matrix';
import type { World } from '../world';

/** A leader's scope is their grid: tickets of the home micro-grid and grid, their own among them. */
const LEADS = ['own', 'sameMicroGrid', 'sameGrid'] as const;
const RUNS = { staff: IN_A, secretary: IN_A, otherStaff: ['otherCommunity'] } as const;
/** The street office oversees every ticket of its street's communities (A), none of another street's (B). */
const OVERSEES = { street: IN_A } as const;

/** Allowed means the subject (a ticket, a grid) is named in the answer. */
const listed = (data: unknown, subject: string | undefined) => mentions(data, subject);

/** The cell's community, with the cell's ticket as the subject to find in the answer. */
function inCommunity(w: World, c: Cell) {
  return async () => {
    const t = await w.ticket(c, { status: 'assigned' });
    return t && { req: { communityId: w.slot(c.relation).communityId }, subject: t.ticketId };
  };
}

export const workbenchRows: Row[] = [
  row('ticket', 'workbench', {
    // Staff: their community's tickets; a leader: their grid's; the street office: its communities'. A ticket
    // elsewhere is not listed.
    allow: { leader: LEADS, ...RUNS, ...OVERSEES },
    request: async (w, c) => {
      const built = await inCommunity(w, c)();
      return built && { ...built, req: { ...built.req, filter: {} } };
    },
    grants: listed,
  }),
  row('ticket', 'workbenchScope', {
    // The filters' grids: a leader's scope names their grid only.
    allow: { leader: LEADS, ...RUNS, ...OVERSEES },
    request: async (w, c) => {
      const s = w.slot(c.relation);
      return { req: { communityId: s.communityId }, subject: s.gridId };
    },
    grants: listed,
  }),
  row('ticket', 'mergeCandidates', {
    // As merging itself: staff of the ticket's community.
    allow: RUNS,
    request: async (w, c) => {
      const t = await w.ticket(c, { status: 'assigned' });
      return t && { req: { ticketId: t.ticketId }, subject: t.ticketId };
    },
    refusedWith: ['TICKET.NOT_FOUND', 'AUTH.FORBIDDEN', 'AUTH.UNAUTHENTICATED'],
  }),
  row('ticket', 'leaderHome', {
    allow: { leader: LEADS },
    request: async (w, c) => {
      const s = w.slot(c.relation);
      return { req: { communityId: s.communityId }, subject: s.gridId };
    },
    grants: listed,
  }),
  row('ticket', 'secretaryHome', {
    // Top escalations and the 书记信箱: the secretary's alone (DESIGN §8).
    allow: { secretary: IN_A },
    request: async (w, c) => {
      const t = await w.ticket(c, { status: 'assigned', category: 'secretaryLetter' });
      return t && { req: { communityId: w.slot(c.relation).communityId }, subject: t.ticketId };
    },
    grants: listed,
  }),
];
