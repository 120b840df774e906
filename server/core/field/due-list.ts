/**
 * A worker's due list: their inspection tasks and care visits not yet done, soonest first. Two indexed queries
 * on (assignee, state, dueAt), whatever the size of the community: due items are documents written when a plan
 * or group is saved and when a visit or walk arms the next round, never derived from households at read time.
 */
import type { DueList } from '../../../typings/field';
import { mayVisit } from '../notices/access';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';

/** The longest list a page shows; the rest follow as the first ones are done. */
export const DUE_LIMIT = 100;

export async function dueList(deps: Deps, caller: Caller): Promise<DueList> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const [tasks, dues] = await Promise.all([
    store.find('inspectionTasks', {
      where: { assigneeUserId: user._id, state: { in: ['due', 'failed'] } },
      orderBy: [['dueAt', 'asc']],
      limit: DUE_LIMIT,
    }),
    store.find('careDues', {
      where: { assigneeUserId: user._id, state: 'due' },
      orderBy: [['dueAt', 'asc']],
      limit: DUE_LIMIT,
    }),
  ]);
  const now = toIso(deps.clock.now());
  // Someone who has left the micro-grid keeps no access to its households (tags are sensitive).
  const templateNames = new Map<string, string>();
  for (const id of new Set(tasks.map((t) => t.templateId)))
    templateNames.set(id, (await store.get('inspectionTemplates', id))?.name ?? '');
  return {
    inspections: tasks
      .filter((t) => mayVisit(user, t))
      .map((t) => ({
        kind: 'inspection' as const,
        taskId: t._id,
        templateName: templateNames.get(t.templateId) ?? '',
        placeText: t.placeText,
        microGridId: t.microGridId,
        dueAt: t.dueAt,
        state: t.state,
        overdue: t.dueAt < now,
      })),
    visits: dues
      .filter((d) => mayVisit(user, d))
      .map((d) => ({
        kind: 'visit' as const,
        dueId: d._id,
        householdId: d.householdId,
        placeText: d.placeText,
        microGridId: d.microGridId,
        reason: d.reason,
        tags: d.tags,
        dueAt: d.dueAt,
        attempts: d.attempts,
        lastOutcome: d.lastOutcome,
        overdue: d.dueAt < now,
        escalated: d.escalatedAt !== null,
      })),
  };
}
