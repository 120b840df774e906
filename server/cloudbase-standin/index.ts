/**
 * A CloudBase stand-in: a loopback HTTP server that answers what @cloudbase/node-sdk 3.17.2 sends, so the
 * real CloudBase adapter (and the built bundles) run unmodified in tests and benches. Semantics follow
 * CloudBase's documentation: MongoDB query and update operators (mingo), 100 documents per get by default and
 * 1,000 at most, the unique indexes of server/core/store/collections.ts (DATABASE_DUPLICATE_WRITE), snapshot
 * reads and per-document write locks in transactions (DATABASE_TRANSACTION_CONFLICT); storage upload, temporary
 * URLs, download and delete (in memory). docs/cloudbase-standin.md says
 * what it does not do.
 *
 * Usage (every local run of node-sdk needs TENCENTCLOUD=true in the environment, or its init probes a cloud
 * metadata address; `startStandin` sets it for its own process):
 *
 *   const standin = await startStandin();            // { url, counts(), faults, unindexedQueries(), close() }
 *   const store = standinStore(standin);             // the CloudbaseStore, on node-sdk, on the stand-in
 *   standin.faults.latencyMs = 10;                   // every request costs 10 ms
 *   standin.faults.conflictOn('noticeCoverage', id); // the next transactional write to it conflicts
 *   standin.faults.throttle(3, 'database.getDocument');
 *   standin.counts().byAction['database.getDocument'];  standin.resetCounts();
 *   Object.assign(process.env, standinRuntimeEnv(standin)); // as the runtime sets TCB_CONTEXT_CNFG for a bundle
 *   await standin.close();
 */
import type { AddressInfo } from 'node:net';
import { collections, type CollectionName, type IndexSpec } from '../core/store/collections';
import type { ActionContext } from './actions';
import { Database, type DatabaseSnapshot } from './database';
import { Faults } from './faults';
import { IndexCoverage, type UnindexedQuery } from './index-coverage';
import { RequestCounter, type RequestCounts } from './request-counter';
import { createServer, type ExtraAction } from './server';
import { SortedCache } from './sorted-cache';
import { Storage } from './storage';
import { Transactions } from './transactions';

export type { UnindexedQuery } from './index-coverage';
export type { RequestCounts } from './request-counter';
export { standinApp, standinRuntimeEnv, standinStore, STANDIN_ENV_ID } from './connect';

export interface StandinOptions {
  /** Latency added to every request, in ms (also settable later on `faults.latencyMs`). */
  latencyMs?: number;
  /** Indexes by collection; default: those declared in server/core/store/collections.ts. */
  indexes?: (collection: string) => IndexSpec[];
  /** Ties in an order come back in random order, as nothing orders equals on CloudBase. Default true. */
  shuffleTies?: boolean;
  /** A transaction older than this is dropped and its locks released. Default 30 s. */
  transactionLifetimeMs?: number;
  /** How long a plain write waits for a transaction's lock. Default 5 s. */
  lockWaitMs?: number;
  /** Answers for actions beyond the database ones (e.g. `functions.invokeFunction`). */
  extraActions?: Record<string, ExtraAction>;
}

export interface Standin {
  /** The serviceUrl for `tcb.init({serviceUrl})`, or the URL of TCB_CONTEXT_CNFG. */
  url: string;
  faults: Faults;
  counts(): RequestCounts;
  resetCounts(): void;
  /** Queries whose fields no declared index serves, since the start or the last `clearUnindexed()`. */
  unindexedQueries(): UnindexedQuery[];
  clearUnindexed(): void;
  /** Empties every collection and the storage, and ends every transaction. */
  reset(): void;
  /** The committed documents of every collection (not storage), for `restore`. */
  snapshot(): DatabaseSnapshot;
  /** As `reset`, then the snapshot's documents written back: e.g. a world seeded once, for every test. */
  restore(snapshot: DatabaseSnapshot): void;
  close(): Promise<void>;
}

const declaredIndexes = (collection: string): IndexSpec[] =>
  collections[collection as CollectionName]?.indexes ?? [];

export async function startStandin(options: StandinOptions = {}): Promise<Standin> {
  process.env.TENCENTCLOUD ??= 'true';
  const indexes = options.indexes ?? declaredIndexes;
  const faults = new Faults();
  faults.latencyMs = options.latencyMs ?? 0;
  const db = new Database(indexes);
  const txs = new Transactions(db, faults, options.transactionLifetimeMs ?? 30_000);
  const coverage = new IndexCoverage(indexes);
  const counter = new RequestCounter();
  const ctx: ActionContext = {
    db,
    txs,
    coverage,
    shuffleTies: options.shuffleTies ?? true,
    sorted: new SortedCache(),
    lockWaitMs: options.lockWaitMs ?? 5_000,
  };
  let origin = '';
  const storage = new Storage(() => origin);
  const server = createServer({ ctx, faults, counter, storage, extraActions: options.extraActions ?? {} });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/admin`,
    faults,
    counts: () => counter.read(),
    resetCounts: () => counter.reset(),
    unindexedQueries: () => coverage.entries(),
    clearUnindexed: () => coverage.clear(),
    reset: () => {
      db.clear();
      txs.clear();
      storage.clear();
      ctx.sorted.clear();
    },
    snapshot: () => db.snapshot(),
    restore: (snapshot) => {
      txs.clear();
      storage.clear();
      ctx.sorted.clear();
      db.restore(snapshot);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // node-sdk keeps connections alive: close them, or the server never finishes closing.
        server.closeAllConnections();
      }),
  };
}
