/**
 * Push through WeChat's subscribeMessage.send. node-sdk documents no way to call it, so this uses
 * wx-server-sdk's cloud.openapi (the documented path) through the WechatSdk seam (wechat-openapi.ts). The
 * function needs config.json permissions.openapi ["subscribeMessage.send"]. Tested at that seam with the SDK's
 * error shapes (test/wechat/wechat-push-adapter.test.ts); WeChat itself is not exercised here.
 */
import type { Push, PushMessage, PushOutcome } from '../../core/ports/push';
import { errorText, wechatErrorCode, wxServerSdk, type WechatSdk } from './wechat-openapi';

/** 43101: the user refused, or their one-time grants for this template are used up. */
const REFUSED = new Set([43101]);
/**
 * Answers that will not change on a retry: the payload or the configuration is wrong (47003 bad field value,
 * 40003 bad openid, 40037 bad template id, 41030 bad page, -604101 openapi permission missing in config.json).
 */
const BAD_DATA = new Set([47003, 40003, 40037, 41030, 40165, -604101]);
/**
 * Rate and quota (45009 daily quota, 45011 per-minute), -1 "system busy", -601001 WeChat system error, and
 * CloudBase's request limits (-501003, -501004): retry later.
 */
const THROTTLED = new Set([45009, 45011, 45047, -1, -601001, -501003, -501004]);
/**
 * wx-server-sdk's transport failures: -501001 is what it throws when the request to CloudBase's gateway fails
 * (refused, reset, unreadable answer: it wraps every such error in that code), -601003 WeChat's network
 * error. No WeChat answer came back to a sent message: retried like a network error, never recorded as data.
 */
const TRANSPORT = new Set([-501001, -601003]);
/** Timeouts with a code (-501002 CloudBase, -601008 WeChat): the message may be out; never resent blindly. */
const TIMED_OUT = new Set([-501002, -601008]);
/** The platform's access token was stale: the request did not go out as a message; retry. */
const TOKEN = new Set([40001, 40014, 42001]);
/** Errors raised before any byte reached WeChat: safe to retry. */
const NOT_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|getaddrinfo/i;

function errorCodeName(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** Maps WeChat's answer (or the lack of one) to one of the Push port's outcomes. */
export function classifyWechatError(error: unknown): PushOutcome {
  const code = wechatErrorCode(error);
  const message = errorText(error);
  if (code === null) {
    // No answer code: refused connections never left; anything else (timeout, reset) may have been delivered.
    return NOT_SENT.test(`${errorCodeName(error)} ${message}`)
      ? { kind: 'network', message }
      : { kind: 'unknown', message };
  }
  if (REFUSED.has(code)) return { kind: 'refused', code, message };
  if (THROTTLED.has(code)) return { kind: 'throttled', code, message };
  if (TOKEN.has(code) || TRANSPORT.has(code)) return { kind: 'network', message: `${code} ${message}` };
  if (TIMED_OUT.has(code)) return { kind: 'unknown', message: `${code} ${message}` };
  if (BAD_DATA.has(code)) return { kind: 'badData', code, message };
  // An answer we do not know is still a "no" from WeChat: not retried, kept with its code for staff and developers.
  return { kind: 'badData', code, message };
}

export class WechatPush implements Push {
  /** GRIDLINK_MINIPROGRAM_STATE: which build a tap opens (formal / trial / developer). */
  constructor(
    private readonly miniprogramState = 'formal',
    private readonly sdk: WechatSdk = wxServerSdk,
  ) {}

  async send(message: PushMessage): Promise<PushOutcome> {
    try {
      const answer = await this.sdk.sendSubscribeMessage({
        touser: message.openid,
        templateId: message.templateId,
        page: message.page,
        data: message.data,
        miniprogramState: this.miniprogramState,
        lang: 'zh_CN',
      });
      // The SDK throws on a failure answer; should one arrive resolved instead, it is read the same way.
      const code = wechatErrorCode(answer);
      return code === null || code === 0 ? { kind: 'sent' } : classifyWechatError(answer);
    } catch (error) {
      return classifyWechatError(error);
    }
  }
}
