/**
 * The Store on CloudBase's document database (@cloudbase/node-sdk), for production. Thin by design: the
 * port was shaped by what this database can do. Not exercised here (no CloudBase environment on our
 * machines): the contract suite runs it where CLOUDBASE_ENV_ID and credentials are set.
 */
import type { Database } from '@cloudbase/node-sdk/types/db';
import { AppError } from '../../core/errors';
import type { Condition, Patch, Query, Scalar, Store, Tx, Where } from '../../core/ports/store';
import type { CollectionDocs, CollectionName } from '../../core/store/collections';

/** node-sdk's own typed view of the database; app.database() is declared loosely as @cloudbase/database's Db. */
export type Db = Database.Db;
type Command = Db['command'];
/** CloudBase's query and update objects are untyped in its declarations. */
type Untyped = Record<string, unknown>;

const BATCH = 100;
const TX_ATTEMPTS = 5;

function toCommand(_: Command, value: Scalar | Condition): unknown {
  if (value === null || typeof value !== 'object') return value;
  if ('eq' in value) return _.eq(value.eq);
  if ('ne' in value) return _.neq(value.ne);
  if ('in' in value) return _.in(value.in);
  if ('lt' in value) return _.lt(value.lt);
  if ('lte' in value) return _.lte(value.lte);
  if ('gt' in value) return _.gt(value.gt);
  if ('gte' in value) return _.gte(value.gte);
  if ('exists' in value) return _.exists(value.exists);
  // Equality on an array field matches arrays that contain the value.
  return value.has;
}

function toWhere(_: Command, where: Where | undefined): Untyped {
  const out: Untyped = {};
  for (const [field, value] of Object.entries(where ?? {})) out[field] = toCommand(_, value);
  return out;
}

/** Top-level fields replace, as the port promises: nested objects are wrapped in _.set, not merged. */
function toUpdate(_: Command, patch: Untyped): Untyped {
  const out: Untyped = {};
  for (const [field, value] of Object.entries(patch)) {
    if (field === '_id') continue;
    out[field] = value !== null && typeof value === 'object' ? _.set(value) : value;
  }
  return out;
}

function withoutId<T extends { _id: string }>(doc: T): Untyped {
  const { _id: _omit, ...rest } = doc;
  return rest;
}

function isDuplicate(error: unknown): boolean {
  return /duplicate|E11000|DATABASE_DUPLICATE_WRITE/i.test(
    String((error as { message?: string })?.message ?? error),
  );
}

export class CloudbaseStore implements Store {
  constructor(private readonly db: Db) {}

  async get<C extends CollectionName>(collection: C, id: string): Promise<CollectionDocs[C] | null> {
    const res = await this.db.collection(collection).doc(id).get();
    return (res.data?.[0] as CollectionDocs[C] | undefined) ?? null;
  }

  async find<C extends CollectionName>(collection: C, query: Query = {}): Promise<CollectionDocs[C][]> {
    let q = this.db.collection(collection).where(toWhere(this.db.command, query.where));
    for (const [field, dir] of query.orderBy ?? []) q = q.orderBy(field, dir);
    if (query.skip) q = q.skip(query.skip);
    // CloudBase answers 100 documents by default and 1,000 at most: page through for larger limits.
    const wanted = query.limit ?? Number.POSITIVE_INFINITY;
    const out: CollectionDocs[C][] = [];
    while (out.length < wanted) {
      const page = Math.min(1000, wanted - out.length);
      const res = await q
        .skip((query.skip ?? 0) + out.length)
        .limit(page)
        .get();
      const docs = (res.data ?? []) as CollectionDocs[C][];
      out.push(...docs);
      if (docs.length < page) break;
    }
    return out;
  }

  async count(collection: CollectionName, where?: Where): Promise<number> {
    const res = await this.db.collection(collection).where(toWhere(this.db.command, where)).count();
    return res.total ?? 0;
  }

  async insert<C extends CollectionName>(collection: C, doc: CollectionDocs[C]): Promise<void> {
    try {
      await this.db.collection(collection).add({ ...withoutId(doc), _id: doc._id });
    } catch (error) {
      if (isDuplicate(error)) throw new AppError('STORE.DUPLICATE', { details: { collection, id: doc._id } });
      throw error;
    }
  }

  async insertMany<C extends CollectionName>(collection: C, docs: CollectionDocs[C][]): Promise<void> {
    for (let i = 0; i < docs.length; i += BATCH) {
      await Promise.all(docs.slice(i, i + BATCH).map((doc) => this.insert(collection, doc)));
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
    const res = await this.db
      .collection(collection)
      .where(where)
      .update(toUpdate(this.db.command, patch as Untyped));
    return Number((res as { updated?: number }).updated ?? 0) > 0;
  }

  async remove(collection: CollectionName, id: string): Promise<void> {
    await this.db.collection(collection).doc(id).remove();
  }

  async transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    let result: R | undefined;
    const _ = this.db.command;
    try {
      await this.db.runTransaction(async (transaction) => {
        const ref = (collection: string, id: string) => transaction.collection(collection).doc(id);
        const read = async (collection: string, id: string) => {
          const res = await ref(collection, id).get();
          const data = (res as { data?: unknown }).data;
          return (Array.isArray(data) ? data[0] : data) ?? null;
        };
        const tx: Tx = {
          get: async (collection, id) => read(collection, id),
          insert: async (collection, doc) => {
            if (await read(collection, doc._id))
              throw new AppError('STORE.DUPLICATE', { details: { collection, id: doc._id } });
            await ref(collection, doc._id).set(withoutId(doc));
          },
          set: async (collection, doc) => {
            await ref(collection, doc._id).set(withoutId(doc));
          },
          update: async (collection, id, patch) => {
            if (!(await read(collection, id)))
              throw new AppError('STORE.NOT_FOUND', { details: { collection, id } });
            await ref(collection, id).update(toUpdate(_, patch as Untyped));
          },
          delete: async (collection, id) => {
            await ref(collection, id).delete();
          },
        };
        result = await work(tx);
      }, TX_ATTEMPTS);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (/conflict|transaction/i.test(String((error as { message?: string })?.message)))
        throw new AppError('STORE.CONFLICT');
      throw error;
    }
    return result as R;
  }
}
