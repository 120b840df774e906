/**
 * One collection's committed documents, in insertion order (MongoDB's natural order), with its unique indexes
 * kept as value → id maps so that a duplicate is found without a scan.
 */
import type { IndexSpec } from '../core/store/collections';
import { duplicate } from './errors';
import type { Doc } from './ejson';
import { equalityOf, FieldIndexes } from './field-index';

function valueAt(doc: Record<string, unknown>, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[part];
  }
  // MongoDB indexes a missing field as null.
  return value === undefined ? null : value;
}

export class Documents {
  private readonly docs = new Map<string, Doc>();
  /** Insertion number of each document: the natural order of a narrowed result. */
  private readonly seq = new Map<string, number>();
  private nextSeq = 0;
  /** Bumped by every write: cached query results of an older version are stale. */
  version = 0;
  private readonly fields = new FieldIndexes(() => this.docs.values());
  private readonly unique: Array<{ fields: string[]; ids: Map<string, string> }>;

  constructor(
    readonly name: string,
    indexes: IndexSpec[],
  ) {
    this.unique = indexes.filter((i) => i.unique).map((i) => ({ fields: i.fields, ids: new Map() }));
  }

  get(id: string): Doc | undefined {
    return this.docs.get(id);
  }

  all(): Doc[] {
    return [...this.docs.values()];
  }

  /**
   * The documents that may match `criteria`, in natural order: narrowed by `_id` or by a field equality when
   * the query has one (mingo filters the result exactly).
   */
  candidates(criteria: Record<string, unknown>): Doc[] {
    const byId = equalityOf(criteria._id);
    const ids = byId ? new Set(byId.map(String)) : this.fields.candidates(criteria);
    if (!ids) return this.all();
    // A large share of the collection is cheaper kept in natural order by a pass over it than sorted.
    if (ids.size * 8 > this.docs.size) return this.all().filter((d) => ids.has(d._id));
    return [...ids]
      .flatMap((id) => {
        const doc = this.docs.get(id);
        return doc ? [doc] : [];
      })
      .sort((a, b) => (this.seq.get(a._id) ?? 0) - (this.seq.get(b._id) ?? 0));
  }

  get size(): number {
    return this.docs.size;
  }

  private key(fields: string[], doc: Doc): string {
    return JSON.stringify(fields.map((f) => valueAt(doc, f)));
  }

  /**
   * Throws DATABASE_DUPLICATE_WRITE if the documents about to be written take a unique value that another
   * document holds, or that two of them share. `leaving` names ids this same step replaces or removes.
   */
  checkUnique(written: Doc[], leaving: ReadonlySet<string>): void {
    for (const index of this.unique) {
      const taken = new Map<string, string>();
      for (const doc of written) {
        const key = this.key(index.fields, doc);
        const holder = index.ids.get(key);
        const clash =
          (holder !== undefined && holder !== doc._id && !leaving.has(holder)) ||
          (taken.has(key) && taken.get(key) !== doc._id);
        if (clash) throw duplicate(this.name, `${index.fields.join(',')} of ${doc._id} is taken`);
        taken.set(key, doc._id);
      }
    }
  }

  /** Writes (or, with null, removes) one committed document; callers check uniqueness first. */
  put(id: string, doc: Doc | null): void {
    this.version += 1;
    const old = this.docs.get(id);
    if (old)
      for (const index of this.unique) {
        const key = this.key(index.fields, old);
        if (index.ids.get(key) === id) index.ids.delete(key);
      }
    this.fields.replace(old, doc);
    if (doc === null) {
      this.docs.delete(id);
      this.seq.delete(id);
      return;
    }
    if (!this.seq.has(id)) this.seq.set(id, (this.nextSeq += 1));
    this.docs.set(id, doc);
    for (const index of this.unique) index.ids.set(this.key(index.fields, doc), id);
  }
}
