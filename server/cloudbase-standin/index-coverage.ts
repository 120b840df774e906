/**
 * The log of queries that no declared index serves. A query is served when it names `_id`, or the first field
 * of one of the collection's indexes in server/core/store/collections.ts (an index serves a prefix of its
 * fields, as in MongoDB). A query with no condition at all scans the collection by design and is not logged.
 */
import type { IndexSpec } from '../core/store/collections';
import type { Criteria, Order } from './query';

export interface UnindexedQuery {
  action: string;
  collection: string;
  fields: string[];
  order: string[];
}

/** The field paths a query constrains; every branch of an $or must be served on its own. */
function branches(criteria: Criteria): string[][] {
  const own: string[] = [];
  let out: string[][] = [[]];
  for (const [key, value] of Object.entries(criteria)) {
    if (key === '$and' && Array.isArray(value)) {
      const parts = value.flatMap((c) => branches(c as Criteria));
      out = out.map((b) => [...b, ...parts.flat()]);
    } else if ((key === '$or' || key === '$nor') && Array.isArray(value)) {
      const alternatives = value.flatMap((c) => branches(c as Criteria));
      out = out.flatMap((b) => alternatives.map((alt) => [...b, ...alt]));
    } else if (!key.startsWith('$')) own.push(key);
  }
  return out.map((b) => [...own, ...b]);
}

export class IndexCoverage {
  private readonly log: UnindexedQuery[] = [];

  constructor(private readonly indexes: (collection: string) => IndexSpec[]) {}

  /** Records the query if some branch of it constrains fields but no index serves them. */
  check(action: string, collection: string, criteria: Criteria, order: Order | undefined): void {
    const firsts = new Set(this.indexes(collection).map((i) => i.fields[0]));
    for (const fields of branches(criteria)) {
      if (fields.length === 0 || fields.includes('_id')) continue;
      if (fields.some((f) => firsts.has(f))) continue;
      this.log.push({ action, collection, fields, order: Object.keys(order ?? {}) });
      return;
    }
  }

  entries(): UnindexedQuery[] {
    return this.log.slice();
  }

  clear(): void {
    this.log.length = 0;
  }
}
