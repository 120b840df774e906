/** The routing index is built once per grid-map version and kept warm across calls of a function instance. */
import { createHarness, type Harness } from '../support/harness';

describe('warm routing index', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  test('routing the same way through the grid and ticket functions builds the index once', async () => {
    const staff = h.as('dev-staff-wujiayuan');
    const point = { lat: 36.0, lng: 103.0 };
    await staff.ok('grid', 'route', { communityId: 'c_wujiayuan', category: 'garbage', point });
    await staff.ok('grid', 'route', { communityId: 'c_wujiayuan', category: 'garbage', point });
    const liu = h.as('dev-resident-liu');
    for (const n of [1, 2]) {
      await liu.ok('ticket', 'submit', {
        clientRequestId: `warm-index-${n}-request`,
        category: 'garbage',
        description: '楼下垃圾堆放多日无人清运',
        photos: [],
        place: { kind: 'household', householdId: 'h_jiaojiawan_6413_2_1_701' },
      });
    }
    expect(h.deps.routingIndexes.builds).toBe(1);
  });

  test('a point in an exclusive grid is named once, after its unit', async () => {
    const school = await h.deps.store.get('microGrids', 'mg_dashaping_03_1');
    const ring = school?.boundary?.type === 'Polygon' ? school.boundary.coordinates[0] : undefined;
    if (!ring) throw new Error('the demo school micro-grid has a polygon');
    const lng = ring.reduce((sum, p) => sum + p[0], 0) / ring.length;
    const lat = ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
    const index = await h.deps.routingIndexes.get(h.deps.store);
    const located = index.locate({ lat, lng });
    expect(located).toMatchObject({
      place: { microGridId: 'mg_dashaping_03_1', label: '海亮实验学校-1号微网格' },
    });
  });
});
