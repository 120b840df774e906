/**
 * A Store decorator that counts what a use case asks of the database: reads, queries, writes, transactions.
 * For benchmarks and tests of the cost of a state change ("one transaction, at most 4 writes"); it changes
 * nothing it passes through. A write inside a transaction counts when the transaction commits.
 */
import type { Store, Tx } from '../core/ports/store';

export interface StoreCounts {
  reads: number;
  queries: number;
  writes: number;
  transactions: number;
  /** Writes per collection, e.g. { tickets: 1, ticketEvents: 1, outbox: 1 }. */
  writesBy: Record<string, number>;
}

export function zeroCounts(): StoreCounts {
  return { reads: 0, queries: 0, writes: 0, transactions: 0, writesBy: {} };
}

export class CountingStore implements Store {
  counts: StoreCounts = zeroCounts();

  constructor(readonly inner: Store) {}

  /** Returns the counts so far and starts again from zero. */
  take(): StoreCounts {
    const taken = this.counts;
    this.counts = zeroCounts();
    return taken;
  }

  private wrote(collection: string, n = 1): void {
    this.counts.writes += n;
    this.counts.writesBy[collection] = (this.counts.writesBy[collection] ?? 0) + n;
  }

  get: Store['get'] = (collection, id) => {
    this.counts.reads += 1;
    return this.inner.get(collection, id);
  };

  find: Store['find'] = (collection, query) => {
    this.counts.queries += 1;
    return this.inner.find(collection, query);
  };

  count: Store['count'] = (collection, where) => {
    this.counts.queries += 1;
    return this.inner.count(collection, where);
  };

  insert: Store['insert'] = async (collection, doc) => {
    await this.inner.insert(collection, doc);
    this.wrote(collection);
  };

  insertMany: Store['insertMany'] = async (collection, docs) => {
    await this.inner.insertMany(collection, docs);
    this.wrote(collection, docs.length);
  };

  update: Store['update'] = async (collection, id, patch, options) => {
    const updated = await this.inner.update(collection, id, patch, options);
    this.wrote(collection);
    return updated;
  };

  remove: Store['remove'] = async (collection, id) => {
    await this.inner.remove(collection, id);
    this.wrote(collection);
  };

  async transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    // Counted per committed run: a run repeated after a conflict replaces the previous run's counts.
    let run = { reads: 0, writes: [] as string[] };
    const result = await this.inner.transaction(async (tx) => {
      run = { reads: 0, writes: [] };
      const counted: Tx = {
        get: (c, id) => {
          run.reads += 1;
          return tx.get(c, id);
        },
        insert: (c, doc) => {
          run.writes.push(c);
          return tx.insert(c, doc);
        },
        set: (c, doc) => {
          run.writes.push(c);
          return tx.set(c, doc);
        },
        update: (c, id, patch) => {
          run.writes.push(c);
          return tx.update(c, id, patch);
        },
        delete: (c, id) => {
          run.writes.push(c);
          return tx.delete(c, id);
        },
      };
      return work(counted);
    });
    this.counts.transactions += 1;
    this.counts.reads += run.reads;
    for (const c of run.writes) this.wrote(c);
    return result;
  }
}
