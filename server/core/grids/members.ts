/**
 * Staff manage a community's members: the leader of each grid, the workers of each micro-grid (one primary,
 * on duty), the rest of the 1+4+X force, and the secretary who receives letters. Staff of that community only.
 */
import type { MemberDutyName, RosterView } from '../../../typings/grid';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { holds, requireCommunityStaff } from '../users/permissions';
import { memberKey } from './ledger/import-members';
import { stableId } from './ledger/stable-id';
import { ensureGrants } from './member-roles';
import type { Member } from './model';
import { rosterView } from './roster';

type MemberDeps = Pick<Deps, 'store' | 'clock'>;

async function asStaff(deps: MemberDeps, caller: Caller, communityId: string): Promise<void> {
  const actor = await loadActor(deps.store, caller);
  requireCommunityStaff(actor, communityId);
  if (!(await deps.store.get('communities', communityId))) throw new AppError('COMMUNITY.NOT_FOUND');
}

/** The roster, for staff of the community. */
export async function listMembers(
  deps: MemberDeps,
  caller: Caller,
  input: { communityId: string },
): Promise<RosterView> {
  await asStaff(deps, caller, input.communityId);
  return rosterView(deps.store, input.communityId);
}

/** Adds a member or changes one (same person, duty and place); a primary worker displaces the previous one. */
export async function setMember(
  deps: MemberDeps,
  caller: Caller,
  input: {
    communityId: string;
    gridId: string;
    microGridId?: string | null;
    userId: string;
    duty: MemberDutyName;
    primary?: boolean;
    onDuty?: boolean;
  },
): Promise<RosterView> {
  const { store } = deps;
  await asStaff(deps, caller, input.communityId);
  const grid = await store.get('grids', input.gridId);
  if (!grid || grid.communityId !== input.communityId) throw new AppError('GRID.NOT_FOUND');
  const microGridId = input.microGridId ?? null;
  if (microGridId) {
    const microGrid = await store.get('microGrids', microGridId);
    if (!microGrid || microGrid.gridId !== grid._id) throw new AppError('MICRO_GRID.NOT_FOUND');
  }
  if (input.duty === 'worker' && !microGridId)
    throw new AppError('USER.ROLE_SCOPE_INVALID', { message: '网格员需指定微网格' });
  if (input.duty === 'leader' && microGridId)
    throw new AppError('USER.ROLE_SCOPE_INVALID', { message: '网格长属于网格，不指定微网格' });
  if (!(await store.get('users', input.userId))) throw new AppError('USER.NOT_FOUND');

  const fields = { gridId: grid._id, microGridId, userId: input.userId, duty: input.duty };
  const [existing] = (
    await store.find('members', { where: { gridId: grid._id, userId: input.userId, duty: input.duty } })
  ).filter((m) => m.microGridId === microGridId);
  const member: Member = {
    ...fields,
    _id: existing?._id ?? stableId('member', ...memberKey(fields).split('\u0000')),
    communityId: input.communityId,
    primary: input.primary ?? existing?.primary ?? false,
    onDuty: input.onDuty ?? existing?.onDuty ?? true,
  };
  const displaced =
    member.primary && member.duty === 'worker' && microGridId
      ? (await store.find('members', { where: { microGridId, duty: 'worker', primary: true } })).filter(
          (m) => m._id !== member._id,
        )
      : [];
  await store.transaction(async (tx) => {
    await tx.set('members', member);
    for (const m of displaced) await tx.update('members', m._id, { primary: false });
  });
  await ensureGrants(store, [member], toIso(deps.clock.now()));
  return rosterView(store, input.communityId);
}

async function memberOf(deps: MemberDeps, communityId: string, memberId: string): Promise<Member> {
  const member = await deps.store.get('members', memberId);
  if (!member || member.communityId !== communityId) throw new AppError('MEMBER.NOT_FOUND');
  return member;
}

/** On duty or off (leave, sick): routing skips an off-duty worker. */
export async function setOnDuty(
  deps: MemberDeps,
  caller: Caller,
  input: { communityId: string; memberId: string; onDuty: boolean },
): Promise<RosterView> {
  await asStaff(deps, caller, input.communityId);
  const member = await memberOf(deps, input.communityId, input.memberId);
  await deps.store.transaction((tx) => tx.update('members', member._id, { onDuty: input.onDuty }));
  return rosterView(deps.store, input.communityId);
}

/** Removes a member from the roster. Role grants stay: revoking them is the user function's job. */
export async function removeMember(
  deps: MemberDeps,
  caller: Caller,
  input: { communityId: string; memberId: string },
): Promise<RosterView> {
  await asStaff(deps, caller, input.communityId);
  const member = await memberOf(deps, input.communityId, input.memberId);
  await deps.store.remove('members', member._id);
  return rosterView(deps.store, input.communityId);
}

/** Names the secretary who receives 书记信箱 letters; they must hold the secretary role here. */
export async function setSecretary(
  deps: MemberDeps,
  caller: Caller,
  input: { communityId: string; userId: string },
): Promise<RosterView> {
  await asStaff(deps, caller, input.communityId);
  const user = await deps.store.get('users', input.userId);
  if (!user) throw new AppError('USER.NOT_FOUND');
  if (!holds(user, 'secretary', input.communityId)) {
    throw new AppError('USER.ROLE_SCOPE_INVALID', { message: '此用户不是本社区的书记：请先授予书记角色' });
  }
  await deps.store.update('communities', input.communityId, { secretaryUserId: user._id });
  return rosterView(deps.store, input.communityId);
}
