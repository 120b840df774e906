/**
 * The micro-grid worker's inbox of binding requests: workers see their micro-grids', leaders their grid's,
 * staff their community's. Approving binds the applicant; denying leaves them unbound; they are told either way.
 */
import type { BindRequestStatus, BindRequestView } from '../../../typings/user';
import { AppError } from '../errors';
import { queueNotification } from '../notifications/outbox';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import type { User } from '../users/model';
import { isCommunityStaff } from '../users/permissions';
import { addressOf } from './address';
import { writeBinding } from './binding';
import type { BindRequest } from './model';
import { decidedNotice } from './notify';
import { requireRoomFor, verifyCode } from './verify';
import { settingsOf } from './settings';
import { sceneOf } from './scene';

type RequestDeps = Pick<Deps, 'store' | 'clock' | 'secrets' | 'ids'>;

/** Whether the user decides requests of this household's place. */
export function decides(
  user: User,
  request: Pick<BindRequest, 'communityId' | 'gridId' | 'microGridId'>,
): boolean {
  return (
    isCommunityStaff(user, request.communityId) ||
    user.roles.some((g) => g.role === 'leader' && g.gridId === request.gridId) ||
    user.roles.some((g) => g.role === 'worker' && g.microGridId === request.microGridId)
  );
}

async function requestView(store: Store, request: BindRequest): Promise<BindRequestView> {
  const [household, applicant] = await Promise.all([
    store.get('households', request.householdId),
    store.get('users', request.userId),
  ]);
  const members = household ? await store.find('users', { where: { householdId: household._id } }) : [];
  return {
    requestId: request._id,
    status: request.status,
    address: household ? (await addressOf(store, household)).full : '',
    applicant: { userId: request.userId, name: applicant?.name ?? '（未知用户）' },
    householdMembers: members.map((m) => m.name),
    requestedAt: request.requestedAt,
    decidedAt: request.decidedAt,
    reason: request.reason,
  };
}

export async function listBindRequests(
  deps: RequestDeps,
  caller: Caller,
  input: { status?: BindRequestStatus },
): Promise<BindRequestView[]> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const status = input.status ?? 'pending';
  const scopes: Array<Record<string, string>> = [];
  for (const g of user.roles) {
    if (
      (g.role === 'staff' || g.role === 'secretary') &&
      !scopes.some((s) => s.communityId === g.communityId)
    )
      scopes.push({ communityId: g.communityId });
    if (g.role === 'leader' && g.gridId) scopes.push({ gridId: g.gridId });
    if (g.role === 'worker' && g.microGridId) scopes.push({ microGridId: g.microGridId });
  }
  if (scopes.length === 0) throw new AppError('AUTH.FORBIDDEN');
  const found = new Map<string, BindRequest>();
  for (const scope of scopes)
    for (const r of await store.find('bindRequests', { where: { ...scope, status }, limit: 200 }))
      found.set(r._id, r);
  const requests = [...found.values()].sort((a, b) => (a.requestedAt < b.requestedAt ? 1 : -1));
  return Promise.all(requests.map((r) => requestView(store, r)));
}

async function decidable(
  deps: RequestDeps,
  caller: Caller,
  requestId: string,
): Promise<{ user: User; request: BindRequest }> {
  const user = await loadActor(deps.store, caller);
  const request = await deps.store.get('bindRequests', requestId);
  // Someone who does not decide it is not told it exists.
  if (!request || !decides(user, request)) throw new AppError('BIND_REQUEST.NOT_FOUND');
  if (request.status !== 'pending') throw new AppError('BIND_REQUEST.DECIDED');
  return { user, request };
}

export async function approveBindRequest(
  deps: RequestDeps,
  caller: Caller,
  input: { requestId: string },
): Promise<BindRequestView> {
  const { store } = deps;
  const { user, request } = await decidable(deps, caller, input.requestId);
  const code = await store.get('householdCodes', request.codeId);
  if (!code) throw new AppError('HOUSEHOLD.CODE_FORGED');
  // The code must still hold now: revoked or used up since the request, approval is refused.
  const settings = await settingsOf(deps, request.communityId);
  const valid = await verifyCode(deps, sceneOf(deps.secrets, settings.secret, code._id, code.householdId));
  await requireRoomFor(store, valid, request.userId);
  const now = deps.clock.now();
  const address = (await addressOf(store, valid.household)).full;
  const decided = await store.transaction(async (tx) => {
    const current = await tx.get('bindRequests', request._id);
    if (!current || current.status !== 'pending') throw new AppError('BIND_REQUEST.DECIDED');
    const currentCode = await tx.get('householdCodes', code._id);
    if (!currentCode || currentCode.revokedAt !== null) throw new AppError('HOUSEHOLD.CODE_REVOKED');
    if (settings.policy.mode === 'singleUse' && currentCode.uses >= 1)
      throw new AppError('HOUSEHOLD.CODE_USED_UP');
    await writeBinding(tx, now, request.userId, valid.household, code._id);
    const next: BindRequest = {
      ...current,
      status: 'approved',
      decidedAt: toIso(now),
      decidedByUserId: user._id,
      version: current.version + 1,
    };
    await tx.set('bindRequests', next);
    await queueNotification(tx, deps.ids, now, decidedNotice(next, address, true));
    return next;
  });
  return requestView(store, decided);
}

export async function denyBindRequest(
  deps: RequestDeps,
  caller: Caller,
  input: { requestId: string; reason?: string },
): Promise<BindRequestView> {
  const { store } = deps;
  const { user, request } = await decidable(deps, caller, input.requestId);
  const household = await store.get('households', request.householdId);
  const address = household ? (await addressOf(store, household)).masked : '';
  const now = deps.clock.now();
  const decided = await store.transaction(async (tx) => {
    const current = await tx.get('bindRequests', request._id);
    if (!current || current.status !== 'pending') throw new AppError('BIND_REQUEST.DECIDED');
    const next: BindRequest = {
      ...current,
      status: 'denied',
      decidedAt: toIso(now),
      decidedByUserId: user._id,
      reason: input.reason?.trim() || null,
      version: current.version + 1,
    };
    await tx.set('bindRequests', next);
    await queueNotification(tx, deps.ids, now, decidedNotice(next, address, false));
    return next;
  });
  return requestView(store, decided);
}
