/**
 * A resident joins a household with its code: at once, or — where the community's policy asks for it — as a
 * request in the micro-grid worker's inbox. A raw household id is no proof and is refused.
 */
import type { BindOutcome, HouseholdCodePreview } from '../../../typings/user';
import { AppError } from '../errors';
import { queueNotification } from '../notifications/outbox';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { meView } from '../users/me-view';
import { addressOf } from './address';
import { writeBinding } from './binding';
import type { BindRequest } from './model';
import { approversOf, requestedNotice } from './notify';
import { requireRoomFor, verifyCode } from './verify';

type BindDeps = Pick<Deps, 'store' | 'clock' | 'secrets' | 'ids'>;

export async function previewHouseholdCode(
  deps: BindDeps,
  caller: Caller,
  input: { code: string },
): Promise<HouseholdCodePreview> {
  await loadActor(deps.store, caller);
  const valid = await verifyCode(deps, input.code);
  const community = await deps.store.get('communities', valid.household.communityId);
  return {
    communityName: community?.name ?? '',
    address: (await addressOf(deps.store, valid.household)).masked,
    approvalRequired: valid.settings.policy.approval,
  };
}

export async function bindHousehold(
  deps: BindDeps,
  caller: Caller,
  input: { code?: string; householdId?: string },
): Promise<BindOutcome> {
  const { store } = deps;
  if (input.householdId !== undefined) throw new AppError('HOUSEHOLD.RAW_ID_REFUSED');
  if (!input.code) throw new AppError('VALIDATION.FAILED', { message: '缺少「住户码」：请扫描住户码' });
  const actor = await loadActor(store, caller);
  const valid = await verifyCode(deps, input.code);
  const { household, code, settings } = valid;
  if (actor.householdId === household._id) return { status: 'bound', me: await meView(store, actor) };
  await requireRoomFor(store, valid, actor._id);
  const now = deps.clock.now();

  if (!settings.policy.approval) {
    const bound = await store.transaction(async (tx) => {
      const current = await tx.get('householdCodes', code._id);
      // Re-read inside the transaction: two scans of a single-use code cannot both bind.
      if (!current || current.revokedAt !== null) throw new AppError('HOUSEHOLD.CODE_REVOKED');
      if (settings.policy.mode === 'singleUse' && current.uses >= 1)
        throw new AppError('HOUSEHOLD.CODE_USED_UP');
      return writeBinding(tx, now, actor._id, household, code._id);
    });
    return { status: 'bound', me: await meView(store, bound) };
  }

  const pending = await store.find('bindRequests', { where: { userId: actor._id, status: 'pending' } });
  if (pending.some((r) => r.householdId === household._id))
    return { status: 'pending', me: await meView(store, actor) };
  const request: BindRequest = {
    _id: deps.ids.next('bindRequest'),
    communityId: household.communityId,
    gridId: household.gridId,
    microGridId: household.microGridId,
    householdId: household._id,
    codeId: code._id,
    userId: actor._id,
    status: 'pending',
    requestedAt: toIso(now),
    decidedAt: null,
    decidedByUserId: null,
    reason: null,
    version: 1,
  };
  const approvers = await approversOf(store, request);
  const address = (await addressOf(store, household)).full;
  await store.transaction(async (tx) => {
    // One open request per person: asking for another household withdraws the earlier one.
    for (const old of pending)
      await tx.update('bindRequests', old._id, {
        status: 'withdrawn',
        decidedAt: toIso(now),
        version: old.version + 1,
      });
    await tx.insert('bindRequests', request);
    await queueNotification(tx, deps.ids, now, requestedNotice(request, approvers, actor.name, address));
  });
  return { status: 'pending', me: await meView(store, actor) };
}
