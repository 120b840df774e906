/**
 * A worker records a care visit: in person or by phone finishes it and arms the next one by the group's
 * cadence; nobody home is an attempt and the visit stays due. A resent record (same client request id) is one
 * visit. An event recorded for a household makes a visit due within 24 hours.
 */
import type { FieldActions } from '../../../typings/field';
import { AppError, isAppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { requireFieldWorker } from '../field/access';
import { fieldAssignee, householdText } from '../field/places';
import { dueAfter, dueAfterEvent } from './cadence';
import { careIds, type CareDue, type CareEvent, type CareVisit } from './model';
import { authorizeCare, transitionForOutcome } from './transitions';

type RecordInput = FieldActions['recordCareVisit']['req'];
type RecordResult = FieldActions['recordCareVisit']['res'];

export async function recordCareVisit(deps: Deps, caller: Caller, input: RecordInput): Promise<RecordResult> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const visitId = careIds.visit(user._id, input.clientRequestId);
  const prior = await store.get('careVisits', visitId);
  if (prior) return resultOf(deps, prior.dueId);
  const due = await store.get('careDues', input.dueId);
  if (!due) throw new AppError('FIELD.NOT_FOUND');
  requireFieldWorker(user, due);
  const transition = transitionForOutcome(input.outcome);
  authorizeCare(transition, due);
  for (const photo of input.photos)
    if (!(await deps.files.exists(photo))) throw new AppError('TICKET.PHOTO_MISSING');

  const now = deps.clock.now();
  const at = toIso(now);
  const visit: CareVisit = {
    _id: visitId,
    dueId: due._id,
    communityId: due.communityId,
    microGridId: due.microGridId,
    householdId: due.householdId,
    placeText: due.placeText,
    userId: user._id,
    outcome: input.outcome,
    services: input.services,
    note: input.note.trim(),
    photos: input.photos,
    at,
  };
  try {
    await store.transaction(async (tx) => {
      const current = await tx.get('careDues', due._id);
      if (!current) throw new AppError('FIELD.NOT_FOUND');
      const state = authorizeCare(transition, current);
      await tx.insert('careVisits', visit);
      await tx.update('careDues', due._id, {
        state,
        attempts: current.attempts + 1,
        lastOutcome: input.outcome,
        doneAt: state === 'done' ? at : null,
        version: current.version + 1,
      });
      if (state === 'done' && current.cadence && current.groupId) {
        const next: CareDue = {
          ...current,
          _id: careIds.due(current.groupId, current.householdId, current.round + 1),
          round: current.round + 1,
          dueAt: dueAfter(current.cadence, now),
          state: 'due',
          attempts: 0,
          lastOutcome: null,
          escalatedAt: null,
          escalatedToUserId: null,
          doneAt: null,
          version: 1,
        };
        await tx.insert('careDues', next);
      }
    });
  } catch (error) {
    // The same record sent twice at once: the other call wrote it.
    if (!(isAppError(error) && error.code === 'STORE.DUPLICATE' && (await store.get('careVisits', visitId))))
      throw error;
  }
  return resultOf(deps, due._id);
}

async function resultOf(deps: Deps, dueId: string): Promise<RecordResult> {
  const due = await deps.store.get('careDues', dueId);
  if (!due) throw new AppError('FIELD.NOT_FOUND');
  const next =
    due.state === 'done' && due.groupId
      ? await deps.store.get('careDues', careIds.due(due.groupId, due.householdId, due.round + 1))
      : null;
  return { dueId, state: due.state, nextDueAt: due.state === 'due' ? due.dueAt : (next?.dueAt ?? null) };
}

/** An event for a household (a fall, a discharge from hospital): a visit due within 24 hours. */
export async function recordCareEvent(
  deps: Deps,
  caller: Caller,
  input: FieldActions['recordEvent']['req'],
): Promise<FieldActions['recordEvent']['res']> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const household = await store.get('households', input.householdId);
  if (!household) throw new AppError('FIELD.NOT_FOUND');
  requireFieldWorker(user, household);
  const now = deps.clock.now();
  const event: CareEvent = {
    _id: deps.ids.next('cev'),
    householdId: household._id,
    communityId: household.communityId,
    note: input.note.trim(),
    userId: user._id,
    at: toIso(now),
  };
  const due: CareDue = {
    _id: careIds.eventDue(event._id),
    communityId: household.communityId,
    gridId: household.gridId,
    microGridId: household.microGridId,
    householdId: household._id,
    placeText: await householdText(store, household),
    tags: household.tags,
    groupId: null,
    reason: `事件回访：${event.note}`.slice(0, 60),
    cadence: null,
    round: 1,
    assigneeUserId: await fieldAssignee(store, household),
    dueAt: dueAfterEvent(now),
    state: 'due',
    attempts: 0,
    lastOutcome: null,
    escalatedAt: null,
    escalatedToUserId: null,
    doneAt: null,
    version: 1,
  };
  await store.transaction(async (tx) => {
    await tx.insert('careEvents', event);
    await tx.insert('careDues', due);
  });
  return { dueId: due._id, dueAt: due.dueAt };
}
