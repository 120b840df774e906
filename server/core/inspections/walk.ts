/**
 * A worker walks a task: validate the answers → the same walk again? answer it → raise one ticket per failed
 * item through the ordinary submit path (routed as any report is; its request id comes from the walk and the
 * item, so a resent draft raises nothing twice) → one transaction recording the walk, moving the task by the
 * table and arming the next round.
 */
import type { FieldActions, InspectionResult, InspectionTaskView } from '../../../typings/field';
import { AppError, isAppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { submitTicket } from '../tickets/submit';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import type { User } from '../users/model';
import { requireFieldWorker } from '../field/access';
import { inspectionIds, type Inspection, type InspectionAnswerRecord, type InspectionTask } from './model';
import { newTaskAfter } from './next-round';
import { authorizeInspection, transitionFor } from './transitions';

type SubmitInput = FieldActions['submitInspection']['req'];

async function loadTask(deps: Deps, user: User, taskId: string): Promise<InspectionTask> {
  const task = await deps.store.get('inspectionTasks', taskId);
  if (!task) throw new AppError('FIELD.NOT_FOUND');
  requireFieldWorker(user, task);
  return task;
}

/** What the walk page shows: the checklist and the failures a re-inspection checks again. */
export async function inspectionTask(
  deps: Deps,
  caller: Caller,
  taskId: string,
): Promise<InspectionTaskView> {
  const user = await loadActor(deps.store, caller);
  const task = await loadTask(deps, user, taskId);
  const template = await deps.store.get('inspectionTemplates', task.templateId);
  return {
    taskId: task._id,
    templateName: template?.name ?? '',
    placeText: task.placeText,
    state: task.state,
    dueAt: task.dueAt,
    items: template?.items ?? [],
    openFailures: task.openFailures,
    version: task.version,
  };
}

export async function submitInspection(
  deps: Deps,
  caller: Caller,
  input: SubmitInput,
): Promise<InspectionResult> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const inspectionId = inspectionIds.inspection(user._id, input.clientRequestId);
  const done = await store.get('inspections', inspectionId);
  if (done) return resultOf(deps, done);

  const task = await loadTask(deps, user, input.taskId);
  const template = await store.get('inspectionTemplates', task.templateId);
  if (!template) throw new AppError('FIELD.NOT_FOUND');
  const byKey = new Map(input.answers.map((a) => [a.itemKey, a]));
  if (
    byKey.size !== input.answers.length ||
    template.items.some((i) => !byKey.has(i.key)) ||
    byKey.size !== template.items.length
  )
    throw new AppError('FIELD.ANSWERS_INVALID');
  if (input.answers.some((a) => a.result === 'fail' && !a.photoFileId))
    throw new AppError('FIELD.PHOTO_REQUIRED');
  const failed = input.answers.filter((a) => a.result === 'fail');
  const transition = transitionFor(failed.length > 0);
  authorizeInspection(task, transition);

  const answers: InspectionAnswerRecord[] = [];
  for (const item of template.items) {
    const answer = byKey.get(item.key)!;
    if (answer.result !== 'fail') {
      answers.push({ ...answer, ticketId: null });
      continue;
    }
    // Still failing on a re-inspection: the open ticket stays the one to follow, no second report.
    const open = task.openFailures.find((f) => f.itemKey === item.key);
    const ticketId =
      open?.ticketId ??
      (
        await submitTicket(deps, caller, {
          clientRequestId: inspectionIds.ticketRequest(inspectionId, item.key),
          category: item.category,
          description: `${template.name}发现隐患：${item.text}${answer.note ? `。${answer.note}` : ''}`,
          photos: answer.photoFileId ? [answer.photoFileId] : [],
          place: { kind: 'building', buildingId: task.buildingId },
        })
      ).ticketId;
    answers.push({ ...answer, ticketId });
  }

  const now = deps.clock.now();
  const at = toIso(now);
  const inspection: Inspection = {
    _id: inspectionId,
    taskId: task._id,
    clientRequestId: input.clientRequestId,
    communityId: task.communityId,
    microGridId: task.microGridId,
    buildingId: task.buildingId,
    placeText: task.placeText,
    templateName: template.name,
    inspectorUserId: user._id,
    at,
    answers,
    outcome: transition === 'fail' ? 'failed' : 'passed',
    reinspection: task.state === 'failed',
  };
  const plan = await store.get('inspectionPlans', task.planId);
  try {
    await store.transaction(async (tx) => {
      const current = await tx.get('inspectionTasks', task._id);
      if (!current) throw new AppError('FIELD.NOT_FOUND');
      const state = authorizeInspection(current, transition);
      await tx.insert('inspections', inspection);
      await tx.update('inspectionTasks', task._id, {
        state,
        openFailures: answers.flatMap((a) =>
          a.ticketId ? [{ itemKey: a.itemKey, ticketId: a.ticketId }] : [],
        ),
        lastInspectionId: inspectionId,
        doneAt: state === 'passed' ? at : null,
        updatedAt: at,
        version: current.version + 1,
      });
      const next = state === 'passed' && plan ? newTaskAfter(plan, current, now) : null;
      if (next && !(await tx.get('inspectionTasks', next._id))) await tx.insert('inspectionTasks', next);
    });
  } catch (error) {
    // The same draft sent twice at once: the other call recorded it.
    if (isAppError(error) && error.code === 'STORE.DUPLICATE') {
      const winner = await store.get('inspections', inspectionId);
      if (winner) return resultOf(deps, winner);
    }
    throw error;
  }
  return resultOf(deps, inspection);
}

async function resultOf(deps: Deps, inspection: Inspection): Promise<InspectionResult> {
  const task = await deps.store.get('inspectionTasks', inspection.taskId);
  const tickets: InspectionResult['tickets'] = [];
  for (const a of inspection.answers) {
    if (!a.ticketId) continue;
    const t = await deps.store.get('tickets', a.ticketId);
    tickets.push({
      itemKey: a.itemKey,
      ticketId: a.ticketId,
      microGridId: t?.microGridId ?? null,
      assigneeName: t?.assignee?.name ?? null,
    });
  }
  return {
    inspectionId: inspection._id,
    taskId: inspection.taskId,
    state: task?.state ?? inspection.outcome,
    tickets,
  };
}
