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
  offset?: number;
  limit?: number;
  projection?: Record<string, unknown>;
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

/** BSON's order of types for the scalars a sort meets most: null and missing, numbers, strings, booleans, dates. */
function typeRank(value: unknown): number | undefined {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  if (typeof value === 'boolean') return 8;
  if (value instanceof Date) return 9;
  return undefined;
}

function fieldValue(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Sorts by scalar fields directly (mingo's sort is slow on tens of thousands of documents); undefined when
 * some sort value is an array or object, whose BSON order mingo then decides.
 */
function sortedByScalars(docs: Doc[], order: Order): Doc[] | undefined {
  const fields = Object.entries(order);
  const keyed: Array<{ doc: Doc; keys: Array<{ rank: number; value: unknown }> }> = [];
  for (const doc of docs) {
    const keys = [];
    for (const [path] of fields) {
      const value = fieldValue(doc, path);
      const rank = typeRank(value);
      if (rank === undefined) return undefined;
      keys.push({ rank, value: value instanceof Date ? value.getTime() : value });
    }
    keyed.push({ doc, keys });
  }
  keyed.sort((a, b) => {
    for (const [i, [, direction]] of fields.entries()) {
      const x = a.keys[i]!;
      const y = b.keys[i]!;
      const cmp =
        x.rank !== y.rank
          ? x.rank - y.rank
          : x.rank === 1
            ? 0
            : (x.value as number) < (y.value as number)
              ? -1
              : (x.value as number) > (y.value as number)
                ? 1
                : 0;
      if (cmp !== 0) return direction === -1 ? -cmp : cmp;
    }
    return 0;
  });
  return keyed.map((k) => k.doc);
}

/**
 * Every match of a query, in its order. With `shuffleTies`, documents that tie on the order come back in an
 * order that may differ from one request to the next, as MongoDB gives no order among equals: paging by
 * offset over a non-unique order then repeats or skips rows, as it would on CloudBase.
 */
export function sortedMatches(
  docs: Doc[],
  criteria: Criteria,
  order: Order | undefined,
  shuffleTies: boolean,
): Doc[] {
  const found = matching(order && shuffleTies ? shuffled(docs) : docs, criteria);
  if (!order) return found;
  try {
    return sortedByScalars(found, order) ?? new Query({}).find<Doc>(found).sort(order).all();
  } catch (error) {
    throw invalid(`order not understood: ${(error as Error).message}`);
  }
}

/** One page of sorted matches, as getDocument answers it: 100 by default, 1,000 at most. */
export function pageOf(sorted: Doc[], options: Pick<FindOptions, 'offset' | 'limit' | 'projection'>): Doc[] {
  const limit = Math.min(options.limit && options.limit > 0 ? options.limit : DEFAULT_LIMIT, MAX_LIMIT);
  const offset = options.offset ?? 0;
  const page = sorted.slice(offset, offset + limit);
  if (!options.projection) return page;
  try {
    return new Query({}).find<Doc>(page, options.projection as never).all();
  } catch (error) {
    throw invalid(`projection not understood: ${(error as Error).message}`);
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
