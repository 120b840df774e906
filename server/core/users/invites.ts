/**
 * Invites (DESIGN §1): staff invite a person who has never logged in — to the roster (leader, worker, the
 * 1+4+X force) or to a community role (staff, secretary) — and hand them the code. On first login (or later)
 * the code claims the place: the roster entry is written and the role it implies granted, in one transaction.
 * A code is single-use; a claimed or revoked one is refused with its own code. A street office's invite
 * (street/office.ts) is claimed through the same `claimInviteFor`.
 */
import { bumpGridMapVersion } from '../routing/map-version';
import type { MemberDutyName, NewInvite, RosterView } from '../../../typings/grid';
import type { Me } from '../../../typings/user';
import { AppError } from '../errors';
import { memberKey, type Invitee } from '../grids/ledger/import-members';
import { stableId } from '../grids/ledger/stable-id';
import { grantFor } from '../grids/member-roles';
import type { Member } from '../grids/model';
import { inviteView, rosterView } from '../grids/roster';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { toIso } from '../time/shanghai';
import { claimOfficerInvite } from '../street/office-claim';
import { loadActor } from './actor';
import { findInvite, newInviteCode } from './invite-code';
import type { Invite } from './invite-model';
import { claimantPatch, revokeOpen } from './invite-lifecycle';
import { meView } from './me-view';
import type { User } from './model';
import { requireCommunityStaff, sameGrant } from './permissions';
import { withRoles } from './role-keys';

type InviteDeps = Pick<Deps, 'store' | 'clock' | 'secrets'>;

/** The place must exist in the community and suit the duty, as setMember checks it. */
async function checkPlace(
  store: Store,
  input: {
    communityId: string;
    duty?: MemberDutyName;
    role?: 'staff' | 'secretary';
    gridId?: string;
    microGridId?: string;
  },
): Promise<{ gridId: string | null; microGridId: string | null }> {
  if (!input.duty === !input.role)
    throw new AppError('USER.ROLE_SCOPE_INVALID', { message: '请选择网格职责或社区角色（二者选一）' });
  if (input.role) {
    if (input.gridId || input.microGridId) throw new AppError('USER.ROLE_SCOPE_INVALID');
    return { gridId: null, microGridId: null };
  }
  const grid = input.gridId ? await store.get('grids', input.gridId) : null;
  if (!grid || grid.communityId !== input.communityId) throw new AppError('GRID.NOT_FOUND');
  if (input.microGridId) {
    const microGrid = await store.get('microGrids', input.microGridId);
    if (!microGrid || microGrid.gridId !== grid._id) throw new AppError('MICRO_GRID.NOT_FOUND');
  }
  if (input.duty === 'worker' && !input.microGridId)
    throw new AppError('USER.ROLE_SCOPE_INVALID', { message: '网格员须指定微网格，请选择微网格' });
  if (input.duty === 'leader' && input.microGridId)
    throw new AppError('USER.ROLE_SCOPE_INVALID', { message: '网格长属于网格，请只选择网格、不选微网格' });
  return { gridId: grid._id, microGridId: input.microGridId ?? null };
}

export async function createInvite(
  deps: InviteDeps,
  caller: Caller,
  input: {
    communityId: string;
    name: string;
    phone?: string;
    duty?: MemberDutyName;
    role?: 'staff' | 'secretary';
    gridId?: string;
    microGridId?: string;
    primary?: boolean;
  },
): Promise<NewInvite> {
  const { store } = deps;
  const actor = await loadActor(store, caller);
  requireCommunityStaff(actor, input.communityId);
  if (!(await store.get('communities', input.communityId))) throw new AppError('COMMUNITY.NOT_FOUND');
  const place = await checkPlace(store, input);
  const { inviteId, code } = newInviteCode(deps.secrets);
  const invite: Invite = {
    _id: inviteId,
    communityId: input.communityId,
    name: input.name,
    phone: input.phone ?? null,
    duty: input.duty ?? null,
    role: input.role ?? null,
    ...place,
    primary: input.duty === 'worker' ? (input.primary ?? false) : false,
    createdAt: toIso(deps.clock.now()),
    createdByUserId: actor._id,
    claimedByUserId: null,
    claimedAt: null,
    revokedAt: null,
    version: 1,
  };
  await store.insert('invites', invite);
  return { ...inviteView(invite), code };
}

export async function revokeInvite(
  deps: InviteDeps,
  caller: Caller,
  input: { communityId: string; inviteId: string },
): Promise<RosterView> {
  const { store } = deps;
  const actor = await loadActor(store, caller);
  requireCommunityStaff(actor, input.communityId);
  const invite = await store.get('invites', input.inviteId);
  if (!invite || invite.communityId !== input.communityId) throw new AppError('INVITE.NOT_FOUND');
  await revokeOpen(store, 'invites', invite, toIso(deps.clock.now()));
  return rosterView(store, input.communityId);
}

/** The member an invite to the roster becomes. */
function memberFrom(invite: Invite, userId: string): Member | null {
  if (!invite.duty || !invite.gridId) return null;
  const fields = { gridId: invite.gridId, microGridId: invite.microGridId, userId, duty: invite.duty };
  return {
    ...fields,
    _id: stableId('member', ...memberKey(fields).split('\u0000')),
    communityId: invite.communityId,
    // The first worker of a micro-grid is its primary: a micro-grid never lacks one.
    primary: invite.primary,
    onDuty: true,
  };
}

/** Claims the invite for the user: the roster entry, the role, the invite marked, all at once. */
export async function claimInviteFor(deps: InviteDeps, user: User, code: string): Promise<User> {
  const { store } = deps;
  const found = await findInvite(store, deps.secrets, code);
  if (!found) throw new AppError('INVITE.INVALID');
  // A street office's invite: the same code path, another place (street/office-claim.ts).
  if (found.kind === 'street') return claimOfficerInvite(deps, user, found.invite);
  const { invite } = found;
  if (invite.revokedAt) throw new AppError('INVITE.REVOKED');
  if (invite.claimedByUserId === user._id) return user;
  if (invite.claimedByUserId) throw new AppError('INVITE.CLAIMED');

  const member = memberFrom(invite, user._id);
  const workers =
    member?.duty === 'worker' && member.microGridId
      ? await store.find('members', { where: { microGridId: member.microGridId, duty: 'worker' } })
      : [];
  if (member && member.duty === 'worker' && !workers.some((w) => w.primary)) member.primary = true;
  const displaced = member?.primary ? workers.filter((w) => w.primary && w._id !== member._id) : [];
  const grant = member
    ? grantFor(member)
    : invite.role
      ? { role: invite.role, communityId: invite.communityId }
      : null;
  const now = toIso(deps.clock.now());

  const claimed = await store.transaction(async (tx) => {
    const current = await tx.get('invites', invite._id);
    if (!current || current.revokedAt) throw new AppError('INVITE.REVOKED');
    if (current.claimedByUserId) throw new AppError('INVITE.CLAIMED');
    const fresh = await tx.get('users', user._id);
    if (!fresh) throw new AppError('USER.NOT_FOUND');
    await tx.update('invites', invite._id, {
      claimedByUserId: user._id,
      claimedAt: now,
      version: current.version + 1,
    });
    if (member) await tx.set('members', member);
    for (const m of displaced) await tx.update('members', m._id, { primary: false });
    const roles =
      grant && !fresh.roles.some((g) => sameGrant(g, grant)) ? [...fresh.roles, grant] : fresh.roles;
    const patch = { ...withRoles(roles), ...claimantPatch(fresh, invite, now) };
    await tx.update('users', fresh._id, patch);
    return { ...fresh, ...patch };
  });
  // The roster is in every instance's warm map memory (routing/map-reads.ts).
  if (member) await bumpGridMapVersion(store, now);
  return claimed;
}

export async function claimInvite(deps: InviteDeps, caller: Caller, input: { code: string }): Promise<Me> {
  const user = await loadActor(deps.store, caller);
  return meView(deps.store, await claimInviteFor(deps, user, input.code));
}

/**
 * Invites the people of a members ledger who have never logged in. Someone with an open invite for the same
 * place is skipped: importing the same file twice invites nobody twice.
 */
export async function inviteAll(
  deps: InviteDeps,
  caller: Caller,
  communityId: string,
  invitees: Invitee[],
): Promise<NewInvite[]> {
  if (invitees.length === 0) return [];
  const open = await deps.store.find('invites', {
    where: { communityId, claimedByUserId: null, revokedAt: null },
  });
  const same = (i: Invitee) => (o: Invite) =>
    o.phone === i.phone && o.duty === i.duty && o.gridId === i.gridId && o.microGridId === i.microGridId;
  const out: NewInvite[] = [];
  for (const invitee of invitees.filter((i) => !open.some(same(i))))
    out.push(
      await createInvite(deps, caller, {
        communityId,
        name: invitee.name,
        phone: invitee.phone,
        duty: invitee.duty,
        gridId: invitee.gridId,
        ...(invitee.microGridId ? { microGridId: invitee.microGridId } : {}),
        primary: invitee.primary,
      }),
    );
  return out;
}
