/**
 * MongoDB's query and update language, by mingo (no matcher of our own): filtering, sorting with CloudBase's
 * paging limits, and update operators applied to a copy of a document.
 */
import { Query, update } from 'mingo';
import type { Doc } from './ejson';
import { invalid } from './errors';

export type Criteria = Record<string, unknown>;
export type Order = Record<string, 1 | -1>;

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export interface FindOptions {
  order?: Order;
  offset?: number;
  limit?: number;
  projection?: Record<string, unknown>;
  /**
   * Documents that tie on the order come back in an order that may differ from one request to the next, as
   * MongoDB gives no order among equals: paging by offset over a non-unique order then repeats or skips rows,
   * as it would on CloudBase. Off: ties keep insertion order.
   */
  shuffleTies: boolean;
}

function shuffled<T>(items: T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function matching(docs: Doc[], criteria: Criteria): Doc[] {
  try {
    return new Query(criteria).find<Doc>(docs).all();
  } catch (error) {
    throw invalid(`query not understood: ${(error as Error).message}`);
  }
}

/** One page of a query, as getDocument answers it: 100 by default, 1,000 at most. */
export function findPage(docs: Doc[], criteria: Criteria, options: FindOptions): Doc[] {
  const limit = Math.min(options.limit && options.limit > 0 ? options.limit : DEFAULT_LIMIT, MAX_LIMIT);
  const order = options.order && Object.keys(options.order).length ? options.order : undefined;
  const source = order && options.shuffleTies ? shuffled(docs) : docs;
  try {
    let cursor = new Query(criteria).find<Doc>(source, options.projection as never);
    if (order) cursor = cursor.sort(order);
    return cursor
      .skip(options.offset ?? 0)
      .limit(limit)
      .all();
  } catch (error) {
    throw invalid(`query not understood: ${(error as Error).message}`);
  }
}

/** True if the update object uses operators ($set, $inc, …) rather than being a whole replacement. */
export function hasOperators(data: Record<string, unknown>): boolean {
  return Object.keys(data).some((k) => k.startsWith('$'));
}

/** The document after `data`: operators applied (merge), or the whole document replaced (no merge). */
export function applied(doc: Doc, data: Record<string, unknown>, merge: boolean): Doc {
  if (!merge) {
    if (hasOperators(data)) throw invalid('a replacement cannot contain update operators');
    return { ...structuredClone(data), _id: doc._id };
  }
  // With merge, plain fields are set field by field, as CloudBase turns them into operators.
  const modifier = hasOperators(data) ? data : { $set: data };
  const copy = structuredClone(doc);
  try {
    update(copy, modifier as never);
  } catch (error) {
    throw invalid(`update not understood: ${(error as Error).message}`);
  }
  return { ...copy, _id: doc._id };
}
