/**
 * The Store contract: one suite every adapter must pass, so that a use case that works locally cannot rely
 * on something CloudBase lacks. `makeStore` gives a store with empty collections.
 */
import type { Store } from '../../server/core/ports/store';
import type { Household } from '../../server/core/grids/model';
import type { FigureShard } from '../../server/core/figures/shards';
import type { NoticeTarget } from '../../server/core/notices/model';

function shard(id: string): FigureShard {
  return {
    _id: id,
    communityId: 'c1',
    month: '2026-06',
    shard: 0,
    grids: {},
    workerNames: {},
    updatedAt: '',
  };
}

function household(id: string, over: Partial<Household> = {}): Household {
  return {
    _id: id,
    communityId: 'c1',
    gridId: 'g1',
    microGridId: 'mg1',
    buildingId: 'b1',
    unit: '1单元',
    room: '101',
    tags: [],
    ...over,
  };
}

export function describeStoreContract(
  name: string,
  makeStore: () => Promise<{ store: Store; dispose(): Promise<void> }>,
): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ store, dispose } = await makeStore());
    });
    afterEach(async () => dispose());

    test('a created document reads back equal, and a missing one reads as null', async () => {
      const doc = household('h1', { tags: ['elderly'] });
      await store.insert('households', doc);
      expect(await store.get('households', 'h1')).toEqual(doc);
      expect(await store.get('households', 'nope')).toBeNull();
    });

    test('creating a document whose id exists is refused with STORE.DUPLICATE and keeps the first', async () => {
      await store.insert('households', household('h1', { room: '101' }));
      await expect(store.insert('households', household('h1', { room: '999' }))).rejects.toMatchObject({
        code: 'STORE.DUPLICATE',
      });
      expect((await store.get('households', 'h1'))?.room).toBe('101');
    });

    test('a unique index refuses a second document with the same value', async () => {
      const user = (id: string) => ({
        _id: id,
        openid: 'same',
        name: 'x',
        phone: null,
        roles: [],
        roleKeys: [],
        householdId: null,
        createdAt: '',
        updatedAt: '',
        version: 1,
      });
      await store.insert('users', user('u1'));
      await expect(store.insert('users', user('u2'))).rejects.toMatchObject({ code: 'STORE.DUPLICATE' });
      expect(await store.count('users')).toBe(1);
    });

    test('an update with the current version applies and a stale version is refused', async () => {
      const user = {
        _id: 'u1',
        openid: 'o1',
        name: '甲',
        phone: null,
        roles: [],
        roleKeys: [],
        householdId: null,
        createdAt: '',
        updatedAt: '',
        version: 1,
      };
      await store.insert('users', user);
      expect(await store.update('users', 'u1', { name: '乙', version: 2 }, { ifVersion: 1 })).toBe(true);
      expect(await store.update('users', 'u1', { name: '丙', version: 2 }, { ifVersion: 1 })).toBe(false);
      expect(await store.get('users', 'u1')).toMatchObject({ name: '乙', version: 2, openid: 'o1' });
      expect(await store.update('users', 'missing', { name: '丁' })).toBe(false);
    });

    test('an update replaces the named top-level fields whole, nested objects included', async () => {
      await store.insert('communities', {
        _id: 'c1',
        name: '甲社区',
        city: '兰州市',
        district: '七里河区',
        street: '建兰路街道',
        center: { lat: 36, lng: 103 },
        config: { nearMissMetres: 50 },
      });
      await store.update('communities', 'c1', { config: { nearMissMetres: 80 } });
      expect(await store.get('communities', 'c1')).toMatchObject({
        name: '甲社区',
        config: { nearMissMetres: 80 },
      });
    });

    test('queries filter, sort and limit, with every condition kind', async () => {
      await store.insertMany('households', [
        household('h1', { room: '101', microGridId: 'mg1', tags: ['elderly'] }),
        household('h2', { room: '302', microGridId: 'mg1', tags: [] }),
        household('h3', { room: '201', microGridId: 'mg2', tags: ['elderly', 'hardship'] }),
        household('h4', { room: '401', microGridId: 'mg3', tags: [] }),
      ]);
      const ids = (docs: { _id: string }[]) => docs.map((d) => d._id);
      expect(
        ids(await store.find('households', { where: { microGridId: 'mg1' }, orderBy: [['room', 'desc']] })),
      ).toEqual(['h2', 'h1']);
      expect(
        ids(
          await store.find('households', {
            where: { microGridId: { in: ['mg2', 'mg3'] } },
            orderBy: [['room', 'asc']],
          }),
        ),
      ).toEqual(['h3', 'h4']);
      expect(
        ids(
          await store.find('households', {
            where: { room: { gte: '201' } },
            orderBy: [['room', 'asc']],
            limit: 2,
          }),
        ),
      ).toEqual(['h3', 'h2']);
      expect(ids(await store.find('households', { where: { room: { lt: '201' } } }))).toEqual(['h1']);
      expect(
        ids(
          await store.find('households', {
            where: { microGridId: { ne: 'mg1' } },
            orderBy: [['room', 'asc']],
          }),
        ),
      ).toEqual(['h3', 'h4']);
      expect(
        ids(
          await store.find('households', { where: { tags: { has: 'elderly' } }, orderBy: [['room', 'asc']] }),
        ),
      ).toEqual(['h1', 'h3']);
      expect(ids(await store.find('households', { orderBy: [['room', 'asc']], skip: 1, limit: 2 }))).toEqual([
        'h3',
        'h2',
      ]);
      expect(await store.count('households', { microGridId: 'mg1' })).toBe(2);
      expect(await store.count('households', { microGridId: { in: [] } })).toBe(0);
    });

    test('a condition with an undefined value is refused, not silently dropped', async () => {
      await store.insert('households', household('h1'));
      // A caller's missing value (e.g. a user without a household) must not turn into "match everything".
      const where = { microGridId: undefined as unknown as string };
      await expect(store.find('households', { where })).rejects.toThrow(/where\.microGridId is undefined/);
      await expect(store.count('households', where)).rejects.toThrow(/where\.microGridId is undefined/);
    });

    test('GeoJSON boundaries read back as plain GeoJSON, by id, by query and in a transaction', async () => {
      const ring: Array<[number, number]> = [
        [103.8, 36.05],
        [103.81, 36.05],
        [103.81, 36.06],
        [103.8, 36.05],
      ];
      const polygon = { _id: 'mg1', communityId: 'c1', gridId: 'g1', name: '一', sort: 1 };
      await store.insertMany('microGrids', [
        { ...polygon, boundary: { type: 'Polygon', coordinates: [ring] } },
        { ...polygon, _id: 'mg2', boundary: { type: 'MultiPolygon', coordinates: [[ring], [ring]] } },
      ]);
      const [first, second] = await store.find('microGrids', { where: { communityId: 'c1' } });
      const inTx = await store.transaction((tx) => tx.get('microGrids', 'mg1'));
      expect((await store.get('microGrids', 'mg1'))?.boundary).toEqual({
        type: 'Polygon',
        coordinates: [ring],
      });
      expect(first?.boundary).toEqual({ type: 'Polygon', coordinates: [ring] });
      expect(second?.boundary).toEqual({ type: 'MultiPolygon', coordinates: [[ring], [ring]] });
      expect(inTx?.boundary).toEqual({ type: 'Polygon', coordinates: [ring] });
    });

    test('queries reach into nested fields and test for presence', async () => {
      await store.insert('communities', {
        _id: 'c1',
        name: '甲',
        city: '',
        district: '',
        street: '',
        center: { lat: 1, lng: 2 },
        config: { nearMissMetres: 50 },
      });
      await store.insert('communities', {
        _id: 'c2',
        name: '乙',
        city: '',
        district: '',
        street: '',
        center: { lat: 3, lng: 4 },
        config: { nearMissMetres: 80 },
      });
      expect(
        (await store.find('communities', { where: { 'config.nearMissMetres': 80 } })).map((c) => c._id),
      ).toEqual(['c2']);
      expect(await store.count('communities', { 'center.lat': { exists: true } })).toBe(2);
      expect(await store.count('communities', { 'center.alt': { exists: true } })).toBe(0);
    });

    test('a transaction that fails leaves nothing written', async () => {
      await store.insert('households', household('h1'));
      await expect(
        store.transaction(async (tx) => {
          await tx.update('households', 'h1', { room: '999' });
          await tx.insert('households', household('h2'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await store.get('households', 'h1'))?.room).toBe('101');
      expect(await store.get('households', 'h2')).toBeNull();
    });

    test('a transaction sees its own writes and commits them together', async () => {
      await store.insert('households', household('h1'));
      const seen = await store.transaction(async (tx) => {
        await tx.update('households', 'h1', { room: '202' });
        await tx.set('households', household('h2'));
        const mine = await tx.get('households', 'h1');
        await tx.delete('households', 'h2');
        return mine?.room;
      });
      expect(seen).toBe('202');
      expect((await store.get('households', 'h1'))?.room).toBe('202');
      expect(await store.get('households', 'h2')).toBeNull();
    });

    test('inside a transaction, inserting an existing id and updating a missing one are refused', async () => {
      await store.insert('households', household('h1'));
      await expect(store.transaction((tx) => tx.insert('households', household('h1')))).rejects.toMatchObject(
        { code: 'STORE.DUPLICATE' },
      );
      await expect(
        store.transaction((tx) => tx.update('households', 'zz', { room: '1' })),
      ).rejects.toMatchObject({ code: 'STORE.NOT_FOUND' });
    });

    test('two transactions incrementing one counter at once both count: no lost update', async () => {
      await store.insert('users', {
        _id: 'u1',
        openid: 'o1',
        name: 'n',
        phone: null,
        roles: [],
        roleKeys: [],
        householdId: null,
        createdAt: '',
        updatedAt: '',
        version: 0,
      });
      const bump = () =>
        store.transaction(async (tx) => {
          const user = await tx.get('users', 'u1');
          await new Promise((r) => setTimeout(r, 5));
          await tx.update('users', 'u1', { version: (user?.version ?? 0) + 1 });
        });
      await Promise.all([bump(), bump(), bump()]);
      expect((await store.get('users', 'u1'))?.version).toBe(3);
    });

    test('an increment adds at dot paths without a read, creating what is missing, and sets beside', async () => {
      await store.insert('ticketFigures', shard('f1'));
      const done = await store.increment('ticketFigures', 'f1', {
        add: { 'grids.g1.total.received': 2, 'grids.g1.total.signed': 1 },
        set: { 'workerNames.u1': '何丽萍', updatedAt: 't1' },
      });
      expect(done).toBe(true);
      await store.increment('ticketFigures', 'f1', { add: { 'grids.g1.total.received': -1 } });
      const read = await store.get('ticketFigures', 'f1');
      expect(read?.grids).toEqual({ g1: { total: { received: 1, signed: 1 } } });
      expect(read?.workerNames).toEqual({ u1: '何丽萍' });
      expect(read?.updatedAt).toBe('t1');
    });

    test('an increment of a missing document writes nothing and says so, in and out of a transaction', async () => {
      expect(await store.increment('ticketFigures', 'nope', { add: { 'grids.g1.total.received': 1 } })).toBe(
        false,
      );
      expect(
        await store.transaction((tx) => tx.increment('ticketFigures', 'nope', { add: { shard: 1 } })),
      ).toBe(false);
      expect(await store.get('ticketFigures', 'nope')).toBeNull();
    });

    test('increments at once, plain and in transactions, all count: no lost update', async () => {
      await store.insert('ticketFigures', shard('f1'));
      const add = { add: { 'grids.g1.total.received': 1 } };
      await Promise.all([
        store.increment('ticketFigures', 'f1', add),
        store.increment('ticketFigures', 'f1', add),
        store.transaction((tx) => tx.increment('ticketFigures', 'f1', add)),
        store.transaction((tx) => tx.increment('ticketFigures', 'f1', add)),
      ]);
      const read = await store.get('ticketFigures', 'f1');
      expect(read?.grids.g1?.total.received).toBe(4);
    });

    test('one increment over a list of ids writes those still matching the guard, and says how many', async () => {
      await store.insertMany('households', [
        household('h1', { room: '101' }),
        household('h2', { room: '102' }),
        household('h3', { room: '103', gridId: 'g2' }),
        household('h4', { room: '104' }),
      ]);
      const written = await store.incrementMany(
        'households',
        ['h1', 'h2', 'h3', 'h1', 'nope'],
        { add: { 'counts.visits': 1 }, set: { unit: '2单元' } },
        { where: { gridId: 'g1' } },
      );
      expect(written).toBe(2);
      const read = new Map((await store.find('households')).map((h) => [h._id, h]));
      expect(read.get('h1')).toMatchObject({ unit: '2单元', room: '101', counts: { visits: 1 } });
      expect(read.get('h2')).toMatchObject({ unit: '2单元', room: '102', counts: { visits: 1 } });
      expect(read.get('h3')).toEqual(household('h3', { room: '103', gridId: 'g2' }));
      expect(read.get('h4')).toEqual(household('h4', { room: '104' }));
      expect(await store.incrementMany('households', [], { add: { 'counts.visits': 1 } })).toBe(0);
    });

    test('a guarded update writes only while the guard holds: of racing callers one gets the document', async () => {
      const target: NoticeTarget = {
        _id: 't1',
        noticeId: 'n1',
        communityId: 'c1',
        householdId: 'h1',
        gridId: 'g1',
        microGridId: 'mg1',
        category: 'safety',
        publishedAt: '2026-06-01T00:00:00.000Z',
        reachedAt: null,
        reachedBy: null,
        lastAttempt: null,
        awaitingRevisit: true,
      };
      await store.insert('noticeTargets', target);
      const reach = (userId: string) =>
        store.updateIf(
          'noticeTargets',
          't1',
          { reachedAt: null },
          { reachedAt: '2026-06-02T00:00:00.000Z', reachedBy: 'receipt', reachedByUserId: userId },
        );
      const answers = await Promise.all(['u1', 'u2', 'u3', 'u4'].map(reach));
      const winners = answers.filter((a) => a !== null);
      expect(winners).toHaveLength(1);
      // Answered as written: the patch over what was there, fields not named kept.
      expect(winners[0]).toEqual({ ...target, ...winners[0], reachedAt: '2026-06-02T00:00:00.000Z' });
      expect(winners[0]!.awaitingRevisit).toBe(true);
      expect(await store.get('noticeTargets', 't1')).toEqual(winners[0]);
      // The guard no longer holds, and a missing document: null, nothing written.
      expect(await reach('u5')).toBeNull();
      expect(
        await store.updateIf('noticeTargets', 'nope', { reachedAt: null }, { reachedBy: 'visit' }),
      ).toBeNull();
      expect(await store.get('noticeTargets', 'nope')).toBeNull();
      expect((await store.get('noticeTargets', 't1'))!.reachedByUserId).toBe(winners[0]!.reachedByUserId);
    });

    test('a transaction inserts several documents at once, all or none', async () => {
      await store.transaction((tx) => tx.insertMany('households', [household('h1'), household('h2')]));
      expect(await store.count('households')).toBe(2);
      await expect(
        store.transaction(async (tx) => {
          await tx.insert('households', household('h3'));
          await tx.insertMany('households', [household('h4'), household('h1')]);
        }),
      ).rejects.toMatchObject({ code: 'STORE.DUPLICATE' });
      expect(await store.count('households')).toBe(2);
      expect(await store.get('households', 'h3')).toBeNull();
    });
  });
}
