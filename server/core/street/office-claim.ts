/**
 * Claiming an invite to a street office (office.ts): the invite marked claimed and the user added to the
 * street's officers, in one transaction, name and phone filled as a community invite fills them. Called by
 * users/invites.ts `claimInviteFor` once the code is found to open a street invite.
 */
import { AppError } from '../errors';
import type { Deps } from '../ports';
import { toIso } from '../time/shanghai';
import { inviteRefused } from '../users/invite-code';
import { claimantPatch } from '../users/invite-lifecycle';
import type { User } from '../users/model';
import type { StreetInvite } from './model';

export async function claimOfficerInvite(
  deps: Pick<Deps, 'store' | 'clock'>,
  user: User,
  invite: StreetInvite,
): Promise<User> {
  if (invite.revokedAt) throw inviteRefused('street', 'INVITE.REVOKED');
  if (invite.claimedByUserId === user._id) return user;
  if (invite.claimedByUserId) throw inviteRefused('street', 'INVITE.CLAIMED');
  const now = toIso(deps.clock.now());
  return deps.store.transaction(async (tx) => {
    const current = await tx.get('streetInvites', invite._id);
    if (!current || current.revokedAt) throw inviteRefused('street', 'INVITE.REVOKED');
    if (current.claimedByUserId) throw inviteRefused('street', 'INVITE.CLAIMED');
    const street = await tx.get('streets', current.streetId);
    if (!street) throw new AppError('STREET.NOT_FOUND');
    const fresh = await tx.get('users', user._id);
    if (!fresh) throw new AppError('USER.NOT_FOUND');
    await tx.update('streetInvites', current._id, {
      claimedByUserId: fresh._id,
      claimedAt: now,
      version: current.version + 1,
    });
    if (!street.officerUserIds.includes(fresh._id))
      await tx.update('streets', street._id, { officerUserIds: [...street.officerUserIds, fresh._id] });
    const patch = claimantPatch(fresh, current, now);
    await tx.update('users', fresh._id, patch);
    return { ...fresh, ...patch };
  });
}
