/**
 * A street office manages its own officers: it lists them and its open invites, invites a colleague (a code
 * shown once, claimed at their login as a community invite is: office-claim.ts), revokes an invite not yet
 * claimed and removes an officer who left. Only the street's officers may; a street never loses its office:
 * the last officer cannot be removed (removing oneself is allowed while another remains).
 */
import type { NewOfficerInvite, OfficeView, OfficerInviteView } from '../../../typings/grid';
import { AppError } from '../errors';
import { maskPhone } from '../grids/roster';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { toIso } from '../time/shanghai';
import { newInviteCode } from '../users/invite-code';
import { revokeOpen } from '../users/invite-lifecycle';
import type { Street, StreetInvite } from './model';
import { requireOfficer } from './scope';

type OfficeDeps = Pick<Deps, 'store' | 'clock' | 'secrets'>;

function inviteView(invite: StreetInvite): OfficerInviteView {
  return {
    inviteId: invite._id,
    name: invite.name,
    phone: maskPhone(invite.phone),
    createdAt: invite.createdAt,
  };
}

async function viewOf(store: Store, street: Street, callerId: string): Promise<OfficeView> {
  const [users, invites] = await Promise.all([
    Promise.all(street.officerUserIds.map((userId) => store.get('users', userId))),
    store.find('streetInvites', {
      where: { streetId: street._id, claimedByUserId: null, revokedAt: null },
    }),
  ]);
  return {
    streetId: street._id,
    name: street.name,
    officers: street.officerUserIds.map((userId, i) => ({
      userId,
      name: users[i]?.name ?? '（未知用户）',
      phone: maskPhone(users[i]?.phone ?? null),
      self: userId === callerId,
    })),
    invites: invites.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)).map(inviteView),
  };
}

/** The caller's street office: its officers (in the order they joined) and the invites not yet claimed. */
export async function officeView(
  deps: Pick<Deps, 'store'>,
  caller: Caller,
  input: { streetId?: string },
): Promise<OfficeView> {
  const { actor, street } = await requireOfficer(deps, caller, input.streetId);
  return viewOf(deps.store, street, actor._id);
}

/** Invites a colleague to the caller's street office; the code is in this answer only. */
export async function inviteOfficer(
  deps: OfficeDeps,
  caller: Caller,
  input: { streetId?: string; name: string; phone?: string },
): Promise<NewOfficerInvite> {
  const { actor, street } = await requireOfficer(deps, caller, input.streetId);
  if (input.phone) await refuseInvitedPhone(deps.store, street, input.phone);
  const { inviteId, code } = newInviteCode(deps.secrets);
  const invite: StreetInvite = {
    _id: inviteId,
    streetId: street._id,
    name: input.name,
    phone: input.phone ?? null,
    createdAt: toIso(deps.clock.now()),
    createdByUserId: actor._id,
    claimedByUserId: null,
    claimedAt: null,
    revokedAt: null,
    version: 1,
  };
  await deps.store.insert('streetInvites', invite);
  return { ...inviteView(invite), code };
}

/**
 * A phone that is already an officer's, or that an open invite of the street names: a second code for the
 * same person would only leave one of them lying about.
 */
async function refuseInvitedPhone(store: Store, street: Street, phone: string): Promise<void> {
  const [users, open] = await Promise.all([
    Promise.all(street.officerUserIds.map((userId) => store.get('users', userId))),
    store.find('streetInvites', { where: { streetId: street._id, claimedByUserId: null, revokedAt: null } }),
  ]);
  if (users.some((u) => u?.phone === phone) || open.some((i) => i.phone === phone))
    throw new AppError('STREET.ALREADY_INVITED');
}

/** Revokes an invite of the caller's street not yet claimed; revoking twice changes nothing. */
export async function revokeOfficerInvite(
  deps: OfficeDeps,
  caller: Caller,
  input: { streetId?: string; inviteId: string },
): Promise<OfficeView> {
  const { store } = deps;
  const { actor, street } = await requireOfficer(deps, caller, input.streetId);
  const invite = await store.get('streetInvites', input.inviteId);
  if (!invite || invite.streetId !== street._id) throw new AppError('INVITE.NOT_FOUND');
  await revokeOpen(store, 'streetInvites', invite, toIso(deps.clock.now()));
  return viewOf(store, street, actor._id);
}

/**
 * Takes an officer off the caller's street office (someone who left, or the caller themself). The check and
 * the write are one transaction on the street's document: two officers removing each other at once cannot
 * leave the street with none.
 */
export async function removeOfficer(
  deps: OfficeDeps,
  caller: Caller,
  input: { streetId?: string; userId: string },
): Promise<OfficeView> {
  const { store } = deps;
  const { actor, street } = await requireOfficer(deps, caller, input.streetId);
  const after = await store.transaction(async (tx) => {
    const current = await tx.get('streets', street._id);
    if (!current) throw new AppError('STREET.NOT_FOUND');
    if (!current.officerUserIds.includes(input.userId)) throw new AppError('STREET.OFFICER_NOT_FOUND');
    const officerUserIds = current.officerUserIds.filter((id) => id !== input.userId);
    if (officerUserIds.length === 0) throw new AppError('STREET.LAST_OFFICER');
    await tx.update('streets', current._id, { officerUserIds });
    return { ...current, officerUserIds };
  });
  return viewOf(store, after, actor._id);
}
