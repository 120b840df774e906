/**
 * Submissions whose content check gave no verdict (WeChat down, timed out) were accepted and held; each
 * scheduler tick asks again. pass → shown to everyone (the ticket and its first event); review or risky → it
 * stays held for staff, who can reject it; still no verdict → asked again next tick. No version bump: the
 * ticket's state did not change, only who may read its text, and a transition that raced this keeps the flags
 * it read, so the next tick simply asks again.
 */
import type { Deps } from '../ports';
import { eventId } from './change';
import { submittedTexts } from './checks';

/** Per tick: msgSecCheck allows 4,000 calls a minute; a backlog drains over a few ticks. */
const RECHECK_LIMIT = 100;

export interface RecheckTally {
  released: number;
  stillHeld: number;
  stillUnchecked: number;
}

export async function recheckHeldSubmissions(deps: Deps, limit = RECHECK_LIMIT): Promise<RecheckTally> {
  const { store } = deps;
  const tally: RecheckTally = { released: 0, stillHeld: 0, stillUnchecked: 0 };
  const due = await store.find('tickets', { where: { contentUnchecked: true }, limit });
  for (const ticket of due) {
    const reporter = await store.get('users', ticket.reporterUserId);
    const text = submittedTexts(ticket)
      .filter((t) => t.trim())
      .join('\n');
    const { verdict } = await deps.contentCheck.checkText(text, {
      openid: reporter?.openid ?? '',
      scene: 'forum',
    });
    if (verdict === 'unavailable') {
      tally.stillUnchecked += 1;
      continue;
    }
    const release = verdict === 'pass';
    await store.transaction(async (tx) => {
      const current = await tx.get('tickets', ticket._id);
      if (!current?.contentUnchecked) return;
      await tx.update('tickets', ticket._id, { contentUnchecked: false, contentHeld: !release });
      if (release) await tx.update('ticketEvents', eventId(ticket._id, 1), { noteHeld: false });
    });
    if (release) tally.released += 1;
    else tally.stillHeld += 1;
  }
  return tally;
}
