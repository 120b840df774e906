/**
 * The group-ticket decoder in production: WeChat decodes the cloudID itself (wx-server-sdk getOpenData, via the
 * WechatSdk seam), so the opengid cannot be made up by the client. (A CloudID passed as wx.cloud.CloudID
 * arrives already decoded, but a client could send a plain object of the same shape; asking WeChat closes
 * that door.) Only WeChat's own "this cloudID is not valid" (-601005, or -601007: another user's) and a
 * foreign watermark mean forged; expired (-601006, valid 5 minutes) is expired; every other failure (transport
 * -501001, WeChat system errors, a missing permission) is `unavailable` — not the user's fault.
 * Tested at the seam (test/wechat/wechat-group-tickets.test.ts).
 */
import type { GroupTicketDecoder, GroupTicketResult } from '../../core/ports/group-ticket';
import { wechatErrorCode, wxServerSdk, type WechatSdk } from './wechat-openapi';

const EXPIRED = -601006;
/** -601005 invalid cloudID, -601007 the cloudID belongs to another user. */
const FORGED = new Set([-601005, -601007]);

function failure(code: number | null): GroupTicketResult {
  if (code === EXPIRED) return { ok: false, reason: 'expired' };
  if (code !== null && FORGED.has(code)) return { ok: false, reason: 'forged' };
  return { ok: false, reason: 'unavailable' };
}

export class WechatGroupTickets implements GroupTicketDecoder {
  constructor(
    private readonly appid: string | undefined,
    private readonly sdk: WechatSdk = wxServerSdk,
  ) {}

  async decode(cloudID: string): Promise<GroupTicketResult> {
    let item: Record<string, unknown> | undefined;
    try {
      item = (await this.sdk.getOpenData([cloudID]))[0];
    } catch (error) {
      return failure(wechatErrorCode(error));
    }
    const data = (item?.data ?? null) as { opengid?: unknown; watermark?: { appid?: unknown } } | null;
    if (!data || typeof data.opengid !== 'string') {
      const code = wechatErrorCode(item);
      // Decoded, but not a group's data (another kind of cloudID): made up for this call.
      return code === null ? { ok: false, reason: 'forged' } : failure(code);
    }
    if (this.appid && data.watermark?.appid !== undefined && data.watermark.appid !== this.appid)
      return { ok: false, reason: 'forged' };
    return { ok: true, opengid: data.opengid };
  }
}
