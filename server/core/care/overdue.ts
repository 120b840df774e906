/**
 * The scheduled sweep of care visits: a visit past its due time is escalated once to the grid's leader, as a
 * ticket's missed deadline is (督办), with an in-app message. Safe to run twice: each visit re-checks inside
 * its transaction that the table still permits escalating it.
 */
import { gridLeaderOf } from '../tickets/leaders';
import { queueNotification } from '../notifications/outbox';
import type { Deps } from '../ports';
import { toIso } from '../time/shanghai';
import { permitsCare } from './transitions';
import { momentWords } from '../notifications/status-words';

const BATCH = 200;

export async function escalateOverdueVisits(deps: Deps): Promise<number> {
  const { store } = deps;
  const now = deps.clock.now();
  const at = toIso(now);
  const overdue = await store.find('careDues', {
    where: { state: 'due', escalatedAt: null, dueAt: { lt: at } },
    orderBy: [['dueAt', 'asc']],
    limit: BATCH,
  });
  let escalated = 0;
  for (const seen of overdue) {
    const leader = await gridLeaderOf(store, seen.gridId);
    const done = await store.transaction(async (tx) => {
      const due = await tx.get('careDues', seen._id);
      if (!due || !permitsCare('escalate', due)) return false;
      await tx.update('careDues', due._id, {
        escalatedAt: at,
        escalatedToUserId: leader?._id ?? null,
        version: due.version + 1,
      });
      if (leader)
        await queueNotification(tx, deps.ids, now, {
          userIds: [leader._id],
          kind: 'careVisitOverdue',
          title: '走访逾期',
          body: `${due.placeText}（${due.reason}）的走访已逾期，请督促网格员尽快上门`,
          page: '/packages/worker/pages/field-due/index',
          communityId: due.communityId,
          facts: {
            subject: due.reason,
            status: momentWords.careVisitOverdue,
            place: due.placeText,
            deadlineAt: due.dueAt,
          },
        });
      return true;
    });
    if (done) escalated += 1;
  }
  return escalated;
}
