/** One action's read memory across a transaction: what it wrote is read afresh, what it did not stays known. */
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import type { Household } from '../../server/core/grids/model';
import { memoReads } from '../../server/core/store/read-memo';

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

test('a transaction forgets the documents it writes and keeps the others remembered', async () => {
  const inner = new SqliteStore(':memory:');
  await inner.insertMany('households', [household('h1', '101'), household('h2', '102')]);
  const store = memoReads(inner);
  await store.get('households', 'h1');
  await store.get('households', 'h2');
  const get = jest.spyOn(inner, 'get');

  await store.transaction(async (tx) => {
    await tx.update('households', 'h1', { room: '111' });
  });

  expect((await store.get('households', 'h1'))?.room).toBe('111');
  expect((await store.get('households', 'h2'))?.room).toBe('102');
  expect(get.mock.calls.map(([, id]) => id)).toEqual(['h1']);
  inner.close();
});
