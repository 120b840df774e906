/**
 * When a member leaves the roster, the tickets on their desk that they may no longer handle are handed on
 * by routing's assignment rule (routing/assign.ts) inside the ticket's grid; where nobody is left, the ticket
 * waits in the duty queue 值班台 as a returned ticket. The new assignee and the residents are told.
 */
import { truncateText } from '../notifications/wechat-fields';
import type { Deps } from '../ports';
import { assignWithin } from '../routing/assign';
import { writeChange, type Plan } from '../tickets/change';
import { hoursAfter } from '../tickets/deadlines';
import { dutyDeskOf } from '../tickets/leaders';
import type { PersonSnapshot, Ticket } from '../tickets/model';
import { toDutyDesk, toHandlers, toResidents } from '../tickets/notify';
import { ON_DESK, openTicketCounts } from '../tickets/open-counts';
import { snapshotOf } from '../tickets/people';
import type { User } from '../users/model';

type HandoverDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

/** Whether the user still works the ticket's place after the roster change. */
function stillHandles(user: User, ticket: Ticket): boolean {
  return user.roles.some(
    (g) =>
      (g.role === 'worker' && !!ticket.microGridId && g.microGridId === ticket.microGridId) ||
      (g.role === 'worker' && !!ticket.gridId && g.gridId === ticket.gridId) ||
      (g.role === 'leader' && !!ticket.gridId && g.gridId === ticket.gridId),
  );
}

function toNext(now: Date, target: PersonSnapshot, leftName: string): (current: Ticket) => Plan {
  const note = `${leftName} 已不在网格名册，工单转交${target.roleLabel} ${target.name}`;
  return (current) => ({
    patch: {
      assignee: target,
      assigneeUserId: target.userId,
      returnedByUserIds: current.returnedByUserIds.filter((id) => id !== target.userId),
      signForBy: hoursAfter(now, current.deadlines.signForHours),
    },
    note,
    notify: (next) => [
      toHandlers(next, [target.userId], 'ticketAssigned', {
        title: next.urgent ? '紧急工单待签收' : '新工单待签收',
        body: `${next.placeText}：${truncateText(next.description, 40)}`,
        note,
      }),
      toResidents(next, 'ticketAssigned', {
        title: `工单已转交，等待${target.roleLabel}签收`,
        body: `原处理人已调整，您反映的问题已交由${target.roleLabel} ${target.name}，签收后继续办理`,
        person: target.name,
      }),
    ],
  });
}

function toQueue(now: Date, leftName: string, dutyDesk: string[]): (current: Ticket) => Plan {
  const note = `${leftName} 已不在网格名册，本网格暂无可接手的人员，转社区值班台`;
  return (current) => ({
    patch: {
      assignee: null,
      assigneeUserId: null,
      signForBy: hoursAfter(now, current.deadlines.signForHours),
    },
    note,
    notify: (next) => [toDutyDesk(next, dutyDesk, note)],
  });
}

/**
 * Hands on every open ticket of `user` (as they now stand, roles already reduced) in the community.
 * Returns how many moved. `actor` is the staff member whose roster change caused it.
 */
export async function handOverTickets(
  deps: HandoverDeps,
  user: User,
  communityId: string,
  actor: PersonSnapshot,
): Promise<number> {
  const { store } = deps;
  const onDesk = await store.find('tickets', {
    where: { assigneeUserId: user._id, status: { in: [...ON_DESK] } },
  });
  const moving = onDesk.filter((t) => t.communityId === communityId && !stillHandles(user, t));
  for (const ticket of moving) {
    const now = deps.clock.now();
    const assignment =
      ticket.gridId && ticket.microGridId
        ? await assignWithin(
            store,
            { gridId: ticket.gridId, microGridId: ticket.microGridId },
            openTicketCounts(store),
          )
        : null;
    const next = assignment?.assigneeUserId ? await store.get('users', assignment.assigneeUserId) : null;
    const plan = next
      ? toNext(now, snapshotOf(next, assignment?.assignedBy === 'leader' ? 'leader' : 'worker'), user.name)
      : toQueue(now, user.name, await dutyDeskOf(store, communityId));
    await store.transaction(async (tx) => {
      const current = await tx.get('tickets', ticket._id);
      // Acted on meanwhile (resolved, handed on): nothing to move.
      if (
        !current ||
        current.assigneeUserId !== user._id ||
        !(ON_DESK as readonly string[]).includes(current.status)
      )
        return;
      await writeChange(tx, deps, now, current, next ? 'reassign' : 'return', actor, plan(current));
    });
  }
  return moving.length;
}
