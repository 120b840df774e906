/**
 * ContentCheck through WeChat's security.msgSecCheck (v2), via wx-server-sdk (the WechatSdk seam). Needs
 * config.json permissions.openapi ["security.msgSecCheck"]. When WeChat gives no verdict — an error, a missing
 * permission (-604101), a user who has not opened the mini-program for 2 hours, or no answer within the
 * timeout — the answer is `unavailable`: the text is held and re-checked by the scheduler, the user's action
 * never fails for it. Tested at the seam (test/wechat/wechat-content-check.test.ts).
 */
import type { ContentCheck, ContentCheckResult } from '../../core/ports/content-check';
import { errorText, wechatErrorCode, wxServerSdk, type WechatSdk } from './wechat-openapi';

const SCENE = { profile: 1, comment: 2, forum: 3, social: 4 } as const;
const MAX_CHARS = 2500;
/** Well inside a function's timeout: a slow check must not make a submission time out. */
const DEFAULT_TIMEOUT_MS = 3000;

export class WechatContentCheck implements ContentCheck {
  constructor(
    private readonly sdk: WechatSdk = wxServerSdk,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async checkText(
    text: string,
    context: { openid: string; scene: keyof typeof SCENE },
  ): Promise<ContentCheckResult> {
    // WeChat checks at most 2,500 characters a call: longer text is checked in slices, the worst verdict wins.
    let worst: ContentCheckResult = { verdict: 'pass' };
    for (let i = 0; i < Math.max(text.length, 1); i += MAX_CHARS) {
      let res: { result?: { suggest?: string; label?: number } };
      try {
        res = (await this.withinTimeout(
          this.sdk.msgSecCheck({
            version: 2,
            openid: context.openid,
            scene: SCENE[context.scene],
            content: text.slice(i, i + MAX_CHARS),
          }),
        )) as typeof res;
      } catch (error) {
        console.warn(
          '[content-check] no verdict, text held for a later check',
          wechatErrorCode(error),
          errorText(error),
        );
        return { verdict: 'unavailable' };
      }
      const suggest = res?.result?.suggest;
      if (suggest === 'risky') return { verdict: 'risky', label: String(res.result?.label ?? '') };
      if (suggest === 'review') worst = { verdict: 'review', label: String(res.result?.label ?? '') };
      else if (suggest !== 'pass') return { verdict: 'unavailable' };
    }
    return worst;
  }

  private withinTimeout<T>(call: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`msgSecCheck: no answer in ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
  }
}
