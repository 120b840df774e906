/**
 * One collection's committed documents, in insertion order (MongoDB's natural order), with its unique indexes
 * kept as value → id maps so that a duplicate is found without a scan.
 */
import type { IndexSpec } from '../core/store/collections';
import { duplicate } from './errors';
import type { Doc } from './ejson';

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
    const old = this.docs.get(id);
    if (old)
      for (const index of this.unique) {
        const key = this.key(index.fields, old);
        if (index.ids.get(key) === id) index.ids.delete(key);
      }
    if (doc === null) {
      this.docs.delete(id);
      return;
    }
    this.docs.set(id, doc);
    for (const index of this.unique) index.ids.set(this.key(index.fields, doc), id);
  }
}
