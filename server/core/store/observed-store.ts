/**
 * One Store decorator for everything that watches what a use case asks of the database without changing it:
 * the outbox tracking after an action (functions/after-action.ts) and the request counting of tests and
 * benchmarks (adapters/counting-store.ts). Hooks see reads, queries and writes; a transaction's reads and
 * writes are reported only once it committed, and only those of the run that committed (the store may run
 * the work again after a conflict), followed by `commit`.
 */
import type { Store, Tx } from '../ports/store';
import type { CollectionName } from './collections';

export type WriteKind = 'insert' | 'set' | 'update' | 'remove';

export interface StoreHooks {
  /** A by-id read. */
  read?(collection: CollectionName): void;
  /** A query: find or count. */
  query?(collection: CollectionName): void;
  /** Documents a plain get or find returned (not a transaction's): what a read cost in documents. */
  returned?(collection: CollectionName, docs: number): void;
  /**
   * Documents written (one per id; insertMany reports all of its ids at once). `docs` are the documents an
   * insert or set wrote; `inTransaction` says the write was part of a committed transaction.
   */
  write?(
    collection: CollectionName,
    kind: WriteKind,
    ids: string[],
    docs: readonly object[],
    inTransaction: boolean,
  ): void;
  /** A transaction committed; its reads and writes were reported just before. */
  commit?(): void;
}

type Noted =
  | { kind: 'read'; collection: CollectionName }
  | { kind: WriteKind; collection: CollectionName; id: string; doc?: object };

/** The decorator: every Store method passes through to `inner`, telling `hooks` what it did. */
export class ObservedStore implements Store {
  constructor(
    readonly inner: Store,
    private readonly hooks: StoreHooks,
  ) {}

  private wrote(
    collection: CollectionName,
    kind: WriteKind,
    ids: string[],
    docs: readonly object[] = [],
    inTransaction = false,
  ): void {
    this.hooks.write?.(collection, kind, ids, docs, inTransaction);
  }

  get: Store['get'] = async (collection, id) => {
    this.hooks.read?.(collection);
    const doc = await this.inner.get(collection, id);
    this.hooks.returned?.(collection, doc ? 1 : 0);
    return doc;
  };

  find: Store['find'] = async (collection, query) => {
    this.hooks.query?.(collection);
    const docs = await this.inner.find(collection, query);
    this.hooks.returned?.(collection, docs.length);
    return docs;
  };

  count: Store['count'] = (collection, where) => {
    this.hooks.query?.(collection);
    return this.inner.count(collection, where);
  };

  insert: Store['insert'] = async (collection, doc) => {
    await this.inner.insert(collection, doc);
    this.wrote(collection, 'insert', [doc._id], [doc]);
  };

  insertMany: Store['insertMany'] = async (collection, docs) => {
    await this.inner.insertMany(collection, docs);
    this.wrote(
      collection,
      'insert',
      docs.map((doc) => doc._id),
      docs,
    );
  };

  update: Store['update'] = async (collection, id, patch, options) => {
    const updated = await this.inner.update(collection, id, patch, options);
    this.wrote(collection, 'update', [id]);
    return updated;
  };

  remove: Store['remove'] = async (collection, id) => {
    await this.inner.remove(collection, id);
    this.wrote(collection, 'remove', [id]);
  };

  increment: Store['increment'] = async (collection, id, increment) => {
    const existed = await this.inner.increment(collection, id, increment);
    if (existed) this.wrote(collection, 'update', [id]);
    return existed;
  };

  updateIf: Store['updateIf'] = async (collection, id, where, patch) => {
    const written = await this.inner.updateIf(collection, id, where, patch);
    if (written) this.wrote(collection, 'update', [id]);
    return written;
  };

  incrementMany: Store['incrementMany'] = async (collection, ids, increment, options) => {
    const written = await this.inner.incrementMany(collection, ids, increment, options);
    // Which of the ids matched is not answered: the hooks hear all of them, a superset of what changed.
    if (written > 0) this.wrote(collection, 'update', ids);
    return written;
  };

  async transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    let run: Noted[] = [];
    const result = await this.inner.transaction(async (tx) => {
      run = [];
      const noting: Tx = {
        get: (collection, id) => {
          run.push({ kind: 'read', collection });
          return tx.get(collection, id);
        },
        insert: async (collection, doc) => {
          await tx.insert(collection, doc);
          run.push({ kind: 'insert', collection, id: doc._id, doc });
        },
        insertMany: async (collection, docs) => {
          await tx.insertMany(collection, docs);
          for (const doc of docs) run.push({ kind: 'insert', collection, id: doc._id, doc });
        },
        increment: async (collection, id, increment) => {
          const existed = await tx.increment(collection, id, increment);
          if (existed) run.push({ kind: 'update', collection, id });
          return existed;
        },
        set: async (collection, doc) => {
          await tx.set(collection, doc);
          run.push({ kind: 'set', collection, id: doc._id, doc });
        },
        update: async (collection, id, patch) => {
          await tx.update(collection, id, patch);
          run.push({ kind: 'update', collection, id });
        },
        delete: async (collection, id) => {
          await tx.delete(collection, id);
          run.push({ kind: 'remove', collection, id });
        },
      };
      return work(noting);
    });
    for (const noted of run)
      if (noted.kind === 'read') this.hooks.read?.(noted.collection);
      else this.wrote(noted.collection, noted.kind, [noted.id], noted.doc ? [noted.doc] : [], true);
    this.hooks.commit?.();
    return result;
  }
}
