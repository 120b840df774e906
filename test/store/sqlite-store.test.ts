import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { describeStoreContract } from './store-contract';

describeStoreContract('SQLite', async () => {
  const store = new SqliteStore(':memory:');
  return { store, dispose: async () => store.close() };
});

describe('SQLite store specifics', () => {
  test('equality queries on declared fields use the expression index', () => {
    const store = new SqliteStore(':memory:');
    const plan = store.db
      .prepare(`EXPLAIN QUERY PLAN SELECT doc FROM "users" WHERE json_extract(doc, '$.openid') = ?`)
      .all('x') as { detail: string }[];
    store.close();
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX ix_users_openid/);
  });

  // A transaction skips re-reading at its commit only when nothing was written since it began; a write by
  // another connection to the same file (a second process on the local cloud's database) must still count.
  test('a transaction whose read another connection changed runs again: no lost update across connections', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridlink-sqlite-two-connections-'));
    const a = new SqliteStore(join(dir, 'db.sqlite'));
    const b = new SqliteStore(join(dir, 'db.sqlite'));
    try {
      await a.insert('households', {
        _id: 'h1',
        communityId: 'c1',
        gridId: 'g1',
        microGridId: 'mg1',
        buildingId: 'b1',
        unit: '1',
        room: '101',
        tags: [],
      });
      let runs = 0;
      await a.transaction(async (tx) => {
        runs += 1;
        const h = await tx.get('households', 'h1');
        if (runs === 1) await b.update('households', 'h1', { tags: ['elderly'] });
        await tx.update('households', 'h1', { room: `${h!.room}-${h!.tags.length}` });
      });
      expect(runs).toBe(2);
      expect(await b.get('households', 'h1')).toMatchObject({ room: '101-1', tags: ['elderly'] });
    } finally {
      a.close();
      b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
