/**
 * The scheduled sweep (DESIGN §4): escalate missed deadlines 督办 — grid leader, then secretary, each once —
 * and close resolved tickets the resident left unanswered. Each ticket changes in its own transaction, which
 * re-checks that it is still due: running the sweep twice at the same minute changes nothing more.
 */
import { truncateText } from '../notifications/wechat-fields';
import type { EscalationLevel } from '../../../typings/ticket';
import type { NewNotification } from '../notifications/model';
import type { Deps } from '../ports';
import { toIso } from '../time/shanghai';
import type { User } from '../users/model';
import { writeChange } from './change';
import { runningDeadline } from './deadlines';
import { gridLeaderOf, secretaryOf } from './leaders';
import type { Ticket } from './model';
import { audienceOf, toHandlers, toResidents } from './notify';
import { permits } from './transitions';
import { momentWords } from '../notifications/status-words';

const SYSTEM = new Set(['system' as const]);

/** Escalates every ticket whose escalation is due; returns how many moved to each level. */
export async function escalateDue(
  deps: Deps,
  limit = 200,
): Promise<{ toLeader: number; toSecretary: number }> {
  const { store } = deps;
  const now = deps.clock.now();
  const due = await store.find('tickets', {
    where: { open: true, escalateAt: { lte: toIso(now) } },
    orderBy: [['escalateAt', 'asc']],
    limit,
  });
  const tally = { toLeader: 0, toSecretary: 0 };
  for (const ticket of due) {
    const leader = ticket.escalationLevel === 0 ? await gridLeaderOf(store, ticket.gridId) : null;
    // The leader's turn is skipped when there is none, or when the leader is the one who missed the deadline.
    const toLeader = !!leader && leader._id !== ticket.assigneeUserId;
    const level: EscalationLevel = toLeader ? 1 : 2;
    const target = toLeader ? leader : await secretaryOf(store, ticket.communityId);
    const done = await escalateOne(deps, now, ticket, level, target);
    if (done) tally[level === 1 ? 'toLeader' : 'toSecretary']++;
  }
  return tally;
}

async function escalateOne(
  deps: Deps,
  now: Date,
  seen: Ticket,
  level: EscalationLevel,
  target: User | null,
): Promise<boolean> {
  return deps.store.transaction(async (tx) => {
    const current = await tx.get('tickets', seen._id);
    if (!current || current.version !== seen.version || !permits('escalate', current, SYSTEM)) return false;
    const missed = runningDeadline(current);
    const what = missed?.kind === 'resolve' ? '办结' : '签收';
    const whom = level === 1 ? '网格长' : '社区书记';
    const note = target
      ? `超过${what}时限，已督办至${whom} ${target.name}`
      : `超过${what}时限，已督办至${whom}（社区未设置书记）`;
    await writeChange(tx, deps, now, current, 'escalate', null, {
      patch: { escalationLevel: level, escalatedAt: toIso(now) },
      note,
      notify: (next) => {
        const out: NewNotification[] = [
          toResidents(next, 'ticketEscalated', {
            title: '工单已督办',
            body: `您的工单${note}`,
            status: momentWords.escalated,
            note,
          }),
        ];
        if (target) {
          const handlers = level === 1 ? [target._id, next.assigneeUserId] : [target._id];
          out.push(
            toHandlers(
              next,
              handlers,
              'ticketEscalated',
              {
                title: `督办：工单超过${what}时限`,
                body: `${next.placeText}：${truncateText(next.description, 40)}`,
                status: momentWords.escalatedToHandler,
                note,
              },
              level === 1 ? 'worker' : 'staff',
            ),
          );
        }
        return out;
      },
    });
    return true;
  });
}

/** Closes resolved tickets whose auto-close time has come; returns how many. */
export async function autoCloseDue(deps: Deps, limit = 200): Promise<number> {
  const { store } = deps;
  const now = deps.clock.now();
  const due = await store.find('tickets', {
    where: { status: 'resolved', autoCloseAt: { lte: toIso(now) } },
    orderBy: [['autoCloseAt', 'asc']],
    limit,
  });
  let closed = 0;
  for (const ticket of due) {
    const done = await store.transaction(async (tx) => {
      const current = await tx.get('tickets', ticket._id);
      if (!current || current.version !== ticket.version || !permits('autoClose', current, SYSTEM))
        return false;
      const note = `居民 ${current.autoCloseDays} 天内未确认，系统自动结案`;
      await writeChange(tx, deps, now, current, 'autoClose', null, {
        note,
        notify: (next) => [
          toResidents(next, 'ticketClosed', { title: '工单已自动结案', body: note, note }),
          ...(next.assignee
            ? [
                toHandlers(
                  next,
                  [next.assignee.userId],
                  'ticketClosed',
                  {
                    title: '工单已自动结案',
                    body: next.placeText,
                    note,
                  },
                  audienceOf(next.assignee.role),
                ),
              ]
            : []),
        ],
      });
      return true;
    });
    if (done) closed++;
  }
  return closed;
}
