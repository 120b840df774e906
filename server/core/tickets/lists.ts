/**
 * Read models: a resident's tickets, a worker's inbox in tabs, the community duty queue 值班台 and the
 * 书记信箱 letters, one ticket in full. Each list is scoped by who asks (DESIGN §8).
 */
import type {
  InboxTab,
  LetterSummary,
  TicketActions,
  TicketDetail,
  TicketStatus,
  TicketSummary,
} from '../../../typings/ticket';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Query, Store } from '../ports/store';
import { loadActor } from '../users/actor';
import type { User } from '../users/model';
import { AppError } from '../errors';
import { holds, requireCommunityStaff } from '../users/permissions';
import { canRead, relationsOf } from './access';
import { requireReadableOrOverseen } from './oversight';
import { isOverdue, runningDeadline } from './deadlines';
import type { Ticket } from './model';
import { FINISHED } from './transitions';
import { detailOf, letterSummaryOf, summaryOf, timelineOf } from './views';

type Req<K extends keyof TicketActions> = TicketActions[K]['req'];

const LIST_LIMIT = 100;
const WAITING: TicketStatus[] = ['assigned'];
const IN_HAND: TicketStatus[] = ['accepted', 'processing'];
const DONE: TicketStatus[] = ['resolved', 'closed'];

/** One ticket as the caller may see it; TICKET.NOT_FOUND when they may not know it exists. */
export async function getTicket(deps: Deps, caller: Caller, input: Req<'get'>): Promise<TicketDetail> {
  const user = await loadActor(deps.store, caller);
  const ticket = await deps.store.get('tickets', input.ticketId);
  const relations = await requireReadableOrOverseen(deps.store, user, ticket);
  const events = await timelineOf(deps.store, deps.ticketMemory, ticket!);
  return detailOf(deps.store, ticket!, user, relations, deps.clock.now(), events);
}

/** 我的工单: filed or followed, newest first; the reporter's resolved ones wait under toConfirm, apart. */
export async function myTickets(deps: Deps, caller: Caller, input: Req<'mine'>): Promise<TicketSummary[]> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const [filed, followed] = await Promise.all([
    store.find('tickets', {
      where: { reporterUserId: user._id },
      orderBy: [['createdAt', 'desc']],
      limit: LIST_LIMIT,
    }),
    store.find('tickets', {
      where: { followerUserIds: { has: user._id } },
      orderBy: [['createdAt', 'desc']],
      limit: LIST_LIMIT,
    }),
  ]);
  const toConfirm = (t: Ticket) => t.status === 'resolved' && t.reporterUserId === user._id;
  const inScope = (t: Ticket) => {
    switch (input.scope) {
      case 'all':
        return true;
      case 'done':
        return FINISHED.includes(t.status);
      case 'toConfirm':
        return toConfirm(t);
      case 'open':
        return !FINISHED.includes(t.status) && !toConfirm(t);
    }
  };
  const tickets = dedupe([...filed, ...followed]).filter(inScope);
  tickets.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const now = deps.clock.now();
  // Followed tickets are someone else's: their free text reaches a follower masked.
  return tickets
    .slice(0, LIST_LIMIT)
    .map((t) => summaryOf(t, now, t.reporterUserId === user._id ? 'full' : 'masked'));
}

/**
 * A worker's or leader's inbox. toSign: routed to them or waiting in their micro-grid, and for a leader
 * everything waiting in the grid (returned tickets too); inProgress: in their hands, or in their grid;
 * overdue: either with the deadline passed; done: resolved or closed.
 */
export async function inbox(deps: Deps, caller: Caller, input: Req<'inbox'>): Promise<TicketSummary[]> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const now = deps.clock.now();
  const tickets = await inboxTickets(store, user, input.tab);
  // Only what the caller may read (a letter is the secretary's even when a query's scope holds it).
  const visible = tickets.filter(
    (t) =>
      (!t.returnedByUserIds.includes(user._id) || t.assigneeUserId === user._id) &&
      canRead(relationsOf(user, t)),
  );
  const list = input.tab === 'overdue' ? visible.filter((t) => isOverdue(t, now)) : visible;
  const due = (t: Ticket) => runningDeadline(t)?.at ?? '9999';
  list.sort((a, b) =>
    input.tab === 'done'
      ? b.updatedAt.localeCompare(a.updatedAt)
      : due(a).localeCompare(due(b)) || a.createdAt.localeCompare(b.createdAt),
  );
  return list.slice(0, LIST_LIMIT).map((t) => summaryOf(t, now, 'full'));
}

async function inboxTickets(store: Store, user: User, tab: InboxTab): Promise<Ticket[]> {
  const microGridIds = user.roles.flatMap((g) =>
    g.role === 'worker' && g.microGridId ? [g.microGridId] : [],
  );
  const gridIds = user.roles.flatMap((g) => (g.role === 'leader' && g.gridId ? [g.gridId] : []));
  const queries: Query[] = [];
  const mine = (statuses: TicketStatus[]) =>
    queries.push({ where: { assigneeUserId: user._id, status: { in: statuses } } });
  const inMicroGrids = (statuses: TicketStatus[]) => {
    if (microGridIds.length)
      queries.push({ where: { microGridId: { in: microGridIds }, status: { in: statuses } } });
  };
  const inGrids = (statuses: TicketStatus[]) => {
    if (gridIds.length) queries.push({ where: { gridId: { in: gridIds }, status: { in: statuses } } });
  };
  const toSign = () => {
    mine(WAITING);
    inMicroGrids(WAITING);
    inGrids(['submitted', 'assigned', 'returned']);
  };
  const inProgress = () => {
    mine(IN_HAND);
    inGrids(IN_HAND);
  };
  switch (tab) {
    case 'toSign':
      toSign();
      break;
    case 'inProgress':
      inProgress();
      break;
    case 'overdue':
      toSign();
      inProgress();
      break;
    case 'done':
      mine(DONE);
      inGrids(DONE);
      break;
  }
  const results = await Promise.all(
    queries.map((q) => store.find('tickets', { ...q, orderBy: [['updatedAt', 'desc']], limit: 500 })),
  );
  return dedupe(results.flat());
}

/** 值班台: tickets no rule could place and tickets returned as not theirs, oldest first. Staff only. */
export async function dutyQueue(
  deps: Deps,
  caller: Caller,
  input: Req<'dutyQueue'>,
): Promise<TicketSummary[]> {
  const user = await loadActor(deps.store, caller);
  requireCommunityStaff(user, input.communityId);
  const tickets = await deps.store.find('tickets', {
    where: { communityId: input.communityId, status: { in: ['submitted', 'returned'] } },
    orderBy: [['createdAt', 'asc']],
    limit: 500,
  });
  const now = deps.clock.now();
  // A letter waiting for a secretary to be named is hers too, not the duty desk's.
  return tickets.filter((t) => canRead(relationsOf(user, t))).map((t) => summaryOf(t, now, 'full'));
}

/** 书记信箱: the community's letters, newest first. The secretary's alone. */
export async function letters(deps: Deps, caller: Caller, input: Req<'letters'>): Promise<LetterSummary[]> {
  const user = await loadActor(deps.store, caller);
  if (!holds(user, 'secretary', input.communityId)) throw new AppError('AUTH.FORBIDDEN');
  const tickets = await deps.store.find('tickets', {
    where: { communityId: input.communityId, category: 'secretaryLetter' },
    orderBy: [['createdAt', 'desc']],
    limit: LIST_LIMIT,
  });
  const now = deps.clock.now();
  return tickets.map((t) => letterSummaryOf(t, now));
}

function dedupe(tickets: Ticket[]): Ticket[] {
  return [...new Map(tickets.map((t) => [t._id, t])).values()];
}
