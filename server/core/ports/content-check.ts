/** Screens user text before others see it: WeChat msgSecCheck in production, a word list locally. */
export type ContentVerdict = 'pass' | 'review' | 'risky';

export interface ContentCheckResult {
  verdict: ContentVerdict;
  label?: string;
}

export interface ContentCheck {
  checkText(
    text: string,
    context: { openid: string; scene: 'profile' | 'comment' | 'forum' | 'social' },
  ): Promise<ContentCheckResult>;
}
