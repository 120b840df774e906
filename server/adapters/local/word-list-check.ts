import type { ContentCheck, ContentCheckResult } from '../../core/ports/content-check';

/** Words the local cloud treats as risky, standing in for WeChat's msgSecCheck. */
export const DEFAULT_BLOCKED_WORDS = ['赌博', '代开发票', '色情', '枪支', '毒品', '办证'];

/** ContentCheck for the local cloud and tests: a word list, case-insensitive. */
export class WordListCheck implements ContentCheck {
  constructor(private readonly words: string[] = DEFAULT_BLOCKED_WORDS) {}

  async checkText(text: string): Promise<ContentCheckResult> {
    const lower = text.toLowerCase();
    const hit = this.words.find((word) => lower.includes(word.toLowerCase()));
    return hit ? { verdict: 'risky', label: hit } : { verdict: 'pass' };
  }
}
