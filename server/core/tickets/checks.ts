/**
 * Checks on what a user sends with an action, made before anything is written: text through the content
 * check port, photos that must exist in storage.
 *
 * Content check verdicts — risky: refused (TICKET.CONTENT_REFUSED), nothing written. review: accepted and
 * held — a real problem must not be dropped for an uncertain verdict, so the handlers (who must act on it)
 * and the writer see the text, while other residents (followers) see 「内容审核中」 until staff act on it.
 * unavailable (the check gave no verdict): held the same way, never an error for the user; a submission's
 * text is asked again by the scheduler (recheck.ts).
 */
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Ticket } from './model';

/**
 * Whether the text is held (review, or no verdict: `unchecked`). Throws TICKET.CONTENT_REFUSED when risky.
 */
export async function screenText(
  deps: Pick<Deps, 'contentCheck'>,
  caller: Caller,
  texts: string[],
): Promise<{ held: boolean; unchecked: boolean }> {
  const text = texts.filter((t) => t.trim()).join('\n');
  if (!text) return { held: false, unchecked: false };
  const result = await deps.contentCheck.checkText(text, { openid: caller.openid, scene: 'forum' });
  if (result.verdict === 'risky') {
    throw new AppError('TICKET.CONTENT_REFUSED', { details: { label: result.label ?? null } });
  }
  const unchecked = result.verdict === 'unavailable';
  return { held: unchecked || result.verdict === 'review', unchecked };
}

/** The text a submission screens: the description, and the address typed for a point. */
export function submittedTexts(ticket: Pick<Ticket, 'description' | 'place'>): string[] {
  return [ticket.description, ticket.place.kind === 'point' ? (ticket.place.addressText ?? '') : ''];
}

/** Every photo must be in storage: a partly failed upload refuses the action, with the missing ids. */
export async function requirePhotos(deps: Pick<Deps, 'files'>, photos: string[]): Promise<void> {
  const found = await Promise.all(photos.map((fileId) => deps.files.exists(fileId)));
  const missing = photos.filter((_, i) => !found[i]);
  if (missing.length > 0) throw new AppError('TICKET.PHOTO_MISSING', { details: { missing } });
}
