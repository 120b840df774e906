/**
 * The group-ticket decoder of the local cloud and the tests, where there is no WeChat: a "cloudID" is a
 * token signed with a local secret, carrying the opengid and an expiry (WeChat's cloudIDs last 5 minutes).
 * A token with a bad signature or shape is forged; one past its expiry is expired.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { GroupTicketDecoder, GroupTicketResult } from '../../core/ports/group-ticket';

const PREFIX = 'gl1';

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** Issues a token the way WeChat issues a cloudID: for tests and the local cloud's dev tools. */
/** The local cloud's secret unless GRIDLINK_GROUP_SECRET sets another; never used in production. */
export const DEFAULT_LOCAL_GROUP_SECRET = 'gridlink-local-group-secret';

export function issueGroupTicket(secret: string, opengid: string, expiresAt: Date): string {
  const payload = Buffer.from(JSON.stringify({ opengid, exp: expiresAt.getTime() })).toString('base64url');
  return `${PREFIX}.${payload}.${sign(secret, payload)}`;
}

export class SignedGroupTickets implements GroupTicketDecoder {
  constructor(private readonly secret: string) {}

  async decode(cloudID: string, now: Date): Promise<GroupTicketResult> {
    const [prefix, payload, signature] = cloudID.split('.');
    if (prefix !== PREFIX || !payload || !signature) return { ok: false, reason: 'forged' };
    const expected = Buffer.from(sign(this.secret, payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return { ok: false, reason: 'forged' };
    let claims: { opengid?: unknown; exp?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      return { ok: false, reason: 'forged' };
    }
    if (typeof claims.opengid !== 'string' || !claims.opengid || typeof claims.exp !== 'number')
      return { ok: false, reason: 'forged' };
    if (claims.exp <= now.getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, opengid: claims.opengid };
  }
}
