/**
 * The committed state: every collection, created on first use with its indexes. Each committed change is
 * announced first (`beforeChange`), so that open transactions keep the version they started with.
 */
import type { IndexSpec } from '../core/store/collections';
import { Documents } from './documents';
import type { Doc } from './ejson';

export type ChangeListener = (collection: string, id: string, old: Doc | null) => void;

export type DatabaseSnapshot = ReadonlyMap<string, readonly Doc[]>;

export class Database {
  private readonly collections = new Map<string, Documents>();
  beforeChange: ChangeListener = () => undefined;

  constructor(readonly indexes: (collection: string) => IndexSpec[]) {}

  collection(name: string): Documents {
    let docs = this.collections.get(name);
    if (!docs) {
      docs = new Documents(name, this.indexes(name));
      this.collections.set(name, docs);
    }
    return docs;
  }

  /** Commits one document (null removes it); uniqueness was checked by the caller for the whole step. */
  write(collection: string, id: string, doc: Doc | null): void {
    const docs = this.collection(collection);
    this.beforeChange(collection, id, docs.get(id) ?? null);
    docs.put(id, doc);
  }

  /** Empties every collection (between tests). */
  clear(): void {
    this.collections.clear();
  }

  /** Copies of every committed document, by collection in natural order: a world to start tests from. */
  snapshot(): DatabaseSnapshot {
    return new Map(
      [...this.collections].map(([name, docs]) => [name, docs.all().map((doc) => structuredClone(doc))]),
    );
  }

  /** Empties every collection and writes the snapshot's documents back (copies: it can be restored again). */
  restore(snapshot: DatabaseSnapshot): void {
    this.clear();
    for (const [name, docs] of snapshot) {
      const collection = this.collection(name);
      for (const doc of docs) collection.put(doc._id, structuredClone(doc));
    }
  }
}
