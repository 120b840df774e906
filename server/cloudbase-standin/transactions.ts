/**
 * Transactions as CloudBase runs them (MongoDB underneath): reads see the snapshot of the moment the
 * transaction started, plus its own writes; every write takes a lock on its document. A write to a document
 * that another open transaction has locked, or that someone changed after this one started, fails with
 * DATABASE_TRANSACTION_CONFLICT and aborts the transaction at once (no waiting, as MongoDB's write conflict).
 * Writes land on commit, all together. A transaction older than `lifetimeMs` is dropped, releasing its locks.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from './database';
import type { Doc } from './ejson';
import { conflict, StandinError } from './errors';
import type { Faults } from './faults';

interface Write {
  collection: string;
  id: string;
  doc: Doc | null;
}

interface Tx {
  id: string;
  startedAt: number;
  /** This transaction's writes, by document key, in order. */
  writes: Map<string, Write>;
  /** For documents others changed since this one started: their version at its start (null: absent). */
  snapshot: Map<string, Doc | null>;
}

const keyOf = (collection: string, id: string) => `${collection}\n${id}`;

export class Transactions {
  private readonly open = new Map<string, Tx>();
  private readonly locks = new Map<string, Tx>();

  constructor(
    private readonly db: Database,
    private readonly faults: Faults,
    private readonly lifetimeMs: number,
  ) {
    db.beforeChange = (collection, id, old) => {
      const key = keyOf(collection, id);
      for (const tx of this.open.values()) if (!tx.snapshot.has(key)) tx.snapshot.set(key, old);
    };
  }

  start(): string {
    const id = randomBytes(12).toString('hex');
    this.open.set(id, { id, startedAt: Date.now(), writes: new Map(), snapshot: new Map() });
    return id;
  }

  private expired(tx: Tx): boolean {
    return Date.now() - tx.startedAt > this.lifetimeMs;
  }

  /** The open transaction, or DATABASE_TRANSACTION_FAIL as CloudBase answers for an unknown or ended one. */
  private tx(id: string): Tx {
    const tx = this.open.get(id);
    if (tx && this.expired(tx)) this.end(tx);
    if (!tx || !this.open.has(id))
      throw new StandinError(
        'DATABASE_TRANSACTION_FAIL',
        `[ResourceUnavailable.TransactionNotExist] Transaction ${id} does not exist or has ended`,
      );
    return tx;
  }

  private end(tx: Tx): void {
    this.open.delete(tx.id);
    for (const key of tx.writes.keys()) if (this.locks.get(key) === tx) this.locks.delete(key);
  }

  /** The document as this transaction sees it. */
  read(txId: string, collection: string, id: string): Doc | null {
    const tx = this.tx(txId);
    const key = keyOf(collection, id);
    const own = tx.writes.get(key);
    if (own) return own.doc;
    if (tx.snapshot.has(key)) return tx.snapshot.get(key) ?? null;
    return this.db.collection(collection).get(id) ?? null;
  }

  /** Locks the document for this transaction and records the write; a conflict aborts the transaction. */
  write(txId: string, collection: string, id: string, doc: Doc | null): void {
    const tx = this.tx(txId);
    const key = keyOf(collection, id);
    const holder = this.locks.get(key);
    if (holder && holder !== tx && this.open.has(holder.id) && this.expired(holder)) this.end(holder);
    const lockedByOther = this.locks.get(key) !== undefined && this.locks.get(key) !== tx;
    if (lockedByOther || tx.snapshot.has(key) || this.faults.takeConflict(collection, id)) {
      this.end(tx);
      throw conflict(collection, id);
    }
    this.locks.set(key, tx);
    tx.writes.delete(key);
    tx.writes.set(key, { collection, id, doc });
  }

  /** Ids of `collection` this transaction writes: they leave their old unique values. */
  written(txId: string, collection: string): Write[] {
    return [...this.tx(txId).writes.values()].filter((w) => w.collection === collection);
  }

  /** Ends the transaction whatever happens; a failure (a unique index) writes nothing. */
  commit(txId: string): void {
    const tx = this.tx(txId);
    try {
      const byCollection = new Map<string, Write[]>();
      for (const w of tx.writes.values())
        byCollection.set(w.collection, [...(byCollection.get(w.collection) ?? []), w]);
      for (const [collection, writes] of byCollection) {
        const docs = writes.flatMap((w) => (w.doc ? [w.doc] : []));
        this.db.collection(collection).checkUnique(docs, new Set(writes.map((w) => w.id)));
      }
      // Not open while its writes land: its own changes must not enter its own snapshot.
      this.open.delete(tx.id);
      for (const w of tx.writes.values()) this.db.write(w.collection, w.id, w.doc);
    } finally {
      this.end(tx);
    }
  }

  /** Ends the transaction without writing; ending one that has already ended is not an error. */
  abort(txId: string): void {
    const tx = this.open.get(txId);
    if (tx) this.end(tx);
  }

  /** Whether an open transaction holds a lock on this document (plain writes wait for it). */
  isLocked(collection: string, id: string): boolean {
    const holder = this.locks.get(keyOf(collection, id));
    if (!holder) return false;
    if (!this.open.has(holder.id) || this.expired(holder)) {
      this.end(holder);
      return false;
    }
    return true;
  }

  /** Drops every open transaction (between tests). */
  clear(): void {
    this.open.clear();
    this.locks.clear();
  }
}
