/**
 * Hash indexes over single fields, built on first use, to narrow a query to the documents that can match an
 * equality before mingo filters them (a speed aid only: mingo still decides). A field whose path crosses an
 * array is left unindexed, since equality there means "some element", which a hash of the path cannot hold.
 */
import type { Doc } from './ejson';

type Scalar = string | number | boolean;

const keyOf = (value: Scalar) => `${typeof value}:${String(value)}`;
const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** The scalar values a document holds at a path (each element of a final array), or undefined if unindexable. */
function valuesAt(doc: Doc, path: string): Scalar[] | undefined {
  let value: unknown = doc;
  const parts = path.split('.');
  for (const [i, part] of parts.entries()) {
    if (Array.isArray(value)) return undefined;
    if (value === null || typeof value !== 'object') return [];
    value = (value as Record<string, unknown>)[part];
    if (i < parts.length - 1 && Array.isArray(value)) return undefined;
  }
  if (Array.isArray(value)) return value.filter(isScalar);
  return isScalar(value) ? [value] : [];
}

class FieldIndex {
  private readonly ids = new Map<string, Set<string>>();
  unindexable = false;

  constructor(private readonly path: string) {}

  add(doc: Doc): void {
    const values = valuesAt(doc, this.path);
    if (!values) {
      this.unindexable = true;
      return;
    }
    for (const v of values) {
      const key = keyOf(v);
      let set = this.ids.get(key);
      if (!set) this.ids.set(key, (set = new Set()));
      set.add(doc._id);
    }
  }

  remove(doc: Doc): void {
    for (const v of valuesAt(doc, this.path) ?? []) this.ids.get(keyOf(v))?.delete(doc._id);
  }

  lookup(values: Scalar[]): Set<string> {
    const out = new Set<string>();
    for (const v of values) for (const id of this.ids.get(keyOf(v)) ?? []) out.add(id);
    return out;
  }
}

/** The equality a condition states, as the scalars a matching document must hold, or undefined. */
function equalityOf(condition: unknown): Scalar[] | undefined {
  if (isScalar(condition)) return [condition];
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return undefined;
  const entries = Object.entries(condition);
  if (entries.length !== 1) return undefined;
  const [op, value] = entries[0] as [string, unknown];
  if (op === '$eq' && isScalar(value)) return [value];
  if (op === '$in' && Array.isArray(value) && value.every(isScalar)) return value;
  return undefined;
}

export class FieldIndexes {
  private readonly indexes = new Map<string, FieldIndex>();

  constructor(private readonly all: () => Iterable<Doc>) {}

  /** Keeps built indexes current: call with the old and new version of every committed write. */
  replace(old: Doc | undefined, next: Doc | null): void {
    for (const index of this.indexes.values()) {
      if (old) index.remove(old);
      if (next) index.add(next);
    }
  }

  private index(path: string): FieldIndex {
    let index = this.indexes.get(path);
    if (!index) {
      index = new FieldIndex(path);
      for (const doc of this.all()) index.add(doc);
      this.indexes.set(path, index);
    }
    return index;
  }

  /** Ids that may match the query's first usable top-level equality; undefined: every document may. */
  candidates(criteria: Record<string, unknown>): Set<string> | undefined {
    for (const [path, condition] of Object.entries(criteria)) {
      if (path.startsWith('$') || path === '_id') continue;
      const values = equalityOf(condition);
      if (!values) continue;
      const index = this.index(path);
      if (!index.unindexable) return index.lookup(values);
    }
    return undefined;
  }
}

export { equalityOf };
