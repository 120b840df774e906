/**
 * An inspection task's states as one table, like the tickets' (tickets/transitions.ts): each named transition,
 * the states it may start from and the state it leads to. Who may take it is decided by place (field/access.ts):
 * a worker of the building's micro-grid, the grid's leader, staff of the community.
 */
import type { InspectionTaskState } from '../../../typings/field';
import { AppError } from '../errors';
import type { InspectionTask } from './model';

export type InspectionTransition = 'pass' | 'fail';

// prettier-ignore
export const inspectionTransitions: Record<InspectionTransition, { from: readonly InspectionTaskState[]; to: InspectionTaskState }> = {
  // every item passed or n/a (a re-inspection of a failed task closes the loop)
  pass: { from: ['due', 'failed'], to: 'passed' },
  // an item failed: its ticket is raised and the task waits for the re-inspection
  fail: { from: ['due', 'failed'], to: 'failed' },
};

/** The transition an inspection's answers take. */
export function transitionFor(anyFailed: boolean): InspectionTransition {
  return anyFailed ? 'fail' : 'pass';
}

export function mayInspect(task: Pick<InspectionTask, 'state'>, name: InspectionTransition): boolean {
  return inspectionTransitions[name].from.includes(task.state);
}

/** FIELD.INVALID_STATE when the task is past inspecting (a passed round). */
export function authorizeInspection(task: InspectionTask, name: InspectionTransition): InspectionTaskState {
  if (!mayInspect(task, name)) throw new AppError('FIELD.INVALID_STATE');
  return inspectionTransitions[name].to;
}
