/**
 * `npx tsx bench/cloudbase-hot-document.ts`: N simultaneous transactions that each read one hot document and
 * write it back (as every 已知晓 rewrote its micro-grid's one coverage shard), on the CloudBase stand-in with
 * 10 ms per request: node-sdk's runTransaction (retries a conflict at once, 3 tries by default) against
 * CloudbaseStore's own loop (jittered exponential backoff, 10 tries). Prints a table; the last line is one
 * JSON object. Loopback only, bounded (16 and 64 writers).
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../server/adapters/cloudbase/cloudbase-store';
import { startStandin, standinApp, standinStore, type Standin } from '../server/cloudbase-standin';
import type { Household } from '../server/core/grids/model';

const LATENCY_MS = 10;
const doc: Household = {
  _id: 'hot',
  communityId: 'c1',
  gridId: 'g1',
  microGridId: 'mg1',
  buildingId: 'b1',
  unit: '1',
  room: '0',
  tags: [],
};

interface Row {
  way: string;
  writers: number;
  failures: number;
  attemptsPerWrite: number;
  requests: number;
  wallMs: number;
}

async function bySdk(standin: Standin, writers: number): Promise<Row> {
  const db = standinApp(standin).database() as unknown as Db;
  let attempts = 0;
  const write = () =>
    db.runTransaction(async (tx) => {
      attempts += 1;
      const res = await tx.collection('households').doc('hot').get();
      const room = Number((res.data as unknown as Household).room) + 1;
      await tx
        .collection('households')
        .doc('hot')
        .update({ room: String(room) });
    });
  return run(standin, 'node-sdk runTransaction', writers, write, () => attempts);
}

async function byAdapter(standin: Standin, writers: number): Promise<Row> {
  const store = standinStore(standin);
  const write = () =>
    store.transaction(async (tx) => {
      const current = await tx.get('households', 'hot');
      await tx.update('households', 'hot', { room: String(Number(current?.room) + 1) });
    });
  return run(standin, 'CloudbaseStore (backoff)', writers, write, () => store.stats.attempts);
}

async function run(
  standin: Standin,
  way: string,
  writers: number,
  write: () => Promise<unknown>,
  attempts: () => number,
): Promise<Row> {
  standin.reset();
  await standinStore(standin).insert('households', doc);
  standin.resetCounts();
  standin.faults.latencyMs = LATENCY_MS;
  const start = performance.now();
  const outcomes = await Promise.allSettled(Array.from({ length: writers }, write));
  const wallMs = Math.round(performance.now() - start);
  standin.faults.latencyMs = 0;
  const failures = outcomes.filter((o) => o.status === 'rejected').length;
  const final = await standinStore(standin).get('households', 'hot');
  if (Number(final?.room) !== writers - failures)
    throw new Error(`lost update: ${final?.room} after ${writers - failures}`);
  return {
    way,
    writers,
    failures,
    attemptsPerWrite: Math.round((attempts() / writers) * 10) / 10,
    requests: standin.counts().total,
    wallMs,
  };
}

async function main(): Promise<void> {
  // node-sdk warns of every request slower than 3 s; under a burst on a shared machine that is noise.
  process.env.SILENCE = 'true';
  const standin = await startStandin();
  const rows: Row[] = [];
  try {
    for (const writers of [16, 64]) {
      rows.push(await bySdk(standin, writers));
      rows.push(await byAdapter(standin, writers));
    }
  } finally {
    await standin.close();
  }
  console.table(rows);
  const pick = (way: string, writers: number) =>
    rows.find((r) => r.way.startsWith(way) && r.writers === writers)!;
  console.log(
    JSON.stringify({
      latencyMs: LATENCY_MS,
      sdkBurst16Failures: pick('node-sdk', 16).failures,
      sdkBurst64Failures: pick('node-sdk', 64).failures,
      adapterBurst16Failures: pick('CloudbaseStore', 16).failures,
      adapterBurst64Failures: pick('CloudbaseStore', 64).failures,
      adapterBurst16AttemptsPerWrite: pick('CloudbaseStore', 16).attemptsPerWrite,
      adapterBurst64AttemptsPerWrite: pick('CloudbaseStore', 64).attemptsPerWrite,
      adapterBurst64WallMs: pick('CloudbaseStore', 64).wallMs,
    }),
  );
}

void main();
