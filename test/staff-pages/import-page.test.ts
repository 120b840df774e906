/** @jest-environment jsdom */
/**
 * 导入网格图与台账 rendered with miniprogram-simulate: pick a file, see what it changes, confirm; bad rows listed;
 * a retirement that cannot happen offers no confirmation.
 */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type { ImportSummary, MapReplacePlan } from '../../typings/grid';
import type * as ApiModule from '../../miniprogram/services/api';
import { tdesignStubs } from '../support/tdesign-stubs';

const wxMock = { showToast: jest.fn(), navigateTo: jest.fn() };
(globalThis as unknown as { wx: object }).wx = wxMock;

const api = {
  replaceMap: jest.fn<Promise<MapReplacePlan>, [string, string, boolean, string]>(),
  importLedger: jest.fn<Promise<ImportSummary>, [string, string, string, string, boolean]>(),
  chooseDataFile: jest.fn<Promise<{ path: string; name: string } | null>, [string[]]>(),
  uploadFile: jest.fn<Promise<string>, [string, string, string]>(),
};
jest.mock('../../miniprogram/services/grid', () => ({
  replaceMap: (...a: [string, string, boolean, string]) => api.replaceMap(...a),
  importLedger: (...a: [string, string, string, string, boolean]) => api.importLedger(...a),
}));
jest.mock('../../miniprogram/services/upload', () => ({
  ...jest.requireActual('../../miniprogram/services/upload'),
  chooseDataFile: (e: string[]) => api.chooseDataFile(e),
  uploadFile: (p: string, f: string, n: string) => api.uploadFile(p, f, n),
}));

type Simulate = typeof SimulateModule;
let simulate: Simulate;
type Comp = ReturnType<Simulate['render']>;

const plan = (over: Partial<MapReplacePlan> = {}): MapReplacePlan => ({
  applied: false,
  create: [{ level: 'grid', id: 'g10', label: '第十网格', code: null }],
  update: [{ level: 'microGrid', id: 'm1', label: '第一网格-1号微网格', code: null }],
  retire: [],
  unchanged: 50,
  ...over,
});

const text = (comp: Comp, selector: string) =>
  comp.querySelectorAll(selector).map((el) => el.dom!.textContent?.replace(/\s+/g, ' ').trim());

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await simulate.sleep(0);
}

async function renderPage(query: Record<string, string> = { communityId: 'c1' }): Promise<Comp> {
  const id = simulate.load(join(__dirname, '../../miniprogram/packages/staff/pages/import/index'), {
    usingComponents: tdesignStubs(simulate),
  });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  (comp.instance as unknown as { onLoad(q: object): void }).onLoad(query);
  await simulate.sleep(0);
  return comp;
}

async function tapEl(comp: Comp, selector: string): Promise<void> {
  const el = comp.querySelector(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  el.dispatchEvent('tap');
  await settle();
}

describe('the import page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    simulate = require('miniprogram-simulate') as Simulate;
    api.uploadFile.mockResolvedValue('cloud://imports/map.geojson');
  });

  test('a map file is uploaded once, previewed as added / updated / unchanged, and replaced only on confirm', async () => {
    api.chooseDataFile.mockResolvedValue({ path: 'wxfile://tmp/a', name: '吴家园网格.geojson' });
    api.replaceMap.mockImplementation(async (_c, _f, dryRun) => plan({ applied: !dryRun }));
    const comp = await renderPage();

    await tapEl(comp, '.choose');
    expect(api.chooseDataFile).toHaveBeenCalledWith(['geojson', 'json']);
    expect(api.uploadFile).toHaveBeenCalledWith('wxfile://tmp/a', 'imports', '吴家园网格.geojson');
    expect(api.replaceMap).toHaveBeenCalledWith('c1', 'cloud://imports/map.geojson', true, 'wgs84');
    expect(text(comp, '.preview-title')).toEqual(['新增 1 个', '更新 1 个', '不变 50 个']);
    expect(text(comp, '.preview-create .preview-item')).toEqual(['第十网格']);
    expect(api.replaceMap).toHaveBeenCalledTimes(1);

    await tapEl(comp, '.confirm');
    expect(api.replaceMap).toHaveBeenLastCalledWith('c1', 'cloud://imports/map.geojson', false, 'wgs84');
    expect(api.uploadFile).toHaveBeenCalledTimes(1);
    expect(text(comp, '.done')).toEqual(['网格图已替换：新增 1 个，更新 1 个，撤销 0 个']);
    expect(comp.querySelectorAll('.confirm')).toHaveLength(0);
  });

  test('a retirement that still holds buildings is explained and no confirmation is offered', async () => {
    api.chooseDataFile.mockResolvedValue({ path: 'wxfile://tmp/a', name: 'map.json' });
    api.replaceMap.mockResolvedValue(
      plan({
        retire: [
          { level: 'microGrid', id: 'm3', label: '第二网格-3号微网格', code: null, blockedBy: '3 个楼栋' },
        ],
      }),
    );
    const comp = await renderPage();
    await tapEl(comp, '.choose');
    expect(text(comp, '.preview-retire .preview-item')).toEqual(['第二网格-3号微网格 暂不能撤销：3 个楼栋']);
    expect(text(comp, '.blocked')[0]).toContain('有 1 个网格或微网格暂不能撤销');
    expect(comp.querySelectorAll('.confirm')).toHaveLength(0);
  });

  test('a members ledger previews its counts and invitees, and the confirmed import shows the codes once', async () => {
    api.chooseDataFile.mockResolvedValue({ path: 'wxfile://tmp/m', name: '网格力量.xlsx' });
    api.uploadFile.mockResolvedValue('cloud://imports/m.xlsx');
    api.importLedger.mockImplementation(async (_c, _k, _f, _id, dryRun) =>
      dryRun
        ? { kind: 'members', created: 2, updated: 1, unchanged: 40, toInvite: 1, dryRun: true }
        : {
            kind: 'members',
            created: 2,
            updated: 1,
            unchanged: 40,
            invites: [
              {
                inviteId: 'inv1',
                name: '新人',
                phone: '130****0000',
                duty: 'worker',
                role: null,
                gridId: 'g1',
                microGridId: 'm1',
                primary: false,
                createdAt: '2026-06-20T09:00:00+08:00',
                code: 'k7qm-2xvd-9fha',
              },
            ],
          },
    );
    const comp = await renderPage({ communityId: 'c1', kind: 'members' });
    await tapEl(comp, '.choose');
    expect(api.importLedger).toHaveBeenCalledWith('c1', 'members', 'xlsx', 'cloud://imports/m.xlsx', true);
    expect(text(comp, '.preview-title')).toEqual([
      '新增 2 条',
      '更新 1 条',
      '不变 40 条',
      '邀请 1 人（尚未登录过小程序，确认后发邀请码）',
    ]);
    await tapEl(comp, '.confirm');
    expect(text(comp, '.invite')).toEqual(['新人：k7qm-2xvd-9fha']);
  });

  test('bad rows are listed with their reasons and nothing can be confirmed', async () => {
    api.chooseDataFile.mockResolvedValue({ path: 'wxfile://tmp/h', name: '住户.csv' });
    api.importLedger.mockImplementation(async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the page's own module registry
      const { ApiCallError } = require('../../miniprogram/services/api') as typeof ApiModule;
      throw new ApiCallError({
        code: 'IMPORT.INVALID',
        message: '导入失败，未写入任何数据',
        details: { rows: [{ row: 3, reasons: ['房号 为空', '标签 “孤老” 不认识'] }] },
      });
    });
    const comp = await renderPage();
    await tapEl(comp, '.kind-households');
    await tapEl(comp, '.choose');
    expect(api.importLedger).toHaveBeenCalledWith(
      'c1',
      'households',
      'csv',
      'cloud://imports/map.geojson',
      true,
    );
    expect(text(comp, '.error')).toEqual(['导入失败，未写入任何数据']);
    expect(text(comp, '.problem')).toEqual(['第 3 行：房号 为空；标签 “孤老” 不认识']);
    expect(comp.querySelectorAll('.confirm')).toHaveLength(0);
  });

  test('backing out of the file picker says what kind of file is wanted', async () => {
    api.chooseDataFile.mockResolvedValue(null);
    const comp = await renderPage();
    await tapEl(comp, '.choose');
    expect(text(comp, '.error')).toEqual(['请从聊天中选择 geojson 或 json 文件']);
    expect(api.uploadFile).not.toHaveBeenCalled();
  });
});
