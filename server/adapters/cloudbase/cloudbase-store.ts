/**
 * The Store on CloudBase's document database (@cloudbase/node-sdk), for production. Thin by design: the
 * port was shaped by what this database can do. `npm test` runs the contract suite against it on the
 * CloudBase stand-in (server/cloudbase-standin); against real CloudBase where CLOUDBASE_ENV_ID is set.
 */
import type { Database } from '@cloudbase/node-sdk/types/db';
import { AppError } from '../../core/errors';
import type { Increment, Patch, Query, Store, Tx, Where } from '../../core/ports/store';
import type { CollectionDocs, CollectionName } from '../../core/store/collections';
import { assertDefinedWhere } from '../defined-where';
import { toIncrement, toOrder, toUpdate, toWhere, withoutId, type Untyped } from './cloudbase-query';
import { plainData } from './plain-documents';
import { isDuplicateWrite, isTransactionConflict } from './tcb-errors';

/** node-sdk's own typed view of the database; app.database() is declared loosely as @cloudbase/database's Db. */
export type Db = Database.Db;
type Transaction = Database.Transaction;

/** CloudBase answers 1,000 documents per get at most. */
const PAGE = 1000;

export interface CloudbaseStoreOptions {
  /** Documents per insertDocument request in insertMany (one `add(array)` each). Default 1,000. */
  batchSize?: number;
  /** Tries of a transaction that keeps conflicting, before STORE.CONFLICT. Default 10. */
  txAttempts?: number;
  /** Backoff after the n-th conflict: random in [0, min(cap, base·2ⁿ⁻¹)) ms ("full jitter"); 20 ms, 2 s. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** What the transactions cost, for benches: tries made, conflicts met, transactions given up. */
export interface TransactionStats {
  transactions: number;
  attempts: number;
  conflicts: number;
  gaveUp: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function duplicateError(collection: string, id: string | undefined): AppError {
  return new AppError('STORE.DUPLICATE', { details: { collection, id } });
}

export class CloudbaseStore implements Store {
  readonly stats: TransactionStats = { transactions: 0, attempts: 0, conflicts: 0, gaveUp: 0 };
  private readonly options: Required<CloudbaseStoreOptions>;

  constructor(
    private readonly db: Db,
    options: CloudbaseStoreOptions = {},
  ) {
    this.options = {
      batchSize: options.batchSize ?? 1000,
      txAttempts: options.txAttempts ?? 10,
      backoffBaseMs: options.backoffBaseMs ?? 20,
      backoffCapMs: options.backoffCapMs ?? 2000,
      random: options.random ?? Math.random,
      sleep: options.sleep ?? realSleep,
    };
  }

  async get<C extends CollectionName>(collection: C, id: string): Promise<CollectionDocs[C] | null> {
    const res = await this.db.collection(collection).doc(id).get();
    return (plainData(res.data?.[0]) as CollectionDocs[C] | undefined) ?? null;
  }

  async find<C extends CollectionName>(collection: C, query: Query = {}): Promise<CollectionDocs[C][]> {
    assertDefinedWhere(collection, query.where);
    let q = this.db.collection(collection).where(toWhere(this.db.command, query.where));
    for (const [field, dir] of toOrder(query)) q = q.orderBy(field, dir);
    // CloudBase answers 100 documents by default and 1,000 at most: page through for larger limits.
    const wanted = query.limit ?? Number.POSITIVE_INFINITY;
    const out: CollectionDocs[C][] = [];
    while (out.length < wanted) {
      const page = Math.min(PAGE, wanted - out.length);
      const res = await q
        .skip((query.skip ?? 0) + out.length)
        .limit(page)
        .get();
      const docs = plainData(res.data ?? []) as CollectionDocs[C][];
      out.push(...docs);
      if (docs.length < page) break;
    }
    return out;
  }

  async count(collection: CollectionName, where?: Where): Promise<number> {
    assertDefinedWhere(collection, where);
    const res = await this.db.collection(collection).where(toWhere(this.db.command, where)).count();
    return res.total ?? 0;
  }

  async insert<C extends CollectionName>(collection: C, doc: CollectionDocs[C]): Promise<void> {
    try {
      await this.db.collection(collection).add({ ...withoutId(doc), _id: doc._id });
    } catch (error) {
      if (isDuplicateWrite(error)) throw duplicateError(collection, doc._id);
      throw error;
    }
  }

  /** One insertDocument request per batch: node-sdk's add() takes an array. */
  async insertMany<C extends CollectionName>(collection: C, docs: CollectionDocs[C][]): Promise<void> {
    for (let i = 0; i < docs.length; i += this.options.batchSize) {
      const batch = docs
        .slice(i, i + this.options.batchSize)
        .map((doc) => ({ ...withoutId(doc), _id: doc._id }));
      try {
        await this.db.collection(collection).add(batch);
      } catch (error) {
        if (isDuplicateWrite(error)) throw duplicateError(collection, undefined);
        throw error;
      }
    }
  }

  async update<C extends CollectionName>(
    collection: C,
    id: string,
    patch: Patch<CollectionDocs[C]>,
    options: { ifVersion?: number } = {},
  ): Promise<boolean> {
    const where: Untyped = { _id: id };
    if (options.ifVersion !== undefined) where.version = options.ifVersion;
    try {
      const res = await this.db
        .collection(collection)
        .where(where)
        .update(toUpdate(this.db.command, patch as Untyped));
      return Number((res as { updated?: number }).updated ?? 0) > 0;
    } catch (error) {
      if (isDuplicateWrite(error)) throw duplicateError(collection, id);
      throw error;
    }
  }

  /** One modifyAndReturnDoc (node-sdk's updateAndReturn): the guard and the write atomic on the server. */
  async updateIf<C extends CollectionName>(
    collection: C,
    id: string,
    where: Where,
    patch: Patch<CollectionDocs[C]>,
  ): Promise<CollectionDocs[C] | null> {
    assertDefinedWhere(collection, where);
    const _ = this.db.command;
    try {
      const res = (await this.db
        .collection(collection)
        .where({ ...toWhere(_, where), _id: id })
        .updateAndReturn(toUpdate(_, patch as Untyped))) as { updated?: number; doc?: unknown };
      if (!(Number(res.updated ?? 0) > 0) || !res.doc) return null;
      return plainData(res.doc) as CollectionDocs[C];
    } catch (error) {
      if (isDuplicateWrite(error)) throw duplicateError(collection, id);
      throw error;
    }
  }

  async remove(collection: CollectionName, id: string): Promise<void> {
    await this.db.collection(collection).doc(id).remove();
  }

  /** One modifyDocument with `_.inc`: atomic on the server, no read. */
  async increment(collection: CollectionName, id: string, increment: Increment): Promise<boolean> {
    const res = await this.db
      .collection(collection)
      .where({ _id: id })
      .update(toIncrement(this.db.command, increment));
    return Number((res as { updated?: number }).updated ?? 0) > 0;
  }

  /** One modifyDocument (multi) with `_.inc` per chunk of ids: no read, each document atomic. */
  async incrementMany(
    collection: CollectionName,
    ids: string[],
    increment: Increment,
    options: { where?: Where } = {},
  ): Promise<number> {
    assertDefinedWhere(collection, options.where);
    const _ = this.db.command;
    const unique = [...new Set(ids)];
    let written = 0;
    for (let i = 0; i < unique.length; i += this.options.batchSize) {
      const chunk = unique.slice(i, i + this.options.batchSize);
      const res = await this.db
        .collection(collection)
        .where({ ...toWhere(_, options.where), _id: _.in(chunk) })
        .update(toIncrement(_, increment));
      written += Number((res as { updated?: number }).updated ?? 0);
    }
    return written;
  }

  /**
   * Our own loop around startTransaction/commit rather than node-sdk's runTransaction, which retries a
   * conflict at once, with no pause, so that writers to one document collide again and again: here each
   * conflict waits a random, growing time before the next try, and the last one fails with STORE.CONFLICT.
   */
  async transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    this.stats.transactions += 1;
    for (let attempt = 1; ; attempt += 1) {
      this.stats.attempts += 1;
      const transaction = await this.db.startTransaction();
      try {
        const result = await work(this.txView(transaction));
        await transaction.commit();
        return result;
      } catch (error) {
        // Releases its locks; after a conflict CloudBase has already ended it, and that answer is ignored.
        await transaction.rollback(undefined).catch(() => undefined);
        // A unique index can refuse the commit itself.
        if (isDuplicateWrite(error)) throw duplicateError('transaction', undefined);
        if (!isTransactionConflict(error)) throw error;
        this.stats.conflicts += 1;
        if (attempt >= this.options.txAttempts) {
          this.stats.gaveUp += 1;
          throw new AppError('STORE.CONFLICT');
        }
        const ceiling = Math.min(this.options.backoffCapMs, this.options.backoffBaseMs * 2 ** (attempt - 1));
        await this.options.sleep(this.options.random() * ceiling);
      }
    }
  }

  private txView(transaction: Transaction): Tx {
    const _ = this.db.command;
    const ref = (collection: string, id: string) => transaction.collection(collection).doc(id);
    // Documents this transaction has seen exist (read or written): updating them needs no existence read.
    const known = new Set<string>();
    const key = (collection: string, id: string) => `${collection}\n${id}`;
    const read = async (collection: string, id: string) => {
      const res = await ref(collection, id).get();
      const data = (res as { data?: unknown }).data;
      const doc = plainData((Array.isArray(data) ? data[0] : data) ?? null);
      if (doc) known.add(key(collection, id));
      else known.delete(key(collection, id));
      return doc;
    };
    return {
      // The document is of the collection asked for: the database holds no schema to check it against.
      get: async (collection, id) => (await read(collection, id)) as never,
      // A create (insertDocument inside the transaction) fails on an existing id by itself: no read first.
      insert: async (collection, doc) => {
        try {
          await transaction.collection(collection).add({ ...withoutId(doc), _id: doc._id });
        } catch (error) {
          if (isDuplicateWrite(error)) throw duplicateError(collection, doc._id);
          throw error;
        }
        known.add(key(collection, doc._id));
      },
      // CloudBase's add() takes an array: one insertDocument request inside the transaction too.
      insertMany: async (collection, docs) => {
        if (docs.length === 0) return;
        try {
          await transaction
            .collection(collection)
            .add(docs.map((doc) => ({ ...withoutId(doc), _id: doc._id })));
        } catch (error) {
          if (isDuplicateWrite(error)) throw duplicateError(collection, undefined);
          throw error;
        }
        for (const doc of docs) known.add(key(collection, doc._id));
      },
      // `_.inc` inside the transaction: the write takes the document's lock, no read. An update of a missing
      // document answers `updated: 0`; an increment always modifies what exists, so 0 means missing.
      increment: async (collection, id, increment) => {
        const res = await ref(collection, id).update(toIncrement(_, increment));
        const updated = Number((res as { updated?: number }).updated ?? 0) > 0;
        if (updated) known.add(key(collection, id));
        return updated;
      },
      set: async (collection, doc) => {
        await ref(collection, doc._id).set(withoutId(doc));
        known.add(key(collection, doc._id));
      },
      // An update of a missing document answers `updated: 0`, but so may one that changes nothing (MongoDB
      // counts modified documents), so "missing" is told apart by a read — only for a document not seen yet.
      update: async (collection, id, patch) => {
        if (!known.has(key(collection, id)) && !(await read(collection, id)))
          throw new AppError('STORE.NOT_FOUND', { details: { collection, id } });
        await ref(collection, id).update(toUpdate(_, patch as Untyped));
      },
      delete: async (collection, id) => {
        await ref(collection, id).delete();
        known.delete(key(collection, id));
      },
    };
  }
}
