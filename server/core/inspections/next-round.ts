/** A passed round arms the next one for the same building and worker (monthly plans; a campaign ends). */
import type { InspectionPlan, InspectionTask } from './model';
import { inspectionIds } from './model';
import { nextRound } from './rounds';
import { toIso } from '../time/shanghai';

export function newTaskAfter(plan: InspectionPlan, task: InspectionTask, now: Date): InspectionTask | null {
  const next = nextRound(plan.cadence, task.round);
  if (!next) return null;
  return {
    ...task,
    _id: inspectionIds.task(plan._id, task.buildingId, next.round),
    round: next.round,
    dueAt: next.dueAt,
    state: 'due',
    openFailures: [],
    lastInspectionId: null,
    doneAt: null,
    updatedAt: toIso(now),
    version: 1,
  };
}
