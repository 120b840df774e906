/**
 * The compose page's writing convention, turned into the notice's structured body: one paragraph per
 * textarea, **加粗** for bold, [文字](notice:通知ID) for a link to another notice. Everything else is text:
 * whatever the staff member types, the server receives data, never markup.
 */
import type { NoticeBlock, NoticeSpan } from '../../../../../typings/notice';

const TOKEN = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(notice:([A-Za-z0-9_-]+)\)/g;

export function paragraphToSpans(text: string): NoticeSpan[] {
  const spans: NoticeSpan[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) spans.push({ kind: 'text', text: text.slice(last, at) });
    if (m[1] !== undefined) spans.push({ kind: 'text', text: m[1], bold: true });
    else spans.push({ kind: 'noticeLink', text: m[2] ?? '', noticeId: m[3] ?? '' });
    last = at + m[0].length;
  }
  if (last < text.length) spans.push({ kind: 'text', text: text.slice(last) });
  return spans;
}

/** Paragraphs with text become blocks; empty ones are dropped. */
export function toBlocks(paragraphs: string[]): NoticeBlock[] {
  return paragraphs
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => ({ kind: 'paragraph' as const, spans: paragraphToSpans(p) }));
}

/** The marker a link insertion appends to the paragraph. */
export function linkMarker(title: string, noticeId: string): string {
  return `[${title.replace(/[[\]]/g, '')}](notice:${noticeId})`;
}

/** The reverse of toBlocks: a saved body back into the textareas' convention, to go on editing a draft. */
export function toParagraphs(blocks: NoticeBlock[]): string[] {
  const paragraphs = blocks.map((block) =>
    block.spans
      .map((span) =>
        span.kind === 'noticeLink'
          ? linkMarker(span.text, span.noticeId)
          : span.bold
            ? `**${span.text}**`
            : span.text,
      )
      .join(''),
  );
  return paragraphs.length > 0 ? paragraphs : [''];
}
