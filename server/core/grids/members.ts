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
import { holds, requireCommunityStaff, sameGrant } from '../users/permissions';
import { memberKey } from './ledger/import-members';
import { stableId } from './ledger/stable-id';
import { ensureGrants, grantFor } from './member-roles';
import { handOverTickets } from './handover';
import { snapshotOf, workingRole } from '../tickets/people';
import type { User } from '../users/model';
import { withRoles } from '../users/role-keys';
import type { Member } from './model';
import { rosterView } from './roster';
import { bumpGridMapVersion } from '../routing/map-version';

type MemberDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

async function asStaff(deps: MemberDeps, caller: Caller, communityId: string): Promise<User> {
  const actor = await loadActor(deps.store, caller);
  requireCommunityStaff(actor, communityId);
  if (!(await deps.store.get('communities', communityId))) throw new AppError('COMMUNITY.NOT_FOUND');
  return actor;
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
    throw new AppError('USER.ROLE_SCOPE_INVALID', { message: '网格员须指定微网格，请选择微网格' });
  if (input.duty === 'leader' && microGridId)
    throw new AppError('USER.ROLE_SCOPE_INVALID', { message: '网格长属于网格，请只选择网格、不选微网格' });
  if (!(await store.get('users', input.userId))) throw new AppError('USER.NOT_FOUND');

  const fields = { gridId: grid._id, microGridId, userId: input.userId, duty: input.duty };
  const [existing] = (
    await store.find('members', { where: { gridId: grid._id, userId: input.userId, duty: input.duty } })
  ).filter((m) => m.microGridId === microGridId);
  const workersHere =
    input.duty === 'worker' && microGridId
      ? await store.find('members', { where: { microGridId, duty: 'worker' } })
      : [];
  const otherPrimary = workersHere.some((m) => m.primary && m._id !== existing?._id);
  // A micro-grid always has a primary: its first worker becomes it; the primary steps down only for another.
  if (input.duty === 'worker' && existing?.primary && input.primary === false && !otherPrimary)
    throw new AppError('MEMBER.PRIMARY_REQUIRED');
  const member: Member = {
    ...fields,
    _id: existing?._id ?? stableId('member', ...memberKey(fields).split('\u0000')),
    communityId: input.communityId,
    primary: input.duty === 'worker' && !otherPrimary ? true : (input.primary ?? existing?.primary ?? false),
    onDuty: input.onDuty ?? existing?.onDuty ?? true,
  };
  const displaced = member.primary ? workersHere.filter((m) => m.primary && m._id !== member._id) : [];
  await store.transaction(async (tx) => {
    await tx.set('members', member);
    for (const m of displaced) await tx.update('members', m._id, { primary: false });
  });
  await bumpGridMapVersion(store, toIso(deps.clock.now()));
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
  await bumpGridMapVersion(deps.store, toIso(deps.clock.now()));
  return rosterView(deps.store, input.communityId);
}

/**
 * Removes a member from the roster, and with it the role the entry implied (a role from the roster lives as
 * long as the entry): they receive no new tickets and can sign for none. A removed primary worker's place
 * goes to another worker of the micro-grid; the tickets on their desk are handed on (handover.ts).
 */
export async function removeMember(
  deps: MemberDeps,
  caller: Caller,
  input: { communityId: string; memberId: string },
): Promise<RosterView> {
  const { store } = deps;
  const actor = await asStaff(deps, caller, input.communityId);
  const member = await memberOf(deps, input.communityId, input.memberId);
  const successor =
    member.primary && member.duty === 'worker' && member.microGridId
      ? (await store.find('members', { where: { microGridId: member.microGridId, duty: 'worker' } }))
          .filter((m) => m._id !== member._id)
          .sort((a, b) => Number(b.onDuty) - Number(a.onDuty) || (a.userId < b.userId ? -1 : 1))[0]
      : undefined;
  const remaining = (await store.find('members', { where: { userId: member.userId } })).filter(
    (m) => m._id !== member._id,
  );
  const grant = grantFor(member);
  const now = toIso(deps.clock.now());
  const user = await store.transaction(async (tx) => {
    await tx.delete('members', member._id);
    if (successor) await tx.update('members', successor._id, { primary: true });
    const target = await tx.get('users', member.userId);
    if (!target) return null;
    const stillImplied = remaining.some((m) => {
      const other = grantFor(m);
      return !!other && !!grant && sameGrant(other, grant);
    });
    if (!grant || stillImplied) return target;
    const patch = {
      ...withRoles(target.roles.filter((g) => !sameGrant(g, grant))),
      updatedAt: now,
      version: target.version + 1,
    };
    await tx.update('users', target._id, patch);
    return { ...target, ...patch };
  });
  await bumpGridMapVersion(store, now);
  if (user)
    await handOverTickets(
      deps,
      user,
      input.communityId,
      snapshotOf(actor, workingRole(actor, input.communityId)),
    );
  return rosterView(store, input.communityId);
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
