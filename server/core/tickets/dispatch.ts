/**
 * Putting a ticket (back) into someone's hands: the grid leader reassigns within the grid 改派; staff route a
 * duty-queue or returned ticket by hand 手动分派, to a micro-grid and its worker (routing's assignment rule
 * when no worker is named). The new assignee must sign for it again.
 */
import { microGridLabel } from '../grids/labels';
import { truncateText } from '../notifications/wechat-fields';
import type { PersonView, TicketActions, TicketDetail } from '../../../typings/ticket';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { assignWithin } from '../routing/assign';
import { routingDepsOf } from '../routing/routing-deps';
import { loadActor } from '../users/actor';
import type { User } from '../users/model';
import { requireReadable } from './access';
import { act } from './change';
import { screenText } from './checks';
import type { WorkCalendar } from '../calendar/model';
import { loadWorkCalendar } from '../calendar/load';
import { signForDeadline } from './deadlines';
import type { PersonSnapshot, Ticket } from './model';
import { toHandlers, toResidents } from './notify';
import { personView, snapshotOf } from './people';
import type { Plan } from './change';

type Req<K extends keyof TicketActions> = TicketActions[K]['req'];

/** The target as a worker or the leader of the grid, with the micro-grid they work; or TICKET.ASSIGNEE_INVALID. */
async function gridHandler(
  store: Store,
  userId: string,
  gridId: string | null,
): Promise<PersonSnapshot & { microGridId: string | null }> {
  const user = gridId ? await store.get('users', userId) : null;
  const work = user?.roles.find((g) => g.role === 'worker' && g.gridId === gridId);
  const leads = user?.roles.some((g) => g.role === 'leader' && g.gridId === gridId);
  if (!user || (!work && !leads)) throw new AppError('TICKET.ASSIGNEE_INVALID');
  return { ...snapshotOf(user, work ? 'worker' : 'leader'), microGridId: work?.microGridId ?? null };
}

/** The change of hands common to reassign and manual routing. */
function handOver(
  now: Date,
  calendar: WorkCalendar,
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
      signForBy: signForDeadline(now, current.deadlines, calendar),
    },
    note,
    noteHeld,
    notify: (next) => [
      toHandlers(next, [target.userId], 'ticketAssigned', {
        title: next.urgent ? '紧急工单待签收' : '新工单待签收',
        body: `${next.placeText}：${truncateText(next.description, 40)}`,
        note,
      }),
      toResidents(next, 'ticketAssigned', {
        title: `工单已分派，等待${target.roleLabel}签收`,
        body: `您反映的问题已交由${target.roleLabel} ${target.name}，签收后开始办理`,
        person: target.name,
      }),
    ],
  });
}

/** 改派 within the grid, by its leader or staff. */
export function reassignTicket(deps: Deps, caller: Caller, input: Req<'reassign'>): Promise<TicketDetail> {
  return act(deps, caller, input, 'reassign', async ({ ticket, user, now }) => {
    const { microGridId, ...target } = await gridHandler(deps.store, input.assigneeUserId, ticket.gridId);
    const { held } = await screenText(deps, caller, [input.note ?? '']);
    const note = input.note?.trim() || `改派给${target.roleLabel} ${target.name}`;
    // The reason follows the ticket: a worker of another micro-grid takes it there (issue 11 item 5).
    const into = microGridId ?? ticket.microGridId;
    const microGrid = into ? await deps.store.get('microGrids', into) : null;
    const grid = ticket.gridId ? await deps.store.get('grids', ticket.gridId) : null;
    const place = microGrid ? microGridLabel(grid, microGrid.name) : (grid?.name ?? '');
    return handOver(now, await loadWorkCalendar(deps.store, ticket.communityId), target, note, held, {
      microGridId: into,
      routingRule: 'manual',
      routingReason: `${user.name} 改派至 ${place}，由${target.roleLabel} ${target.name}处理`,
    });
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
      ? await gridHandler(store, input.assigneeUserId, grid._id).then(({ microGridId: _, ...p }) => p)
      : await chooseWithin(store, grid._id, microGrid._id);
    const { held } = await screenText(deps, caller, [input.note ?? '']);
    const label = microGridLabel(grid, microGrid.name);
    const note = input.note?.trim() || `分派至 ${label}，由${target.roleLabel} ${target.name}处理`;
    return handOver(now, await loadWorkCalendar(deps.store, ticket.communityId), target, note, held, {
      gridId: grid._id,
      microGridId: microGrid._id,
      routingRule: 'manual',
      routingReason: `${user.name} 手动分派至 ${label}`,
    });
  });
}

/** Routing's own assignment rule inside the chosen micro-grid. */
async function chooseWithin(store: Store, gridId: string, microGridId: string): Promise<PersonSnapshot> {
  const { openTicketCounts } = routingDepsOf({ store });
  const assignment = await assignWithin(store, { gridId, microGridId }, openTicketCounts);
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
