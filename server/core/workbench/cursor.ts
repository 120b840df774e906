/**
 * The workbench's page cursor: where the last page stopped in the order (createdAt desc, _id desc). It names
 * the instant and the ids already shown at exactly that instant, so the next page asks the index for
 * "createdAt ≤ at" and drops those few: no skip, so a page costs the same on page 1 and page 5,000.
 */
import { AppError } from '../errors';

export interface Cursor {
  at: string;
  /** Tickets filed at exactly `at` that earlier pages already showed (usually one). */
  ids: string[];
}

const SEPARATOR = '|';

export function encodeCursor(cursor: Cursor): string {
  return [cursor.at, ...cursor.ids].join(SEPARATOR);
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+08:00$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The cursor a client sent back; a forged or stale one is a validation error, never a crash. */
export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  const [at, ...ids] = text.split(SEPARATOR);
  if (!at || !ISO.test(at) || ids.length === 0 || !ids.every((id) => ID.test(id)))
    throw new AppError('VALIDATION.FAILED', { message: '翻页位置无效，请刷新列表后重试' });
  return { at, ids };
}
