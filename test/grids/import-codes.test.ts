/** Unit-grid codes and micro-grid kinds in a boundary import: kept, checked, refused with a reason. */
import { createHarness, type Harness } from '../support/harness';
import { rect } from '../routing/fixture';

const C = 'c_wujiayuan';
let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const file = (features: Array<[object, number[][]]>) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: features.map(([properties, ring]) => ({
      type: 'Feature',
      properties,
      geometry: { type: 'Polygon', coordinates: [ring] },
    })),
  });

describe('codes and kinds in a boundary import', () => {
  it('gives the demo its codes: 七里河区 620103, 建兰路街道 004, 吴家园社区 001', async () => {
    const map = await h.as('dev-staff-wujiayuan').ok('grid', 'map', { communityId: C });
    expect(map.grids[0]!.code).toBe('620103004001001');
    const codes = [...map.grids, ...map.microGrids].map((g) => g.code!);
    expect(new Set(codes).size).toBe(15 + 38);
    expect(codes.every((c) => /^620103004001\d{3}$/.test(c))).toBe(true);
  });

  it('refuses a micro-grid whose kind differs from its grid, a bad code and a foreign code, writing nothing', async () => {
    const result = await h.as('dev-staff-wujiayuan').call('grid', 'importBoundaries', {
      communityId: C,
      text: file([
        [{ level: 'grid', grid: '第十网格', kind: 'community' }, rect(103.7, 36.0, 103.72, 36.01)],
        [{ grid: '第十网格', microGrid: '1号微网格', kind: '专属网格' }, rect(103.7, 36.0, 103.71, 36.01)],
        [{ grid: '第十网格', microGrid: '2号微网格', code: '6201030040' }, rect(103.71, 36.0, 103.72, 36.01)],
        [
          { grid: '第十网格', microGrid: '3号微网格', 编码: '620102018001099' },
          rect(103.71, 36.0, 103.72, 36.01),
        ],
      ]),
    });
    expect(result.ok).toBe(false);
    const rows = result.ok
      ? []
      : (result.error.details as { rows: Array<{ row: number; reasons: string[] }> }).rows;
    expect(rows.map((r) => [r.row, r.reasons.join('')])).toEqual([
      [
        2,
        '（第十网格-1号微网格）微网格的类型 “专属网格” 与所属网格不一致：类型只写在网格上，微网格随所属网格',
      ],
      [3, '（第十网格-2号微网格）编码 “6201030040” 应为 15 位数字（GB/T 30428.1 单元网格编码）'],
      [4, '（第十网格-3号微网格）编码 620102018001099 不属于本社区（本社区的编码以 620103004001 开头）'],
    ]);
    expect(await h.deps.store.count('grids', { communityId: C, name: '第十网格' })).toBe(0);
  });

  it('accepts a micro-grid kind that matches its grid', async () => {
    const summary = await h.as('dev-staff-wujiayuan').ok('grid', 'importBoundaries', {
      communityId: C,
      text: file([
        [
          { level: 'grid', grid: '第十网格', kind: 'community', code: '620103004001090' },
          rect(103.7, 36.0, 103.72, 36.01),
        ],
        [
          { grid: '第十网格', microGrid: '1号微网格', kind: 'community', code: '620103004001091' },
          rect(103.7, 36.0, 103.71, 36.01),
        ],
      ]),
    });
    expect(summary).toMatchObject({ created: 2 });
    const [mg] = await h.deps.store.find('microGrids', { where: { code: '620103004001091' } });
    expect(mg?.name).toBe('1号微网格');
  });
});
