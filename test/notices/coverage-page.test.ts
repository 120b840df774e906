/** @jest-environment jsdom */
/** The staff coverage page rendered with miniprogram-simulate: totals, grids opening to micro-grids, export. */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type { CoverageCounts, CoverageView } from '../../typings/notice';

const wxMock = {
  showToast: jest.fn(),
  stopPullDownRefresh: jest.fn(),
  downloadFile: jest.fn((o: { success(r: { tempFilePath: string }): void }) =>
    o.success({ tempFilePath: '/tmp/c.xlsx' }),
  ),
  openDocument: jest.fn(),
};
(globalThis as unknown as { wx: object }).wx = wxMock;

const api = {
  noticeCoverage: jest.fn<Promise<CoverageView>, [string]>(),
  exportCoverage: jest.fn<Promise<{ fileId: string; url: string; name: string }>, [string]>(),
};
jest.mock('../../miniprogram/services/notice', () => ({
  noticeCoverage: (id: string) => api.noticeCoverage(id),
  exportCoverage: (id: string) => api.exportCoverage(id),
}));

type Simulate = typeof SimulateModule;
let simulate: Simulate;
type Comp = ReturnType<Simulate['render']>;

const counts = (households: number, reached: number, over: Partial<CoverageCounts> = {}): CoverageCounts => ({
  households,
  reached,
  byReceipt: reached,
  byVisit: 0,
  confirmedResidents: reached,
  nobodyHome: 0,
  visits: 0,
  ...over,
});

const view: CoverageView = {
  noticeId: 'ntc_1',
  title: '城乡居民医保缴费提醒',
  state: 'published',
  publishedAt: '2026-06-20T09:00:00+08:00',
  community: counts(186, 93, { byReceipt: 80, byVisit: 13, confirmedResidents: 101, nobodyHome: 4 }),
  grids: [
    {
      gridId: 'g1',
      name: '第一网格',
      ...counts(101, 50),
      microGrids: [
        { microGridId: 'mg1', name: '第一网格-1号微网格', ...counts(51, 30) },
        { microGridId: 'mg2', name: '第一网格-2号微网格', ...counts(50, 20) },
      ],
    },
    {
      gridId: 'g2',
      name: '第二网格',
      ...counts(85, 43),
      microGrids: [{ microGridId: 'mg3', name: '第二网格-1号微网格', ...counts(85, 43) }],
    },
  ],
  trend: [
    { hour: '2026-06-20T09:00:00+08:00', reached: 60, cumulative: 60 },
    { hour: '2026-06-20T10:00:00+08:00', reached: 33, cumulative: 93 },
  ],
};

async function renderPage(): Promise<Comp> {
  api.noticeCoverage.mockResolvedValue(view);
  const id = simulate.load(join(__dirname, '../../miniprogram/packages/staff/pages/notice-coverage/index'));
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  (comp.instance as unknown as { onLoad(q: object): void }).onLoad({ noticeId: 'ntc_1' });
  await simulate.sleep(0);
  return comp;
}

const texts = (comp: Comp, selector: string) =>
  comp.querySelectorAll(selector).map((el) => el.dom!.textContent?.trim());

describe('the coverage page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    simulate = require('miniprogram-simulate') as Simulate;
  });

  test('shows the community total, each grid, and the hourly trend', async () => {
    const comp = await renderPage();

    expect(texts(comp, '.total-rate')).toEqual(['50.0%']);
    expect(texts(comp, '.reached')).toEqual(['已覆盖 93 / 186 户']);
    expect(comp.querySelector('.figures')!.dom!.textContent).toContain('无人在家待复访 4 户');
    expect(texts(comp, '.grid-row .count')).toEqual(['50/101', '43/85']);
    expect(comp.querySelectorAll('.micro-row')).toHaveLength(0);
    expect(texts(comp, '.bar-label')).toEqual(['09:00', '10:00']);
  });

  test('tapping a grid opens its micro-grids', async () => {
    const comp = await renderPage();

    comp.querySelector('#grid-0')!.dispatchEvent('tap');
    await simulate.sleep(0);

    expect(texts(comp, '.micro-row .name')).toEqual(['第一网格-1号微网格', '第一网格-2号微网格']);
    expect(texts(comp, '.micro-row .rate')).toEqual(['58.8%', '40.0%']);
  });

  test('导出 Excel downloads the workbook and opens it', async () => {
    api.exportCoverage.mockResolvedValue({
      fileId: 'f1',
      url: 'http://127.0.0.1/files/f1',
      name: '覆盖.xlsx',
    });
    const comp = await renderPage();

    comp.querySelector('.export')!.dispatchEvent('tap');
    await simulate.sleep(0);

    expect(api.exportCoverage).toHaveBeenCalledWith('ntc_1');
    expect(wxMock.openDocument).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: '/tmp/c.xlsx', fileType: 'xlsx' }),
    );
  });
});
