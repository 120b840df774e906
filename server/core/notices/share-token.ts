/**
 * The token in a notice card's share path: who shared the notice, from which grid, signed with the community's
 * secret, so that the group a card is opened in is bound only to the grid of a real sharer (not to whatever user
 * id a crafted path names). It does not expire: the sharer's roles are checked again when the card is opened,
 * so a worker who left the roster shares nothing any more.
 */
import type { Deps } from '../ports';
import { settingsOf } from '../households/settings';

const SIGNATURE_LENGTH = 22;

type TokenDeps = Pick<Deps, 'store' | 'clock' | 'secrets'>;

export interface ShareClaim {
  sharerUserId: string;
  gridId: string;
}

function message(noticeId: string, claim: ShareClaim): string {
  return `notice-share|${noticeId}|${claim.sharerUserId}|${claim.gridId}`;
}

/** "sharer.grid.signature": ids carry no dots, base64url carries none either. */
export async function signShare(
  deps: TokenDeps,
  communityId: string,
  noticeId: string,
  claim: ShareClaim,
): Promise<string> {
  const { secret } = await settingsOf(deps, communityId);
  const signature = deps.secrets.sign(secret, message(noticeId, claim), SIGNATURE_LENGTH);
  return `${claim.sharerUserId}.${claim.gridId}.${signature}`;
}

/** The claim a token makes for this notice, or null when it is malformed or not signed by this community. */
export async function verifyShare(
  deps: TokenDeps,
  communityId: string,
  noticeId: string,
  token: string,
): Promise<ShareClaim | null> {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !p)) return null;
  const [sharerUserId, gridId, signature] = parts as [string, string, string];
  // Read, never created here: a community that signed nothing yet has no secret, and checking writes nothing.
  const settings = await deps.store.get('onboardingSettings', communityId);
  if (!settings) return null;
  const { secret } = settings;
  const expected = deps.secrets.sign(secret, message(noticeId, { sharerUserId, gridId }), SIGNATURE_LENGTH);
  return deps.secrets.same(expected, signature) ? { sharerUserId, gridId } : null;
}
