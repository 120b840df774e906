/**
 * Staff define care groups from household tags with a cadence. Saving a group gives each of its households a
 * due visit for the micro-grid's worker (written once here, so the due list never scans households).
 */
import type { CareGroupView, FieldActions } from '../../../typings/field';
import { AppError } from '../errors';
import type { Household } from '../grids/model';
import { findAll } from '../notices/paging';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { requireStaffOf } from '../field/access';
import { fieldAssignee, householdText } from '../field/places';
import { dueAfter } from './cadence';
import { careIds, type CareDue, type CareGroup } from './model';

type SaveInput = FieldActions['saveCareGroup']['req'];

function groupView(g: CareGroup): CareGroupView {
  return {
    groupId: g._id,
    communityId: g.communityId,
    name: g.name,
    tags: g.tags,
    cadence: g.cadence,
    households: g.households,
    version: g.version,
  };
}

export async function saveCareGroup(deps: Deps, caller: Caller, input: SaveInput): Promise<CareGroupView> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  requireStaffOf(user, input.communityId);
  const now = deps.clock.now();
  const at = toIso(now);
  const prior = input.groupId ? await store.get('careGroups', input.groupId) : null;
  if (input.groupId && (!prior || prior.communityId !== input.communityId))
    throw new AppError('FIELD.NOT_FOUND');
  const households = await taggedHouseholds(deps, input.communityId, input.tags);
  const group: CareGroup = prior
    ? {
        ...prior,
        name: input.name.trim(),
        tags: input.tags,
        cadence: input.cadence,
        households: households.length,
        updatedAt: at,
        version: prior.version + 1,
      }
    : {
        _id: deps.ids.next('cgp'),
        communityId: input.communityId,
        name: input.name.trim(),
        tags: input.tags,
        cadence: input.cadence,
        households: households.length,
        createdBy: user._id,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
  // Households already in the group keep their visits; newly tagged ones get their first.
  const known = prior
    ? new Set((await findAll(store, 'careDues', { groupId: prior._id })).map((d) => d.householdId))
    : new Set<string>();
  const assignees = new Map<string, string | null>();
  const dues: CareDue[] = [];
  for (const h of households) {
    if (known.has(h._id)) continue;
    if (!assignees.has(h.microGridId))
      assignees.set(
        h.microGridId,
        await fieldAssignee(store, { gridId: h.gridId, microGridId: h.microGridId }),
      );
    dues.push({
      _id: careIds.due(group._id, h._id, 1),
      communityId: h.communityId,
      gridId: h.gridId,
      microGridId: h.microGridId,
      householdId: h._id,
      placeText: await householdText(store, h),
      tags: h.tags,
      groupId: group._id,
      reason: group.name,
      cadence: group.cadence,
      round: 1,
      assigneeUserId: assignees.get(h.microGridId) ?? null,
      dueAt: dueAfter(group.cadence, now),
      state: 'due',
      attempts: 0,
      lastOutcome: null,
      escalatedAt: null,
      escalatedToUserId: null,
      doneAt: null,
      version: 1,
    });
  }
  if (prior) {
    if (!(await store.update('careGroups', prior._id, group, { ifVersion: prior.version })))
      throw new AppError('STORE.CONFLICT');
  } else await store.insert('careGroups', group);
  await store.insertMany('careDues', dues);
  return groupView(group);
}

export async function listCareGroups(
  deps: Deps,
  caller: Caller,
  communityId: string,
): Promise<{ items: CareGroupView[] }> {
  const user = await loadActor(deps.store, caller);
  requireStaffOf(user, communityId);
  const items = await deps.store.find('careGroups', {
    where: { communityId },
    orderBy: [['createdAt', 'asc']],
    limit: 100,
  });
  return { items: items.map(groupView) };
}

/** The community's households carrying any of the tags. */
async function taggedHouseholds(
  deps: Deps,
  communityId: string,
  tags: CareGroup['tags'],
): Promise<Household[]> {
  const out = new Map<string, Household>();
  for (const tag of tags)
    for (const h of await findAll(deps.store, 'households', { communityId, tags: { has: tag } }))
      out.set(h._id, h);
  return [...out.values()].sort((a, b) => (a._id < b._id ? -1 : 1));
}
