/**
 * The Store on an embedded SQLite database (better-sqlite3): the local cloud and the tests.
 * Transactions are optimistic, like CloudBase's: reads are remembered, writes are buffered, and the commit
 * checks in one synchronous SQLite transaction that nothing read has changed since, then applies every write.
 * So concurrent async use cases in one process cannot interleave half-done writes.
 */
import Database from 'better-sqlite3';
import { AppError } from '../../core/errors';
import type { Increment, Patch, Query, Store, Tx, Where } from '../../core/ports/store';
import { applyIncrement } from '../../core/store/apply-increment';
import type { CollectionDocs, CollectionName } from '../../core/store/collections';
import { collectionNames, collections } from '../../core/store/collections';
import { assertDefinedWhere } from '../defined-where';
import { fieldExpr, querySql, whereSql } from './where-sql';

const MAX_ATTEMPTS = 5;
type Raw = { _id: string } & Record<string, unknown>;

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export class SqliteStore implements Store {
  /** For inspection (query plans, pragmas): writes go through the methods, which transactions rely on. */
  readonly db: Database.Database;
  /** Prepared once per collection: preparing costs more than running on the hot paths. */
  private readonly statements = new Map<
    CollectionName,
    {
      read: Database.Statement;
      insert: Database.Statement;
      upsert: Database.Statement;
      remove: Database.Statement;
    }
  >();

  /**
   * Bumped by every write through this store. A transaction that finds it unchanged at its commit, and SQLite's
   * `data_version` unchanged too (no other connection committed), had nothing change under it: its reads need
   * no second look. Otherwise they are compared one by one, as optimistic concurrency asks.
   */
  private writeSeq = 0;
  private readonly dataVersionStmt: Database.Statement;

  /**
   * `path` is a file, or ':memory:' for tests; or a serialized database (`db.serialize()`), opened in memory —
   * tests build the seeded demo world once and start each test from its image.
   */
  constructor(path: string | Buffer) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = OFF');
    for (const name of collectionNames) {
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS "${name}" (_id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`,
      );
      for (const index of collections[name].indexes) {
        const indexName = `ix_${name}_${index.fields.join('_').replace(/\./g, '_')}`;
        const exprs = index.fields.map(fieldExpr).join(', ');
        this.db.exec(
          `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${indexName}" ON "${name}" (${exprs})`,
        );
      }
      this.statements.set(name, {
        // pluck: the column's value itself, no row object per read.
        read: this.db.prepare(`SELECT doc FROM "${name}" WHERE _id = ?`).pluck(),
        insert: this.db.prepare(`INSERT INTO "${name}" (_id, doc) VALUES (?, ?)`),
        upsert: this.db.prepare(
          `INSERT INTO "${name}" (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc`,
        ),
        remove: this.db.prepare(`DELETE FROM "${name}" WHERE _id = ?`),
      });
    }
    this.dataVersionStmt = this.db.prepare('PRAGMA data_version').pluck();
  }

  /** What this connection last saw of other connections' commits (SQLite's PRAGMA data_version). */
  private dataVersion(): number {
    return this.dataVersionStmt.get() as number;
  }

  close(): void {
    this.db.close();
  }

  /** Deletes every document of every collection (the local cloud's --reset). */
  clear(): void {
    this.writeSeq += 1;
    this.db.transaction(() => {
      for (const name of collectionNames) this.db.exec(`DELETE FROM "${name}"`);
    })();
  }

  /** Query shapes repeat (values are parameters), so their statements are kept; the cache is bounded. */
  private readonly queryStatements = new Map<string, Database.Statement>();

  private prepared(sql: string): Database.Statement {
    let stmt = this.queryStatements.get(sql);
    if (!stmt) {
      if (this.queryStatements.size >= 500) this.queryStatements.clear();
      stmt = this.db.prepare(sql).pluck();
      this.queryStatements.set(sql, stmt);
    }
    return stmt;
  }

  private statement(collection: CollectionName) {
    return this.statements.get(collection)!;
  }

  private raw(collection: CollectionName, id: string): string | null {
    return (this.statement(collection).read.get(id) as string | undefined) ?? null;
  }

  async get<C extends CollectionName>(collection: C, id: string): Promise<CollectionDocs[C] | null> {
    const raw = this.raw(collection, id);
    return raw === null ? null : (JSON.parse(raw) as CollectionDocs[C]);
  }

  async find<C extends CollectionName>(collection: C, query: Query = {}): Promise<CollectionDocs[C][]> {
    assertDefinedWhere(collection, query.where);
    const params: unknown[] = [];
    const docs = this.prepared(querySql(collection, query, params)).all(...params) as string[];
    return docs.map((doc) => JSON.parse(doc) as CollectionDocs[C]);
  }

  async count(collection: CollectionName, where?: Where): Promise<number> {
    assertDefinedWhere(collection, where);
    const params: unknown[] = [];
    return this.prepared(`SELECT COUNT(*) AS n FROM "${collection}"${whereSql(where, params)}`).get(
      ...params,
    ) as number;
  }

  async insert<C extends CollectionName>(collection: C, doc: CollectionDocs[C]): Promise<void> {
    this.writeSeq += 1;
    try {
      this.statement(collection).insert.run(doc._id, JSON.stringify(doc));
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('STORE.DUPLICATE', { details: { collection, id: doc._id } });
      throw error;
    }
  }

  async insertMany<C extends CollectionName>(collection: C, docs: CollectionDocs[C][]): Promise<void> {
    const stmt = this.statement(collection).insert;
    this.writeSeq += 1;
    try {
      this.db.transaction(() => {
        for (const doc of docs) stmt.run(doc._id, JSON.stringify(doc));
      })();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('STORE.DUPLICATE', { details: { collection } });
      throw error;
    }
  }

  async update<C extends CollectionName>(
    collection: C,
    id: string,
    patch: Patch<CollectionDocs[C]>,
    options: { ifVersion?: number } = {},
  ): Promise<boolean> {
    // Read-merge-write inside one synchronous SQLite transaction: atomic against every other writer here.
    return this.db.transaction(() => {
      const raw = this.raw(collection, id);
      if (raw === null) return false;
      const current = JSON.parse(raw) as Raw;
      if (options.ifVersion !== undefined && current.version !== options.ifVersion) return false;
      const next = { ...current, ...patch, _id: id };
      this.writeRaw(collection, id, JSON.stringify(next));
      return true;
    })();
  }

  async updateIf<C extends CollectionName>(
    collection: C,
    id: string,
    where: Where,
    patch: Patch<CollectionDocs[C]>,
  ): Promise<CollectionDocs[C] | null> {
    assertDefinedWhere(collection, where);
    const params: unknown[] = [];
    const select = this.prepared(`SELECT _id FROM "${collection}"${whereSql({ ...where, _id: id }, params)}`);
    // Match and write inside one synchronous SQLite transaction: atomic against every other writer here.
    return this.db.transaction(() => {
      if ((select.all(...params) as string[]).length === 0) return null;
      const next = { ...(JSON.parse(this.raw(collection, id)!) as Raw), ...patch, _id: id };
      this.writeRaw(collection, id, JSON.stringify(next));
      return next as unknown as CollectionDocs[C];
    })();
  }

  async remove(collection: CollectionName, id: string): Promise<void> {
    this.writeSeq += 1;
    this.statement(collection).remove.run(id);
  }

  async increment(collection: CollectionName, id: string, increment: Increment): Promise<boolean> {
    // Read-add-write inside one synchronous SQLite transaction: atomic against every other writer here.
    return this.db.transaction(() => {
      const raw = this.raw(collection, id);
      if (raw === null) return false;
      this.writeRaw(collection, id, JSON.stringify(applyIncrement(JSON.parse(raw) as Raw, increment)));
      return true;
    })();
  }

  async incrementMany(
    collection: CollectionName,
    ids: string[],
    increment: Increment,
    options: { where?: Where } = {},
  ): Promise<number> {
    if (ids.length === 0) return 0;
    assertDefinedWhere(collection, options.where);
    const where: Where = { ...options.where, _id: { in: [...new Set(ids)] } };
    const params: unknown[] = [];
    const select = this.prepared(`SELECT _id FROM "${collection}"${whereSql(where, params)}`);
    // Match and write inside one synchronous SQLite transaction: atomic against every other writer here.
    return this.db.transaction(() => {
      const matched = select.all(...params) as string[];
      for (const id of matched) {
        const raw = this.raw(collection, id)!;
        this.writeRaw(collection, id, JSON.stringify(applyIncrement(JSON.parse(raw) as Raw, increment)));
      }
      return matched.length;
    })();
  }

  private writeRaw(collection: CollectionName, id: string, raw: string | null): void {
    this.writeSeq += 1;
    try {
      if (raw === null) this.statement(collection).remove.run(id);
      else this.statement(collection).upsert.run(id, raw);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('STORE.DUPLICATE', { details: { collection, id } });
      throw error;
    }
  }

  async transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const seqAtStart = this.writeSeq;
      const versionAtStart = this.dataVersion();
      const reads = new Map<string, { collection: CollectionName; id: string; raw: string | null }>();
      const writes = new Map<string, { collection: CollectionName; id: string; raw: string | null }>();
      const key = (collection: string, id: string) => `${collection}\u0000${id}`;

      const readRaw = (collection: CollectionName, id: string): string | null => {
        const k = key(collection, id);
        const written = writes.get(k);
        if (written) return written.raw;
        const seen = reads.get(k);
        if (seen) return seen.raw;
        const raw = this.raw(collection, id);
        reads.set(k, { collection, id, raw });
        return raw;
      };
      const write = (collection: CollectionName, id: string, raw: string | null) => {
        writes.set(key(collection, id), { collection, id, raw });
      };

      const tx: Tx = {
        get: async (collection, id) => {
          const raw = readRaw(collection, id);
          return raw === null ? null : JSON.parse(raw);
        },
        insert: async (collection, doc) => {
          if (readRaw(collection, doc._id) !== null)
            throw new AppError('STORE.DUPLICATE', { details: { collection, id: doc._id } });
          write(collection, doc._id, JSON.stringify(doc));
        },
        insertMany: async (collection, docs) => {
          for (const doc of docs)
            if (readRaw(collection, doc._id) !== null)
              throw new AppError('STORE.DUPLICATE', { details: { collection, id: doc._id } });
          for (const doc of docs) write(collection, doc._id, JSON.stringify(doc));
        },
        // Local and in-process: a read checked at commit, like any other, keeps concurrent increments whole.
        increment: async (collection, id, increment) => {
          const raw = readRaw(collection, id);
          if (raw === null) return false;
          write(collection, id, JSON.stringify(applyIncrement(JSON.parse(raw) as Raw, increment)));
          return true;
        },
        set: async (collection, doc) => {
          write(collection, doc._id, JSON.stringify(doc));
        },
        update: async (collection, id, patch) => {
          const raw = readRaw(collection, id);
          if (raw === null) throw new AppError('STORE.NOT_FOUND', { details: { collection, id } });
          write(collection, id, JSON.stringify({ ...(JSON.parse(raw) as Raw), ...patch, _id: id }));
        },
        delete: async (collection, id) => {
          write(collection, id, null);
        },
      };

      const result = await work(tx);
      const committed = this.db.transaction(() => {
        const untouched = this.writeSeq === seqAtStart && this.dataVersion() === versionAtStart;
        if (!untouched)
          for (const read of reads.values()) {
            if (this.raw(read.collection, read.id) !== read.raw) return false;
          }
        for (const w of writes.values()) this.writeRaw(w.collection, w.id, w.raw);
        return true;
      })();
      if (committed) return result;
    }
    throw new AppError('STORE.CONFLICT');
  }
}
