/**
 * ContentCheck through WeChat's security.msgSecCheck (v2), via wx-server-sdk's cloud.openapi (documented
 * path). Needs config.json permissions.openapi ["security.msgSecCheck"]. Not exercised here.
 */
import { wechatOpenApi } from './wechat-openapi';
import type { ContentCheck, ContentCheckResult } from '../../core/ports/content-check';

const SCENE = { profile: 1, comment: 2, forum: 3, social: 4 } as const;
const MAX_CHARS = 2500;

export class WechatContentCheck implements ContentCheck {
  async checkText(
    text: string,
    context: { openid: string; scene: keyof typeof SCENE },
  ): Promise<ContentCheckResult> {
    // WeChat checks at most 2,500 characters a call: longer text is checked in slices, the worst verdict wins.
    let worst: ContentCheckResult = { verdict: 'pass' };
    for (let i = 0; i < Math.max(text.length, 1); i += MAX_CHARS) {
      const res = (await wechatOpenApi().security.msgSecCheck({
        version: 2,
        openid: context.openid,
        scene: SCENE[context.scene],
        content: text.slice(i, i + MAX_CHARS),
      })) as { result?: { suggest?: string; label?: number } };
      const suggest = res.result?.suggest;
      if (suggest === 'risky') return { verdict: 'risky', label: String(res.result?.label ?? '') };
      if (suggest === 'review') worst = { verdict: 'review', label: String(res.result?.label ?? '') };
    }
    return worst;
  }
}
