/** Screens user text before others see it: WeChat msgSecCheck in production, a word list locally. */
/**
 * `unavailable`: the check gave no verdict (error, timeout, missing permission). Never a reason to fail the
 * user's action: the text is held as for `review` and checked again later (tickets/recheck.ts).
 */
export type ContentVerdict = 'pass' | 'review' | 'risky' | 'unavailable';

export interface ContentCheckResult {
  verdict: ContentVerdict;
  label?: string;
}

export interface ContentCheck {
  /** Answers a verdict; adapters turn their failures into `unavailable` rather than throwing. */
  checkText(
    text: string,
    context: { openid: string; scene: 'profile' | 'comment' | 'forum' | 'social' },
  ): Promise<ContentCheckResult>;
}
