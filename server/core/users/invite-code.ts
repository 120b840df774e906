/**
 * The code of an invite, one kind for every invite (to a community's roster or role, or to a street office),
 * so a person types or scans one kind of code wherever they were invited: 12 random base-32 characters, shown
 * as k7qm-2xvd-9fha, stored only as a keyed hash `inv_…` that is the invite's id.
 */
import { AppError } from '../errors';
import type { Secrets } from '../ports/secrets';
import type { Store } from '../ports/store';
import type { StreetInvite } from '../street/model';
import type { Invite } from './invite-model';

const CODE_LENGTH = 12;
/**
 * The key of the hash an invite is stored under. Not a secret: the hash only keeps the code itself out of the
 * database; the code's 60 random bits are what make it unguessable.
 */
const INVITE_HASH_KEY = 'gridlink-invite-code';

/** The code as typed: case, spaces and dashes do not matter. */
function normalize(code: string): string {
  return code.toLowerCase().replace(/[^a-z2-7]/g, '');
}

export function inviteIdOf(secrets: Secrets, code: string): string {
  return `inv_${secrets.sign(INVITE_HASH_KEY, normalize(code), 22)}`;
}

/** A new code (as shown once, k7qm-2xvd-9fha) and the id of the invite it opens. */
export function newInviteCode(secrets: Secrets): { inviteId: string; code: string } {
  const code = secrets.randomCode(CODE_LENGTH);
  return { inviteId: inviteIdOf(secrets, code), code: code.match(/.{1,4}/g)!.join('-') };
}

/** The invite a code opens: a community's (`invites`) or a street office's (`streetInvites`), or none. */
export type FoundInvite = { kind: 'community'; invite: Invite } | { kind: 'street'; invite: StreetInvite };

export async function findInvite(store: Store, secrets: Secrets, code: string): Promise<FoundInvite | null> {
  const id = inviteIdOf(secrets, code);
  const invite = await store.get('invites', id);
  if (invite) return { kind: 'community', invite };
  const street = await store.get('streetInvites', id);
  return street ? { kind: 'street', invite: street } : null;
}

/** A used or revoked code, refused with its own code; a street's invitee is told to ask the street office. */
export function inviteRefused(
  kind: FoundInvite['kind'],
  code: 'INVITE.CLAIMED' | 'INVITE.REVOKED',
): AppError {
  if (kind === 'community') return new AppError(code);
  const message =
    code === 'INVITE.CLAIMED'
      ? '此邀请码已被使用，请向街道工作人员索取新的邀请码'
      : '此邀请码已作废，请向街道工作人员索取新的邀请码';
  return new AppError(code, { message });
}
