/**
 * Staff assign a template to micro-grids or buildings with a cadence: each building gets its task for the round
 * open now, with the worker who will walk it. Tasks are written here, once, so reading a due list is one query.
 */
import type { FieldActions } from '../../../typings/field';
import { AppError } from '../errors';
import type { Building } from '../grids/model';
import { findAll } from '../notices/paging';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { requireStaffOf } from '../field/access';
import { buildingText, fieldAssignee } from '../field/places';
import { inspectionIds, type InspectionPlan, type InspectionTask } from './model';
import { roundAt } from './rounds';

type PlanInput = FieldActions['planInspection']['req'];

export async function planInspection(
  deps: Deps,
  caller: Caller,
  input: PlanInput,
): Promise<FieldActions['planInspection']['res']> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  requireStaffOf(user, input.communityId);
  const template = await store.get('inspectionTemplates', input.templateId);
  if (!template || template.communityId !== input.communityId) throw new AppError('FIELD.NOT_FOUND');
  const buildings = await buildingsOf(deps, input);
  const now = deps.clock.now();
  const plan: InspectionPlan = {
    _id: deps.ids.next('ipl'),
    communityId: input.communityId,
    templateId: template._id,
    cadence: input.cadence,
    buildingIds: buildings.map((b) => b._id),
    createdBy: user._id,
    createdAt: toIso(now),
  };
  const { round, dueAt } = roundAt(input.cadence, now);
  const assignees = new Map<string, string | null>();
  const tasks: InspectionTask[] = [];
  for (const b of buildings) {
    if (!assignees.has(b.microGridId))
      assignees.set(
        b.microGridId,
        await fieldAssignee(store, { gridId: b.gridId, microGridId: b.microGridId }),
      );
    tasks.push(
      newTask(plan, b, await buildingText(store, b), round, dueAt, assignees.get(b.microGridId) ?? null, now),
    );
  }
  await store.insert('inspectionPlans', plan);
  await store.insertMany('inspectionTasks', tasks);
  return { planId: plan._id, tasks: tasks.length };
}

export function newTask(
  plan: Pick<InspectionPlan, '_id' | 'templateId' | 'communityId'>,
  b: Building,
  placeText: string,
  round: string,
  dueAt: string,
  assigneeUserId: string | null,
  now: Date,
): InspectionTask {
  return {
    _id: inspectionIds.task(plan._id, b._id, round),
    planId: plan._id,
    templateId: plan.templateId,
    communityId: plan.communityId,
    gridId: b.gridId,
    microGridId: b.microGridId,
    buildingId: b._id,
    placeText,
    round,
    assigneeUserId,
    dueAt,
    state: 'due',
    openFailures: [],
    lastInspectionId: null,
    doneAt: null,
    updatedAt: toIso(now),
    version: 1,
  };
}

/** The buildings named and those of the micro-grids named, all of the community; FIELD.PLACES_INVALID otherwise. */
async function buildingsOf(deps: Deps, input: PlanInput): Promise<Building[]> {
  const { store } = deps;
  const out = new Map<string, Building>();
  for (const microGridId of input.microGridIds) {
    const micro = await store.get('microGrids', microGridId);
    if (!micro || micro.communityId !== input.communityId) throw new AppError('FIELD.PLACES_INVALID');
    for (const b of await findAll(store, 'buildings', { microGridId })) out.set(b._id, b);
  }
  for (const buildingId of input.buildingIds) {
    const b = await store.get('buildings', buildingId);
    if (!b || b.communityId !== input.communityId) throw new AppError('FIELD.PLACES_INVALID');
    out.set(b._id, b);
  }
  if (out.size === 0) throw new AppError('FIELD.PLACES_INVALID');
  return [...out.values()].sort((a, b) => (a._id < b._id ? -1 : 1));
}
