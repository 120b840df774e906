/**
 * A Store that counts what a use case asks of the database: reads, queries, writes, transactions. For
 * benchmarks and tests of the cost of a state change ("one transaction, at most 4 writes"); it changes nothing
 * it passes through. Built on the one observing decorator (core/store/observed-store.ts): a write inside a
 * transaction counts when the transaction commits.
 */
import type { Store } from '../core/ports/store';
import { ObservedStore, type StoreHooks } from '../core/store/observed-store';

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

function countingHooks(tally: { counts: StoreCounts }): StoreHooks {
  return {
    read: () => {
      tally.counts.reads += 1;
    },
    query: () => {
      tally.counts.queries += 1;
    },
    write: (collection, _kind, ids) => {
      tally.counts.writes += ids.length;
      tally.counts.writesBy[collection] = (tally.counts.writesBy[collection] ?? 0) + ids.length;
    },
    commit: () => {
      tally.counts.transactions += 1;
    },
  };
}

export class CountingStore extends ObservedStore {
  private readonly tally: { counts: StoreCounts };

  constructor(inner: Store) {
    const tally = { counts: zeroCounts() };
    super(inner, countingHooks(tally));
    this.tally = tally;
  }

  get counts(): StoreCounts {
    return this.tally.counts;
  }

  /** Returns the counts so far and starts again from zero. */
  take(): StoreCounts {
    const taken = this.tally.counts;
    this.tally.counts = zeroCounts();
    return taken;
  }
}
