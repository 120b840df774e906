/**
 * The notice body: paragraphs of text spans (optionally bold) and links to other notices. It is data, never
 * markup: pages render each span as text, so nothing a user typed can become HTML.
 */
import type { NoticeBlock } from '../../../typings/notice';
import { AppError } from '../errors';
import type { Store } from '../ports/store';

export const BODY_LIMITS = { paragraphs: 100, spansPerParagraph: 50, chars: 20_000 };

/** The body as plain text, paragraphs on their own lines (content check, excerpts, export). */
export function plainText(body: NoticeBlock[]): string {
  return body.map((block) => block.spans.map((span) => span.text).join('')).join('\n');
}

/** The first words of the body for the feed. */
export function excerptOf(body: NoticeBlock[], length = 60): string {
  const text = plainText(body).replace(/\s+/g, ' ').trim();
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** NOTICE.BODY_INVALID unless the body has text within the limits and every link names a notice of the community. */
export async function validateBody(
  store: Store,
  communityId: string,
  noticeId: string | null,
  body: NoticeBlock[],
): Promise<void> {
  const text = plainText(body);
  if (text.trim().length === 0) invalid('正文不能为空');
  if (text.length > BODY_LIMITS.chars) invalid(`正文不能超过 ${BODY_LIMITS.chars} 字`);
  const linked = new Set<string>();
  for (const block of body)
    for (const span of block.spans) if (span.kind === 'noticeLink') linked.add(span.noticeId);
  if (noticeId && linked.has(noticeId)) invalid('通知不能链接到自己');
  if (linked.size === 0) return;
  const found = await store.find('notices', { where: { _id: { in: [...linked] }, communityId } });
  const missing = [...linked].filter((id) => !found.some((n) => n._id === id));
  if (missing.length > 0) invalid('正文链接的通知不存在或不属于本社区', { missing });
}

function invalid(message: string, details?: unknown): never {
  throw new AppError('NOTICE.BODY_INVALID', { message: `通知正文有误：${message}`, details });
}
