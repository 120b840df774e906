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
});
