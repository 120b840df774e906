/**
 * Putting a ticket (back) into someone's hands: the grid leader reassigns within the grid 改派; staff route a
 * duty-queue or returned ticket by hand 手动分派, to a micro-grid and its worker (routing's assignment rule
 * when no worker is named). The new assignee must sign for it again.
 */
import { truncateText } from '../notifications/wechat-fields';
import type { PersonView, TicketActions, TicketDetail } from '../../../typings/ticket';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { assignWithin } from '../routing/assign';
import { loadActor } from '../users/actor';
import type { User } from '../users/model';
import { requireReadable } from './access';
import { act } from './change';
import { screenText } from './checks';
import { hoursAfter } from './deadlines';
import type { PersonSnapshot, Ticket } from './model';
import { toHandlers, toResidents } from './notify';
import { openTicketCounts } from './open-counts';
import { personView, snapshotOf } from './people';
import type { Plan } from './change';

type Req<K extends keyof TicketActions> = TicketActions[K]['req'];

/** The target as a worker or the leader of the grid, or TICKET.ASSIGNEE_INVALID. */
async function gridHandler(store: Store, userId: string, gridId: string | null): Promise<PersonSnapshot> {
  const user = gridId ? await store.get('users', userId) : null;
  const works = user?.roles.some((g) => g.role === 'worker' && g.gridId === gridId);
  const leads = user?.roles.some((g) => g.role === 'leader' && g.gridId === gridId);
  if (!user || (!works && !leads)) throw new AppError('TICKET.ASSIGNEE_INVALID');
  return snapshotOf(user, works ? 'worker' : 'leader');
}

/** The change of hands common to reassign and manual routing. */
function handOver(
  now: Date,
  target: PersonSnapshot,
  note: string,
  noteHeld: boolean,
  extra: Partial<Ticket> = {},
): (current: Ticket) => Plan {
  return (current) => ({
    patch: {
      ...extra,
      assignee: target,
      assigneeUserId: target.userId,
      // Handing it back to someone who returned it is the leader's call: they may act on it again.
      returnedByUserIds: current.returnedByUserIds.filter((id) => id !== target.userId),
      signForBy: hoursAfter(now, current.deadlines.signForHours),
    },
    note,
    noteHeld,
    notify: (next) => [
      toHandlers(next, [target.userId], 'ticketAssigned', {
        title: next.urgent ? '紧急工单待签收' : '新工单待签收',
        body: `${next.placeText}：${truncateText(next.description, 40)}`,
        status: '待签收',
        note,
      }),
      toResidents(next, 'ticketAssigned', {
        title: '工单已分派',
        body: `您反映的问题已交由${target.roleLabel} ${target.name}处理`,
        status: '已分派',
        person: target.name,
      }),
    ],
  });
}

/** 改派 within the grid, by its leader or staff. */
export function reassignTicket(deps: Deps, caller: Caller, input: Req<'reassign'>): Promise<TicketDetail> {
  return act(deps, caller, input, 'reassign', async ({ ticket, now }) => {
    const target = await gridHandler(deps.store, input.assigneeUserId, ticket.gridId);
    const { held } = await screenText(deps, caller, [input.note ?? '']);
    const note = input.note?.trim() || `改派给${target.roleLabel} ${target.name}`;
    return handOver(now, target, note, held);
  });
}

/** 手动分派 from the duty queue (or a returned ticket) to a micro-grid of the community. */
export function routeTicketManually(
  deps: Deps,
  caller: Caller,
  input: Req<'routeManually'>,
): Promise<TicketDetail> {
  return act(deps, caller, input, 'routeManually', async ({ ticket, user, relations, now }) => {
    const { store } = deps;
    const microGrid = await store.get('microGrids', input.microGridId);
    if (!microGrid || microGrid.communityId !== ticket.communityId)
      throw new AppError('MICRO_GRID.NOT_FOUND');
    const grid = await store.get('grids', microGrid.gridId);
    if (!grid) throw new AppError('GRID.NOT_FOUND');
    // A leader routes only into their own grid; staff anywhere in the community.
    if (!relations.has('staff') && !user.roles.some((g) => g.role === 'leader' && g.gridId === grid._id))
      throw new AppError('AUTH.FORBIDDEN');
    const target = input.assigneeUserId
      ? await gridHandler(store, input.assigneeUserId, grid._id)
      : await chooseWithin(store, grid._id, microGrid._id);
    const { held } = await screenText(deps, caller, [input.note ?? '']);
    // Micro-grid names may already carry the grid's (第二网格-1号微网格).
    const label = microGrid.name.startsWith(grid.name) ? microGrid.name : `${grid.name}-${microGrid.name}`;
    const note = input.note?.trim() || `分派至 ${label}，由${target.roleLabel} ${target.name}处理`;
    return handOver(now, target, note, held, {
      gridId: grid._id,
      microGridId: microGrid._id,
      routingRule: 'manual',
      routingReason: `${user.name} 手动分派至 ${label}`,
    });
  });
}

/** Routing's own assignment rule inside the chosen micro-grid. */
async function chooseWithin(store: Store, gridId: string, microGridId: string): Promise<PersonSnapshot> {
  const assignment = await assignWithin(store, { gridId, microGridId }, openTicketCounts(store));
  const user = assignment.assigneeUserId ? await store.get('users', assignment.assigneeUserId) : null;
  if (!user)
    throw new AppError('TICKET.ASSIGNEE_INVALID', {
      message: '该微网格暂无在岗网格员或网格长，请指定处理人',
    });
  return snapshotOf(user, assignment.assignedBy === 'leader' ? 'leader' : 'worker');
}

/** Whom the ticket may be reassigned to: the workers and leader of its grid, for a leader or staff. */
export async function assigneeCandidates(
  deps: Deps,
  caller: Caller,
  input: Req<'assignees'>,
): Promise<PersonView[]> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const ticket = await store.get('tickets', input.ticketId);
  const relations = requireReadable(user, ticket);
  if (!relations.has('gridLeader') && !relations.has('staff')) throw new AppError('AUTH.FORBIDDEN');
  if (!ticket!.gridId) return [];
  const members = await store.find('members', { where: { gridId: ticket!.gridId } });
  const people: PersonView[] = [];
  for (const member of members.filter((m) => m.duty === 'leader' || m.duty === 'worker')) {
    const person: User | null = await store.get('users', member.userId);
    if (person && !people.some((p) => p.userId === person._id))
      people.push(
        personView(snapshotOf(person, member.duty === 'leader' ? 'leader' : 'worker'), user._id, true),
      );
  }
  return people;
}

/** The dispatch use cases by action name. */
export const dispatch = {
  reassign: reassignTicket,
  routeManually: routeTicketManually,
  assignees: assigneeCandidates,
};
