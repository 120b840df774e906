/** The `ticket` function's rows of the authorization matrix (format: test/access/matrix.ts). */
import type { TicketStatus } from '../../../typings/ticket';
import { ALL, IN_A, mentions, row, type Cell, type MatrixRelation, type Row } from '../matrix';
import type { World } from '../world';

const OWN: readonly MatrixRelation[] = ['own'];
/** Everyone with a user may file, and so has an own ticket. */
const FILERS = {
  stranger: OWN,
  resident: OWN,
  worker: OWN,
  leader: OWN,
  staff: OWN,
  secretary: OWN,
  otherStaff: OWN,
  street: OWN,
} as const;
/** Those who work a ticket of the home micro-grid and grid, by relation. */
const WORKS = { worker: ['own', 'sameMicroGrid'], leader: ['own', 'sameMicroGrid', 'sameGrid'] } as const;
const RUNS = { staff: IN_A, secretary: IN_A, otherStaff: ['otherCommunity'] } as const;

/** A ticket in `status` where the cell puts it; the request names it (and its version, for transitions). */
function onTicket(status: TicketStatus, extra: (w: World, c: Cell) => Promise<object> | object = () => ({})) {
  return async (w: World, c: Cell) => {
    const t = await w.ticket(c, { status });
    return (
      t && { req: { ticketId: t.ticketId, version: t.version, ...(await extra(w, c)) }, subject: t.ticketId }
    );
  };
}

/** Lists: allowed means the ticket is listed. */
const listed = (data: unknown, subject: string | undefined) => mentions(data, subject);

export const ticketRows: Row[] = [
  row('ticket', 'submit', {
    // The answer is the reporter's new ticket: it names whoever will handle it, wherever that is.
    ownAnswer: true,
    // own: the caller's household (residents only); elsewhere a building of the place.
    allow: {
      stranger: ['sameMicroGrid', 'sameGrid', 'sameCommunity', 'otherCommunity'],
      resident: ALL,
      worker: ['sameMicroGrid', 'sameGrid', 'sameCommunity', 'otherCommunity'],
      leader: ['sameMicroGrid', 'sameGrid', 'sameCommunity', 'otherCommunity'],
      staff: ['sameMicroGrid', 'sameGrid', 'sameCommunity', 'otherCommunity'],
      secretary: ['sameMicroGrid', 'sameGrid', 'sameCommunity', 'otherCommunity'],
      otherStaff: ['sameMicroGrid', 'sameGrid', 'sameCommunity', 'otherCommunity'],
      street: ['sameMicroGrid', 'sameGrid', 'sameCommunity', 'otherCommunity'],
    },
    request: async (w, c) => {
      const s = w.slot(c.relation);
      if (c.relation === 'own' && c.role !== 'resident') return null;
      const place =
        c.relation === 'own'
          ? { kind: 'household', householdId: s.householdId }
          : { kind: 'building', buildingId: s.buildingId };
      return {
        req: {
          clientRequestId: `matrix-submit-${c.role}-${c.relation}`,
          category: 'garbage',
          description: '垃圾没人清运',
          photos: [],
          place,
        },
      };
    },
  }),
  row('ticket', 'nearby', {
    // Only a resident of the community is offered its open tickets, and never their own.
    allow: { resident: ['sameMicroGrid', 'sameGrid', 'sameCommunity'] },
    request: async (w, c) => {
      const t = await w.ticket(c, { status: 'assigned' });
      if (!t) return null;
      return {
        req: {
          category: 'propertyService',
          place: { kind: 'point', point: t.detail.location ?? { lat: 0, lng: 0 } },
        },
        subject: t.ticketId,
      };
    },
    grants: listed,
  }),
  row('ticket', 'follow', {
    // A reason to follow: standing where the ticket is (the reporting point), as a resident of its community.
    // Following one's own ticket changes nothing and answers it.
    allow: { ...FILERS, resident: IN_A },
    request: async (w, c) => {
      const t = await w.ticket(c, { status: 'assigned' });
      return (
        t && {
          req: { ticketId: t.ticketId, from: { kind: 'point', point: t.detail.location } },
          subject: t.ticketId,
        }
      );
    },
  }),
  row('ticket', 'mine', {
    relations: OWN,
    allow: FILERS,
    request: async (w, c) => {
      const t = await w.ticket(c, { status: 'assigned' });
      return { req: { scope: 'open' }, subject: t?.ticketId };
    },
    grants: listed,
  }),
  row('ticket', 'get', {
    // The street office reads its communities' tickets (masked), as it sees them on the workbench.
    allow: { ...FILERS, ...WORKS, ...RUNS, otherStaff: ['own', 'otherCommunity'], street: IN_A },
    request: onTicket('assigned', () => ({})),
    refusedWith: ['TICKET.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
  }),
  row('ticket', 'cancel', { allow: FILERS, request: onTicket('assigned') }),
  row('ticket', 'confirm', { allow: FILERS, request: onTicket('resolved') }),
  row('ticket', 'reopen', { allow: FILERS, request: onTicket('resolved', () => ({ reason: '还是不亮' })) }),
  row('ticket', 'rate', {
    allow: FILERS,
    request: onTicket('closed', () => ({ stars: 5, comment: '很快' })),
  }),
  row('ticket', 'inbox', {
    // The ticket waits in the inbox of its micro-grid's workers and its grid's leader.
    allow: WORKS,
    request: async (w, c) => {
      const t = await w.ticket(c, { status: 'assigned' });
      return t && { req: { tab: 'toSign' }, subject: t.ticketId };
    },
    grants: listed,
  }),
  row('ticket', 'accept', { allow: WORKS, request: onTicket('assigned') }),
  row('ticket', 'progress', {
    allow: WORKS,
    request: onTicket('accepted', () => ({ note: '已联系物业', photos: [] })),
  }),
  row('ticket', 'coHandle', {
    allow: WORKS,
    request: onTicket('accepted', () => ({ party: '物业公司', request: '请更换灯泡' })),
  }),
  row('ticket', 'resolve', {
    allow: WORKS,
    request: onTicket('accepted', () => ({ note: '已修好', photos: [] })),
  }),
  // Only the assignee returns a ticket: the primary worker of the micro-grid it was routed to.
  row('ticket', 'return', {
    allow: { worker: WORKS.worker },
    request: onTicket('assigned', () => ({ reason: '不归我管' })),
  }),
  row('ticket', 'reassign', {
    allow: { leader: WORKS.leader, ...RUNS },
    request: onTicket('assigned', async (w, c) => ({
      assigneeUserId: await w.userId(w.slot(c.relation).leader),
    })),
  }),
  row('ticket', 'dutyQueue', {
    allow: RUNS,
    request: async (w, c) => {
      const t = await w.ticket(c, { status: 'submitted' });
      return t && { req: { communityId: w.slot(c.relation).communityId }, subject: t.ticketId };
    },
    grants: listed,
  }),
  row('ticket', 'routeManually', {
    allow: RUNS,
    request: onTicket('submitted', (w, c) => ({ microGridId: w.slot(c.relation).microGridId })),
  }),
  row('ticket', 'reject', { allow: RUNS, request: onTicket('assigned', () => ({ reason: '重复提交' })) }),
  row('ticket', 'merge', {
    allow: RUNS,
    request: async (w, c) => {
      const into = await w.ticket(
        { ...c, relation: c.relation === 'own' ? 'sameMicroGrid' : c.relation },
        { status: 'assigned' },
      );
      const t = await w.ticket(c, { status: 'assigned' });
      return (
        t &&
        into && {
          req: { ticketId: t.ticketId, version: t.version, intoTicketId: into.ticketId },
          subject: t.ticketId,
        }
      );
    },
  }),
  row('ticket', 'letters', {
    // 书记信箱 letters are the secretary's alone (DESIGN §8).
    allow: { secretary: IN_A },
    request: async (w, c) => {
      const t = await w.ticket(c, { status: 'assigned', category: 'secretaryLetter' });
      return t && { req: { communityId: w.slot(c.relation).communityId }, subject: t.ticketId };
    },
    grants: listed,
  }),
  row('ticket', 'assignees', {
    allow: { leader: WORKS.leader, ...RUNS },
    request: async (w, c) => {
      const t = await w.ticket(c, { status: 'assigned' });
      return t && { req: { ticketId: t.ticketId }, subject: t.ticketId };
    },
  }),
];
