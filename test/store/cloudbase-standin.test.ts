/**
 * The Store contract against the CloudBase adapter on node-sdk, on the CloudBase stand-in: always run, no
 * credentials. Then what only the stand-in shows: paging past 1,000, write conflicts, unique indexes,
 * injected faults and the log of unindexed queries.
 */
import { CloudbaseFiles } from '../../server/adapters/cloudbase/cloudbase-files';
import type { Household } from '../../server/core/grids/model';
import tcb from '@cloudbase/node-sdk';
import {
  startStandin,
  standinApp,
  standinRuntimeEnv,
  standinStore,
  type Standin,
} from '../../server/cloudbase-standin';
import { describeStoreContract } from './store-contract';

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin();
});
afterAll(async () => standin.close());

describeStoreContract('CloudBase adapter on the stand-in', async () => {
  standin.reset();
  standin.faults.clear();
  return { store: standinStore(standin), dispose: async () => undefined };
});

function household(id: string, room: string): Household {
  return {
    _id: id,
    communityId: 'c1',
    gridId: 'g1',
    microGridId: 'mg1',
    buildingId: 'b1',
    unit: '1单元',
    room,
    tags: [],
  };
}

/** 2,500 households over three rooms: every page boundary falls inside a run of ties. */
const manyHouseholds = () =>
  Array.from({ length: 2500 }, (_, i) =>
    household(`h${String(i).padStart(4, '0')}`, ['101', '102', '103'][i % 3]!),
  );

describe('CloudBase stand-in specifics', () => {
  beforeEach(() => {
    standin.reset();
    standin.faults.clear();
    standin.resetCounts();
    standin.clearUnindexed();
  });

  test('a snapshot restores its documents, unique indexes and all, as often as asked', async () => {
    const store = standinStore(standin);
    await store.insertMany('households', [household('h1', '101'), household('h2', '102')]);
    await store.insert('users', {
      _id: 'u1',
      openid: 'o1',
      name: '居民',
      phone: null,
      roles: [],
      roleKeys: [],
      householdId: 'h1',
      createdAt: '',
      updatedAt: '',
      version: 1,
    });
    const snapshot = standin.snapshot();
    for (let round = 0; round < 2; round++) {
      await store.update('households', 'h1', { room: '999' });
      await store.remove('households', 'h2');
      await store.insert('households', household('h3', '103'));
      standin.restore(snapshot);
      const rooms = (await store.find('households', { orderBy: [['_id', 'asc']] })).map((h) => h.room);
      expect(rooms).toEqual(['101', '102']);
      // The unique openid index came back with the documents.
      await expect(
        store.insert('users', { ...(await store.get('users', 'u1'))!, _id: 'u2' }),
      ).rejects.toMatchObject({
        code: 'STORE.DUPLICATE',
      });
    }
  });

  test('insertMany sends one insertDocument per 1,000 documents', async () => {
    await standinStore(standin).insertMany('households', manyHouseholds());
    expect(standin.counts().byAction['database.insertDocument']).toBe(3);
    expect(await standinStore(standin).count('households')).toBe(2500);
  });

  test('paging past 1,000 with an order that is not unique returns every row once', async () => {
    const store = standinStore(standin);
    await store.insertMany('households', manyHouseholds());
    const rows = await store.find('households', { where: { communityId: 'c1' }, orderBy: [['room', 'asc']] });
    expect(rows).toHaveLength(2500);
    expect(new Set(rows.map((r) => r._id)).size).toBe(2500);
    expect(rows.map((r) => r.room)).toEqual([...rows.map((r) => r.room)].sort());
  });

  test('without _id ending the order, offset paging over ties repeats and loses rows (what the adapter avoids)', async () => {
    await standinStore(standin).insertMany('households', manyHouseholds());
    const db = standinApp(standin).database();
    const seen = new Set<string>();
    for (let offset = 0; offset < 2500; offset += 1000) {
      const page = await db.collection('households').orderBy('room', 'asc').skip(offset).limit(1000).get();
      for (const doc of page.data as Household[]) seen.add(doc._id);
    }
    // The stand-in orders ties at random per request, as nothing orders equals on CloudBase.
    expect(seen.size).toBeLessThan(2500);
  });

  test('a plain get answers 100 documents by default and 1,000 at most', async () => {
    await standinStore(standin).insertMany('households', manyHouseholds());
    const db = standinApp(standin).database();
    expect((await db.collection('households').get()).data).toHaveLength(100);
    expect((await db.collection('households').limit(5000).get()).data).toHaveLength(1000);
  });

  test('a transaction writing a document another open transaction has written fails with the documented conflict', async () => {
    const store = standinStore(standin);
    await store.insert('households', household('h1', '101'));
    const db = standinApp(standin).database();
    const first = await db.startTransaction();
    const second = await db.startTransaction();
    await first.collection('households').doc('h1').update({ room: '201' });
    await expect(second.collection('households').doc('h1').update({ room: '301' })).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
    });
    // The loser is over; the winner commits.
    await expect(second.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    await first.commit();
    expect((await store.get('households', 'h1'))?.room).toBe('201');
  });

  test('a transaction reads the snapshot it started with, and cannot then write what changed since', async () => {
    const store = standinStore(standin);
    await store.insert('households', household('h1', '101'));
    const db = standinApp(standin).database();
    const tx = await db.startTransaction();
    await store.update('households', 'h1', { room: '999' });
    const seen = await tx.collection('households').doc('h1').get();
    expect((seen.data as unknown as Household).room).toBe('101');
    await expect(tx.collection('households').doc('h1').update({ room: '102' })).rejects.toMatchObject({
      code: 'DATABASE_TRANSACTION_CONFLICT',
    });
    expect((await store.get('households', 'h1'))?.room).toBe('999');
  });

  test('conflicts are retried with growing, jittered pauses, then fail with STORE.CONFLICT', async () => {
    const pauses: number[] = [];
    const store = standinStore(standin, {
      txAttempts: 4,
      random: () => 1,
      sleep: async (ms) => {
        pauses.push(ms);
      },
    });
    await store.insert('households', household('h1', '101'));
    standin.faults.conflictOn('households', 'h1', 2);
    await store.transaction((tx) => tx.update('households', 'h1', { room: '201' }));
    expect(store.stats).toMatchObject({ transactions: 1, attempts: 3, conflicts: 2, gaveUp: 0 });
    expect(pauses).toEqual([20, 40]);
    expect((await store.get('households', 'h1'))?.room).toBe('201');

    standin.faults.conflictOn('households', 'h1', 10);
    await expect(
      store.transaction((tx) => tx.update('households', 'h1', { room: '301' })),
    ).rejects.toMatchObject({ code: 'STORE.CONFLICT' });
    expect(store.stats).toMatchObject({ transactions: 2, attempts: 7, gaveUp: 1 });
    expect((await store.get('households', 'h1'))?.room).toBe('201');
  });

  test('sixteen transactions on one counter at once: every success counted once, no lost update', async () => {
    const store = standinStore(standin, { txAttempts: 12 });
    await store.insert('households', { ...household('h1', '0'), tags: [] });
    const bump = () =>
      store.transaction(async (tx) => {
        const doc = await tx.get('households', 'h1');
        await tx.update('households', 'h1', { room: String(Number(doc?.room) + 1) });
      });
    const outcomes = await Promise.allSettled(Array.from({ length: 16 }, bump));
    const succeeded = outcomes.filter((o) => o.status === 'fulfilled').length;
    const refused = outcomes.filter(
      (o) => o.status === 'rejected' && (o.reason as { code?: string }).code === 'STORE.CONFLICT',
    ).length;
    expect(succeeded + refused).toBe(16);
    expect((await store.get('households', 'h1'))?.room).toBe(String(succeeded));
  });

  test('a unique index refuses a duplicate with DATABASE_DUPLICATE_WRITE, in and out of transactions', async () => {
    const store = standinStore(standin);
    const event = (id: string, seq: number) =>
      ({ _id: id, ticketId: 't1', seq, type: 'submitted', at: '', actorUserId: 'u1' }) as never;
    await store.insert('ticketEvents', event('e1', 1));
    await store.insert('ticketEvents', event('e2', 2));
    await expect(store.insert('ticketEvents', event('e3', 1))).rejects.toMatchObject({
      code: 'STORE.DUPLICATE',
    });
    await expect(
      standinApp(standin).database().collection('ticketEvents').add({ _id: 'e4', ticketId: 't1', seq: 2 }),
    ).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' });
    await expect(
      store.transaction(async (tx) => {
        await tx.insert('ticketEvents', event('e5', 3));
        await tx.insert('ticketEvents', event('e6', 3));
      }),
    ).rejects.toMatchObject({ code: 'STORE.DUPLICATE' });
    expect(await store.count('ticketEvents')).toBe(2);
  });

  test('a throttled request answers RequestLimitExceeded, and the next one is served', async () => {
    const store = standinStore(standin);
    await store.insert('households', household('h1', '101'));
    standin.faults.throttle(1, 'database.getDocument');
    await expect(store.get('households', 'h1')).rejects.toMatchObject({ code: 'RequestLimitExceeded' });
    expect((await store.get('households', 'h1'))?._id).toBe('h1');
  });

  test('requests are counted per action: a transaction inserting a document costs no read', async () => {
    const store = standinStore(standin);
    await store.transaction((tx) => tx.insert('households', household('h1', '101')));
    await store.transaction(async (tx) => {
      await tx.get('households', 'h1');
      await tx.update('households', 'h1', { room: '102' });
    });
    expect(standin.counts().byAction).toEqual({
      'database.startTransaction': 2,
      'database.insertDocument': 1,
      'database.getDocument': 1,
      'database.modifyDocument': 1,
      'database.commitTransaction': 2,
    });
    standin.resetCounts();
    expect(standin.counts().total).toBe(0);
  });

  test('queries no declared index serves are logged; those an index prefix or _id serves are not', async () => {
    const store = standinStore(standin);
    await store.find('households', { where: { microGridId: 'mg1' } });
    await store.find('notifications', { where: { userId: 'u1' }, orderBy: [['createdAt', 'desc']] });
    await store.get('households', 'h1');
    await store.count('households', { room: '101' });
    await store.find('notifications', { where: { createdAt: { gt: '' } } });
    expect(standin.unindexedQueries()).toEqual([
      { action: 'database.calculateDocument', collection: 'households', fields: ['room'], order: [] },
      { action: 'database.getDocument', collection: 'notifications', fields: ['createdAt'], order: ['_id'] },
    ]);
  });

  test('the CloudBase Files adapter stores, finds, reads and removes a photo on the stand-in', async () => {
    const files = new CloudbaseFiles(standinApp(standin));
    const id = await files.put('tickets/t1/现场 1.jpg', new Uint8Array([0xff, 0xd8, 7]), 'image/jpeg');
    expect(id).toMatch(/^cloud:\/\/.+\/tickets\/t1\/现场 1\.jpg$/);
    expect(await files.exists(id)).toBe(true);
    expect(Array.from(await files.read(id))).toEqual([0xff, 0xd8, 7]);
    await files.remove(id);
    expect(await files.exists(id)).toBe(false);
    await expect(files.read(id)).rejects.toMatchObject({ code: 'IMPORT.FILE_NOT_FOUND' });
  });

  test('node-sdk inside a function reaches the stand-in through the runtime environment alone', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, standinRuntimeEnv(standin));
    try {
      // As production initialises it: no serviceUrl, no credentials, the current environment.
      const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
      await app.database().collection('households').add({ _id: 'h1', room: '101' });
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
    expect(standin.counts().byAction['database.insertDocument']).toBe(1);
    expect((await standinStore(standin).get('households', 'h1'))?.room).toBe('101');
  });

  test('equality through arrays of objects still finds every match (the speed indexes never narrow wrongly)', async () => {
    const db = standinApp(standin).database();
    await db.collection('users').add([
      { _id: 'u1', openid: 'o1', roles: [{ kind: 'worker', gridId: 'g1' }], roleKeys: ['worker:g1'] },
      { _id: 'u2', openid: 'o2', roles: [{ kind: 'staff', gridId: 'g2' }], roleKeys: ['staff:g2'] },
      { _id: 'u3', openid: 'o3', roles: [], roleKeys: [] },
    ]);
    const ids = async (where: object) =>
      (
        (await db.collection('users').where(where).orderBy('_id', 'asc').get()).data as Array<{ _id: string }>
      ).map((u) => u._id);
    expect(await ids({ 'roles.kind': 'worker' })).toEqual(['u1']);
    expect(await ids({ roleKeys: 'staff:g2' })).toEqual(['u2']);
    expect(await ids({ openid: db.command.in(['o1', 'o3']) })).toEqual(['u1', 'u3']);
  });

  test('a page read after a write sees the write (sorted results are not reused across changes)', async () => {
    const store = standinStore(standin);
    await store.insertMany('households', manyHouseholds().slice(0, 3));
    expect((await store.find('households', { orderBy: [['room', 'asc']] })).map((h) => h._id)).toEqual([
      'h0000',
      'h0001',
      'h0002',
    ]);
    await store.update('households', 'h0000', { room: '999' });
    expect((await store.find('households', { orderBy: [['room', 'asc']] })).map((h) => h._id)).toEqual([
      'h0001',
      'h0002',
      'h0000',
    ]);
  });

  test('a request without the headers node-sdk always signs is refused', async () => {
    const res = await fetch(standin.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.getDocument', envName: 'x', collectionName: 'households' }),
    });
    expect(await res.json()).toMatchObject({ code: 'SIGN_PARAM_INVALID' });
  });
});
