/**
 * The document store, shaped by what CloudBase's database can do (DESIGN §7): queries run outside
 * transactions; a transaction reads and writes single documents by id only. The SQLite adapter holds the same
 * contract, so a use case that works locally cannot rely on something CloudBase lacks.
 */
import type { CollectionDocs, CollectionName } from '../store/collections';

export type Scalar = string | number | boolean | null;

/** One field condition. Field names may be dot paths into nested objects ('address.buildingId'). */
export type Condition =
  | { eq: Scalar }
  | { ne: Scalar }
  | { in: Scalar[] }
  | { lt: Scalar }
  | { lte: Scalar }
  | { gt: Scalar }
  | { gte: Scalar }
  | { exists: boolean }
  | { has: Scalar };

/** All conditions must hold. A bare value means equality. `has` matches an array field that contains the value. */
export type Where = Record<string, Scalar | Condition>;

export interface Query {
  where?: Where;
  orderBy?: Array<[field: string, direction: 'asc' | 'desc']>;
  limit?: number;
  skip?: number;
}

/** Replaces the named top-level fields; fields not named are kept. */
export type Patch<T> = Partial<Omit<T, '_id'>>;

/**
 * An atomic increment (CloudBase's `_.inc`): numbers added to fields by dot path ('grids.g1.total.received',
 * 'signBuckets.3'), and values set at dot paths beside them, in one write without a read. A missing field
 * counts from 0; a path through missing objects creates them (an array index of a missing array makes an
 * object keyed by the index: readers that sum such paths must accept both).
 */
export interface Increment {
  add: Record<string, number>;
  set?: Record<string, Scalar>;
}

export interface Tx {
  get<C extends CollectionName>(collection: C, id: string): Promise<CollectionDocs[C] | null>;
  /** Creates the document; STORE.DUPLICATE if its id exists. */
  insert<C extends CollectionName>(collection: C, doc: CollectionDocs[C]): Promise<void>;
  /** Creates documents of one collection (one request on CloudBase); STORE.DUPLICATE if an id exists. */
  insertMany<C extends CollectionName>(collection: C, docs: CollectionDocs[C][]): Promise<void>;
  /**
   * Adds and sets at dot paths without reading the document first; false (nothing written) when it does
   * not exist. Two transactions incrementing one document still conflict, as any two writes of it do.
   */
  increment(collection: CollectionName, id: string, increment: Increment): Promise<boolean>;
  /** Creates or replaces the whole document. */
  set<C extends CollectionName>(collection: C, doc: CollectionDocs[C]): Promise<void>;
  /** STORE.NOT_FOUND if the document does not exist. */
  update<C extends CollectionName>(collection: C, id: string, patch: Patch<CollectionDocs[C]>): Promise<void>;
  delete(collection: CollectionName, id: string): Promise<void>;
}

export interface Store {
  get<C extends CollectionName>(collection: C, id: string): Promise<CollectionDocs[C] | null>;
  find<C extends CollectionName>(collection: C, query?: Query): Promise<CollectionDocs[C][]>;
  count(collection: CollectionName, where?: Where): Promise<number>;
  /** STORE.DUPLICATE if the id or a unique index is taken. */
  insert<C extends CollectionName>(collection: C, doc: CollectionDocs[C]): Promise<void>;
  /** Inserts in batches the backend accepts; all or nothing is not promised (use a transaction for that). */
  insertMany<C extends CollectionName>(collection: C, docs: CollectionDocs[C][]): Promise<void>;
  /**
   * Updates one document; with `ifVersion`, only while its `version` field still equals it.
   * Returns whether a document was updated: false means missing, or a stale version.
   */
  update<C extends CollectionName>(
    collection: C,
    id: string,
    patch: Patch<CollectionDocs[C]>,
    options?: { ifVersion?: number },
  ): Promise<boolean>;
  /**
   * Updates one document only while it still matches `where` (a guard such as "not reached yet"), in one
   * atomic write with no read first, and answers the document as written; null when it is missing or the
   * guard no longer holds. Of callers racing for one document, only one gets it.
   */
  updateIf<C extends CollectionName>(
    collection: C,
    id: string,
    where: Where,
    patch: Patch<CollectionDocs[C]>,
  ): Promise<CollectionDocs[C] | null>;
  remove(collection: CollectionName, id: string): Promise<void>;
  /**
   * Adds and sets at dot paths in one atomic write, no read (no lost update between concurrent callers);
   * false when the document does not exist.
   */
  increment(collection: CollectionName, id: string, increment: Increment): Promise<boolean>;
  /**
   * The same increment on each of `ids` that still matches `where` (a guard such as a claim's token), in
   * one request per few hundred ids, no read; answers how many were written. Each document is written
   * atomically; all or nothing across them is not promised.
   */
  incrementMany(
    collection: CollectionName,
    ids: string[],
    increment: Increment,
    options?: { where?: Where },
  ): Promise<number>;
  /**
   * Runs `work` as one transaction: all its writes land together or none do. It may run `work` again when
   * another writer changed a document it read; after a few tries it fails with STORE.CONFLICT.
   */
  transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R>;
}
