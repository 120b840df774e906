/**
 * Reminders before a deadline passes: the worker who holds an unsigned ticket hears, e.g. 30 minutes before
 * its sign-for deadline, that it is about to be escalated. The outbox entry's id is derived from the ticket and
 * the deadline, so a sweep that runs twice reminds once, and a new deadline (reassigned) reminds again.
 */
import { isAppError } from '../errors';
import type { Deps } from '../ports';
import { runningDeadline } from '../tickets/deadlines';
import { toHandlers } from '../tickets/notify';
import { shanghai, toIso } from '../time/shanghai';
import type { OutboxEntry } from './model';
import { momentWords } from './status-words';

/** The reminder's outbox id: one per ticket and deadline. */
export function reminderId(ticketId: string, deadlineAt: string): string {
  return `outbox_remind_${ticketId}_${deadlineAt.replace(/[^0-9A-Za-z]/g, '')}`;
}

/** Queues a reminder for each unsigned ticket whose sign-for deadline falls within the lead time. */
export async function remindDeadlines(
  deps: Pick<Deps, 'store' | 'clock'>,
  leadMs: number,
  limit = 200,
): Promise<number> {
  const { store } = deps;
  const now = deps.clock.now();
  const nowIso = toIso(now);
  // Newest deadlines first: those still ahead come before the ones already missed (escalation's business).
  const soon = await store.find('tickets', {
    where: { open: true, signForBy: { lte: toIso(new Date(now.getTime() + leadMs)) } },
    orderBy: [['signForBy', 'desc']],
    limit,
  });
  let queued = 0;
  for (const ticket of soon) {
    const deadline = runningDeadline(ticket);
    if (!ticket.signForBy || ticket.signForBy <= nowIso) break;
    if (deadline?.kind !== 'signFor' || !ticket.assigneeUserId) continue;
    const by = shanghai(deadline.at).format('HH:mm');
    const note = toHandlers(ticket, [ticket.assigneeUserId], 'ticketDeadlineSoon', {
      title: `工单即将超时：请在 ${by} 前签收`,
      body: `${ticket.placeText}：${ticket.description.slice(0, 40)}`,
      status: momentWords.deadlineSoon,
      note: `${by} 前未签收将督办至网格长`,
    });
    const entry: OutboxEntry = {
      ...note,
      facts: { ...note.facts, deadlineAt: deadline.at },
      _id: reminderId(ticket._id, deadline.at),
      createdAt: nowIso,
      state: 'pending',
    };
    try {
      await store.insert('outbox', entry);
      queued += 1;
    } catch (error) {
      if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
    }
  }
  return queued;
}
