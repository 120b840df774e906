import ExcelJS from 'exceljs';
import { createHarness, type Harness } from '../support/harness';
import { rect } from '../routing/fixture';

const C = 'c_wujiayuan';
const STAFF = 'dev-staff-wujiayuan';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

/** A new grid with two micro-grids south of the demo community, clear of its polygons. */
function newGridMap(): string {
  const feature = (properties: object, ring: number[][]) => ({
    type: 'Feature',
    properties,
    geometry: { type: 'Polygon', coordinates: [ring] },
  });
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      feature(
        { level: 'grid', grid: '第十网格', kind: 'community', sort: 20 },
        rect(103.7, 36.0, 103.72, 36.01),
      ),
      feature({ 网格: '第十网格', 微网格: '1号微网格', 排序: 1 }, rect(103.7, 36.0, 103.71, 36.01)),
      feature({ grid: '第十网格', microGrid: '2号微网格', sort: 2 }, rect(103.71, 36.0, 103.72, 36.01)),
    ],
  });
}

describe('importing boundaries', () => {
  it('creates grids and micro-grids that routing uses at once', async () => {
    const staff = h.as(STAFF);
    const summary = await staff.ok('grid', 'importBoundaries', { communityId: C, text: newGridMap() });
    expect(summary).toEqual({ kind: 'boundaries', created: 3, updated: 0, unchanged: 0 });
    const answer = await staff.ok('grid', 'route', {
      communityId: C,
      category: 'garbage',
      point: { lng: 103.715, lat: 36.005 },
    });
    // No members yet: the place is found (the rule says how), nobody to assign is its own field.
    expect(answer).toMatchObject({
      rule: 'geofence',
      nobodyToAssign: true,
      microGrid: { label: '第十网格-2号微网格' },
      assignee: null,
    });
    expect(answer.reason).toBe('坐标位于 第十网格-2号微网格；本网格暂无网格员和网格长，转社区值班台');
  });

  it('changes nothing when the same file is imported again', async () => {
    const staff = h.as(STAFF);
    await staff.ok('grid', 'importBoundaries', { communityId: C, text: newGridMap() });
    expect(await staff.ok('grid', 'importBoundaries', { communityId: C, text: newGridMap() })).toEqual({
      kind: 'boundaries',
      created: 0,
      updated: 0,
      unchanged: 3,
    });
  });

  it('refuses malformed GeoJSON feature by feature and writes nothing', async () => {
    const before = await h.deps.store.count('microGrids');
    const bad = JSON.parse(newGridMap());
    bad.features[1].geometry.coordinates[0].pop(); // unclosed
    bad.features[2].geometry.coordinates = [rect(36.0, 103.71, 36.01, 103.72)]; // lat/lng swapped
    const result = await h
      .as(STAFF)
      .call('grid', 'importBoundaries', { communityId: C, text: JSON.stringify(bad) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('IMPORT.INVALID');
    expect(result.error.details).toEqual({
      rows: [
        { row: 2, reasons: ['（第十网格-1号微网格）外环未闭合：最后一个点必须与第一个点相同'] },
        {
          row: 3,
          reasons: [
            '（第十网格-2号微网格）外环第 1 个点 [36, 103.71] 疑似经纬度颠倒：GeoJSON 的顺序是 [经度, 纬度]',
          ],
        },
      ],
    });
    expect(result.error.message).toContain('未写入任何数据');
    expect(await h.deps.store.count('microGrids')).toBe(before);
    expect(await h.deps.store.count('grids', { name: '第十网格' })).toBe(0);
  });

  it('is for staff of the community only', async () => {
    const result = await h
      .as('dev-resident-liu')
      .call('grid', 'importBoundaries', { communityId: C, text: newGridMap() });
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});

async function xlsx(rows: Array<Array<string | number>>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('楼栋');
  rows.forEach((r) => sheet.addRow(r));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('importing the ledger', () => {
  it('writes nothing from an Excel file with one bad row, and lists that row and why', async () => {
    const before = await h.deps.store.count('buildings');
    const bytes = await xlsx([
      ['小区', '楼栋', '网格', '微网格', '层数'],
      ['新建小区', '1号楼', '第一网格', '第一网格-1号微网格', 6],
      ['新建小区', '2号楼', '第一网格', '第九十九号微网格', 6],
      ['新建小区', '3号楼', '第一网格', '第一网格-2号微网格', 6],
    ]);
    const fileId = await h.deps.files.put(
      'uploads/test/buildings.xlsx',
      bytes,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const result = await h
      .as(STAFF)
      .call('grid', 'importLedger', { communityId: C, kind: 'buildings', format: 'xlsx', fileId });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'IMPORT.INVALID',
        details: { rows: [{ row: 3, reasons: ['微网格 “第九十九号微网格” 不在 第一网格 中'] }] },
      },
    });
    expect(await h.deps.store.count('buildings')).toBe(before);
    expect(await h.deps.store.count('estates', { name: '新建小区' })).toBe(0);
  });

  it('imports a good Excel file, and importing it again changes nothing', async () => {
    const bytes = await xlsx([
      ['小区', '楼栋', '网格', '微网格', '层数', '经度', '纬度'],
      ['新建小区', '1号楼', '第一网格', '第一网格-1号微网格', 6, 103.7751, 36.0618],
      ['新建小区', '2号楼', '第一网格', '第一网格-2号微网格', 6, '', ''],
    ]);
    const fileId = await h.deps.files.put('uploads/test/good.xlsx', bytes, 'application/octet-stream');
    const staff = h.as(STAFF);
    expect(
      await staff.ok('grid', 'importLedger', { communityId: C, kind: 'buildings', format: 'xlsx', fileId }),
    ).toEqual({
      kind: 'buildings',
      created: 3, // the estate and two buildings
      updated: 0,
      unchanged: 0,
    });
    expect(
      await staff.ok('grid', 'importLedger', { communityId: C, kind: 'buildings', format: 'xlsx', fileId }),
    ).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('gives back on export what import reads: re-importing an export changes nothing', async () => {
    const staff = h.as(STAFF);
    for (const kind of ['buildings', 'households'] as const) {
      const exported = await staff.ok('grid', 'export', { communityId: C, kind, format: 'csv' });
      expect(exported.text).not.toBeNull();
      const summary = await staff.ok('grid', 'importLedger', {
        communityId: C,
        kind,
        format: 'csv',
        text: exported.text ?? '',
      });
      expect(summary).toMatchObject({ created: 0, updated: 0 });
    }
    const xlsxExport = await staff.ok('grid', 'export', { communityId: C, kind: 'members', format: 'xlsx' });
    expect(xlsxExport.text).toBeNull();
    expect(
      await staff.ok('grid', 'importLedger', {
        communityId: C,
        kind: 'members',
        format: 'xlsx',
        fileId: xlsxExport.fileId,
      }),
    ).toMatchObject({
      created: 0,
      updated: 0,
    });
    const geo = await staff.ok('grid', 'export', { communityId: C, kind: 'boundaries' });
    expect(
      await staff.ok('grid', 'importBoundaries', { communityId: C, text: geo.text ?? '' }),
    ).toMatchObject({ created: 0, updated: 0, unchanged: 53 });
  });

  it('refuses a duplicate row; a phone that belongs to no user is no longer a bad row (it becomes an invite)', async () => {
    const csv = [
      '姓名,手机,职责,网格,微网格,是否主责',
      '新人,13000000000,网格员,第一网格,第一网格-1号微网格,是',
      '赵磊,13909310014,网格员,第二网格,第二网格-2号微网格,是',
      '赵磊,13909310014,网格员,第二网格,第二网格-2号微网格,否',
    ].join('\n');
    const result = await h
      .as(STAFF)
      .call('grid', 'importLedger', { communityId: C, kind: 'members', format: 'csv', text: csv });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'IMPORT.INVALID',
        details: {
          rows: [{ row: 4, reasons: ['与第 3 行重复'] }],
        },
      },
    });
  });

  it('invites a member who has never logged in; their first login with the code claims the place', async () => {
    const csv = [
      '姓名,手机,职责,网格,微网格,是否主责',
      '新人,13000000000,网格员,第一网格,第一网格-1号微网格,否',
    ].join('\n');
    const req = { communityId: C, kind: 'members' as const, format: 'csv' as const, text: csv };
    const summary = await h.as(STAFF).ok('grid', 'importLedger', req);
    expect(summary.invites).toHaveLength(1);
    expect(summary.invites![0]).toMatchObject({ name: '新人', duty: 'worker', phone: '130****0000' });
    // The same file again invites nobody twice.
    expect((await h.as(STAFF).ok('grid', 'importLedger', req)).invites).toEqual([]);
    const me = await h.as('wx-new-member').ok('user', 'login', { inviteCode: summary.invites![0]!.code });
    expect(me.roles).toEqual([expect.objectContaining({ role: 'worker', communityId: C })]);
    const roster = await h.as(STAFF).ok('grid', 'members', { communityId: C });
    expect(roster.grids.flatMap((g) => g.microGrids.flatMap((m) => m.workers)).map((w) => w.name)).toContain(
      '新人',
    );
  });

  it('says which columns are missing', async () => {
    const result = await h.as(STAFF).call('grid', 'importLedger', {
      communityId: C,
      kind: 'households',
      format: 'csv',
      text: '小区,楼栋\n吴家园东区,1号楼',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'IMPORT.INVALID', details: { rows: [{ row: 1, reasons: ['缺少列：单元、房号'] }] } },
    });
  });

  it('asks for a file when neither a file nor text is given', async () => {
    const result = await h
      .as(STAFF)
      .call('grid', 'importLedger', { communityId: C, kind: 'households', format: 'csv' });
    expect(result).toMatchObject({ ok: false, error: { code: 'IMPORT.NO_SOURCE' } });
  });
});
