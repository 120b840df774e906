/**
 * The group-ticket decoder in production: WeChat decodes the cloudID itself (wx-server-sdk getOpenData), so
 * the opengid cannot be made up by the client. (A CloudID passed as wx.cloud.CloudID arrives already decoded,
 * but a client could send a plain object of the same shape; asking WeChat closes that door.) The watermark's
 * appid must be ours; an expired cloudID (-601006, valid 5 minutes) is refused as expired.
 * Not exercised here: no WeChat environment exists on our machines.
 */
import * as cloud from 'wx-server-sdk';
import type { GroupTicketDecoder, GroupTicketResult } from '../../core/ports/group-ticket';
import { wechatErrorCode, wechatOpenApi } from './wechat-openapi';

const EXPIRED = -601006;

export class WechatGroupTickets implements GroupTicketDecoder {
  constructor(private readonly appid: string | undefined) {}

  async decode(cloudID: string): Promise<GroupTicketResult> {
    wechatOpenApi();
    let item: Record<string, unknown> | undefined;
    try {
      item = (await cloud.getOpenData({ list: [cloudID] })).list[0];
    } catch (error) {
      const code = wechatErrorCode(error);
      if (code === EXPIRED) return { ok: false, reason: 'expired' };
      // A cloudID WeChat does not know is a forged one; network trouble is not the user's fault.
      return code === null ? { ok: false, reason: 'unavailable' } : { ok: false, reason: 'forged' };
    }
    const data = (item?.data ?? null) as { opengid?: unknown; watermark?: { appid?: unknown } } | null;
    if (!data || typeof data.opengid !== 'string') {
      return wechatErrorCode(item) === EXPIRED
        ? { ok: false, reason: 'expired' }
        : { ok: false, reason: 'forged' };
    }
    if (this.appid && data.watermark?.appid !== undefined && data.watermark.appid !== this.appid)
      return { ok: false, reason: 'forged' };
    return { ok: true, opengid: data.opengid };
  }
}
