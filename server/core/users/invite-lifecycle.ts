/**
 * What every kind of invite does the same way (a community's `invites`, a street office's `streetInvites`):
 * revoking one not yet claimed, and the name and phone its claimant takes from it.
 */
import { AppError } from '../errors';
import type { Store } from '../ports/store';
import type { StreetInvite } from '../street/model';
import type { Invite } from './invite-model';
import { UNNAMED_USER, type User } from './model';

type Lifecycle = Pick<Invite & StreetInvite, '_id' | 'claimedByUserId' | 'revokedAt' | 'version'>;

/** INVITE.CLAIMED once claimed; revoking twice changes nothing. */
export async function revokeOpen(
  store: Store,
  collection: 'invites' | 'streetInvites',
  invite: Lifecycle,
  at: string,
): Promise<void> {
  if (invite.claimedByUserId) throw new AppError('INVITE.CLAIMED');
  if (!invite.revokedAt)
    await store.update(collection, invite._id, { revokedAt: at, version: invite.version + 1 });
}

/**
 * The claimant's name and phone: the inviter knows the person by the invite's, and a first login has only
 * WeChat's nickname and no phone; what the person already has is kept.
 */
export function claimantPatch(
  user: Pick<User, 'name' | 'phone' | 'version'>,
  invite: Pick<Invite, 'name' | 'phone'>,
  at: string,
): Pick<User, 'name' | 'phone' | 'updatedAt' | 'version'> {
  return {
    name: user.name === UNNAMED_USER ? invite.name : user.name,
    phone: user.phone ?? invite.phone,
    updatedAt: at,
    version: user.version + 1,
  };
}
