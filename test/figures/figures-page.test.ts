/** @jest-environment jsdom */
/** The figures page rendered with miniprogram-simulate: headline figures, bars per breakdown and figure, export. */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type { FigureCounts, FigureRow, FiguresRequest, FiguresView } from '../../typings/figures';
import { emptyCounts, figureDefinitions, valuesOf } from '../../server/core/figures/definitions';

const wxMock = {
  showToast: jest.fn(),
  stopPullDownRefresh: jest.fn(),
  downloadFile: jest.fn((o: { success(r: { tempFilePath: string }): void }) =>
    o.success({ tempFilePath: '/tmp/f.xlsx' }),
  ),
  openDocument: jest.fn(),
};
(globalThis as unknown as { wx: object }).wx = wxMock;

const api = {
  figures: jest.fn<Promise<FiguresView>, [FiguresRequest]>(),
  exportFigures: jest.fn<Promise<{ fileId: string; url: string; name: string }>, [FiguresRequest]>(),
};
jest.mock('../../miniprogram/services/figures', () => ({
  figures: (req: FiguresRequest) => api.figures(req),
  exportFigures: (req: FiguresRequest) => api.exportFigures(req),
}));

type Simulate = typeof SimulateModule;
let simulate: Simulate;
type Comp = ReturnType<Simulate['render']>;

function row(key: string, label: string, over: Partial<FigureCounts>): FigureRow {
  const counts = { ...emptyCounts(), ...over };
  return { key, label, counts, values: valuesOf(counts) };
}

const view: FiguresView = {
  months: ['2026-06'],
  breakdowns: {
    community: [
      row('c_wujiayuan', '吴家园社区', { received: 8, signedOnTime: 6, resolved: 4, rated: 2, satisfied: 1 }),
    ],
    grid: [
      row('g1', '第一网格', { received: 4, signedOnTime: 4, resolved: 2 }),
      row('g2', '第二网格', { received: 4, signedOnTime: 2, resolved: 2 }),
    ],
    microGrid: [row('mg1', '第一网格-1号微网格', { received: 8, signedOnTime: 6 })],
    worker: [
      row('u1', '张丽', { received: 5, signedOnTime: 5 }),
      row('u2', '王强', { received: 3, signedOnTime: 1 }),
    ],
    category: [row('garbage', '垃圾堆放', { received: 8, signedOnTime: 6 })],
  },
  columns: figureDefinitions.map(({ id, label, unit }) => ({ id, label, unit })),
};

async function renderPage(
  query: Record<string, string> = { communityId: 'c_wujiayuan', month: '2026-06' },
): Promise<Comp> {
  api.figures.mockResolvedValue(view);
  const id = simulate.load(join(__dirname, '../../miniprogram/packages/staff/pages/figures/index'));
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  (comp.instance as unknown as { onLoad(q: object): void }).onLoad(query);
  await simulate.sleep(0);
  return comp;
}

const texts = (comp: Comp, selector: string) =>
  comp.querySelectorAll(selector).map((el) => el.dom!.textContent?.trim());
const widths = (comp: Comp) =>
  comp
    .querySelectorAll('.fill')
    .map((el) => (el.dom as HTMLElement).getAttribute('style')?.replace(/\s/g, ''));

describe('the figures page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    simulate = require('miniprogram-simulate') as Simulate;
  });

  test('shows the community headline and 响应率 as a bar per grid', async () => {
    const comp = await renderPage();

    expect(api.figures).toHaveBeenCalledWith({
      communityId: 'c_wujiayuan',
      fromMonth: '2026-06',
      toMonth: '2026-06',
    });
    expect(texts(comp, '#headline-received .value')).toEqual(['8']);
    expect(texts(comp, '#headline-responseRate .value')).toEqual(['75%']);
    expect(texts(comp, '#headline-satisfactionRate .value')).toEqual(['50%']);
    expect(texts(comp, '#headline-onTimeCloseRate .value')).toEqual(['—']);
    expect(texts(comp, '.bar-label')).toEqual(['第一网格', '第二网格']);
    expect(texts(comp, '.bar-value')).toEqual(['100%', '50%']);
    expect(widths(comp)).toEqual(['width:100%', 'width:50%']);
  });

  test('switching to workers and to 受理量 redraws the bars against the largest', async () => {
    const comp = await renderPage();

    comp.querySelector('#breakdown-worker')!.dispatchEvent('tap');
    comp.querySelector('#figure-received')!.dispatchEvent('tap');
    await simulate.sleep(0);

    expect(texts(comp, '.bar-label')).toEqual(['张丽', '王强']);
    expect(texts(comp, '.bar-value')).toEqual(['5', '3']);
    expect(widths(comp)).toEqual(['width:100%', 'width:60%']);
  });

  test('a leader opened on a grid asks for that grid and sees its micro-grids first', async () => {
    const comp = await renderPage({ communityId: 'c_wujiayuan', gridId: 'g1', month: '2026-06' });

    expect(api.figures).toHaveBeenCalledWith(expect.objectContaining({ gridId: 'g1' }));
    expect(texts(comp, '.bar-label')).toEqual(['第一网格-1号微网格']);
  });

  test('导出 Excel downloads the workbook and opens it', async () => {
    api.exportFigures.mockResolvedValue({
      fileId: 'f1',
      url: 'http://127.0.0.1/files/f1',
      name: '统计.xlsx',
    });
    const comp = await renderPage();

    comp.querySelector('.export')!.dispatchEvent('tap');
    await simulate.sleep(0);

    expect(api.exportFigures).toHaveBeenCalledWith(expect.objectContaining({ communityId: 'c_wujiayuan' }));
    expect(wxMock.openDocument).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: '/tmp/f.xlsx', fileType: 'xlsx' }),
    );
  });
});
