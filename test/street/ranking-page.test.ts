/** @jest-environment jsdom */
/**
 * The street office's ranking page (packages/street/pages/ranking) rendered with miniprogram-simulate: the
 * communities in the order the answer ranks them, one rate at a time, the period, and the drill-down into a
 * community's figures and workbench.
 */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type {
  FigureCounts,
  RankedFigureId,
  StreetFigureRow,
  StreetFiguresRequest,
  StreetFiguresView,
} from '../../typings/figures';
import { emptyCounts, valuesOf } from '../../server/core/figures/definitions';
import { rankedRates, ranksBy } from '../../server/core/street/figures';
import { tdesignStubs } from '../support/tdesign-stubs';

const wxMock = { navigateTo: jest.fn(), stopPullDownRefresh: jest.fn(), showToast: jest.fn() };
(globalThis as unknown as { wx: object }).wx = wxMock;

const api = { streetFigures: jest.fn<Promise<StreetFiguresView>, [StreetFiguresRequest]>() };
jest.mock('../../miniprogram/services/street', () => ({
  streetFigures: (req: StreetFiguresRequest) => api.streetFigures(req),
}));

type Simulate = typeof SimulateModule;
type Comp = ReturnType<Simulate['render']>;
let simulate: Simulate;

const LABELS: Record<RankedFigureId, string> = {
  responseRate: '响应率',
  resolutionRate: '解决率',
  onTimeCloseRate: '按期办结率',
  satisfactionRate: '满意率',
  reworkRate: '返工率',
  extensionRate: '延期率',
};

function rowOf(communityId: string, name: string, over: Partial<FigureCounts>): StreetFigureRow {
  const counts = { ...emptyCounts(), ...over };
  return { communityId, name, counts, values: valuesOf(counts), ranks: {} as StreetFigureRow['ranks'] };
}

/** The answer the action would give for these rows, ranked by `rankBy` with the core's own ranking. */
function answer(req: StreetFiguresRequest): StreetFiguresView {
  const rows = [
    rowOf('c_a', '吴家园社区', {
      received: 10,
      signedOnTime: 9,
      closed: 8,
      rated: 4,
      satisfied: 4,
      reopened: 1,
      everResolved: 8,
    }),
    rowOf('c_b', '兰新社区', {
      received: 4,
      signedOnTime: 4,
      closed: 2,
      rated: 2,
      satisfied: 1,
      everResolved: 2,
    }),
  ];
  for (const rate of rankedRates) {
    const ranks = ranksBy(rows, rate);
    for (const r of rows) r.ranks[rate.id] = ranks.get(r.communityId)!;
  }
  const rankBy = req.rankBy ?? 'responseRate';
  rows.sort((a, b) => (a.ranks[rankBy] ?? 99) - (b.ranks[rankBy] ?? 99));
  return {
    streetId: 's_jianlanlu',
    name: '建兰路街道',
    months: [req.fromMonth],
    rankBy,
    rates: rankedRates.map((r) => ({ ...r, label: LABELS[r.id] })),
    rows,
  };
}

async function render(): Promise<Comp> {
  api.streetFigures.mockImplementation(async (req) => answer(req));
  const id = simulate.load(join(__dirname, '../../miniprogram/packages/street/pages/ranking/index'), {
    usingComponents: tdesignStubs(simulate),
  });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  await (comp.instance as unknown as { onLoad(q: object): Promise<void> }).onLoad({
    streetId: 's_jianlanlu',
  });
  await simulate.sleep(0);
  return comp;
}

const texts = (comp: Comp, selector: string) =>
  comp.querySelectorAll(selector).map((el) => el.dom!.textContent?.trim());
async function tap(comp: Comp, selector: string) {
  comp.querySelector(selector)!.dispatchEvent('tap');
  await simulate.sleep(0);
  await simulate.sleep(0);
}

describe('the street ranking page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    simulate = require('miniprogram-simulate') as Simulate;
  });

  test('ranks by 响应率 first, this month, for the street named in the query', async () => {
    const comp = await render();
    expect(api.streetFigures).toHaveBeenCalledWith(
      expect.objectContaining({ streetId: 's_jianlanlu', rankBy: 'responseRate' }),
    );
    const req = api.streetFigures.mock.calls[0]![0];
    expect(req.fromMonth).toBe(req.toMonth);
    expect(texts(comp, '.street-name')).toEqual(['建兰路街道 · 社区考核排名']);
    expect(texts(comp, '.line .name')).toEqual(['兰新社区', '吴家园社区']);
    expect(texts(comp, '.line .rank')).toEqual(['1', '2']);
    expect(texts(comp, '.line .value')).toEqual(['100%', '90%']);
    expect(texts(comp, '.rate-note')).toEqual(['响应率越高越好']);
    expect(texts(comp, '.line .detail')[1]).toBe('受理 10 · 结案 8 · 满意率 100%');
  });

  test('返工率 ranks lowest first; 近12个月 asks for twelve months', async () => {
    const comp = await render();
    await tap(comp, '.rate-reworkRate');
    expect(api.streetFigures).toHaveBeenLastCalledWith(expect.objectContaining({ rankBy: 'reworkRate' }));
    expect(texts(comp, '.line .name')).toEqual(['兰新社区', '吴家园社区']);
    expect(texts(comp, '.line .value')).toEqual(['0%', '12.5%']);
    expect(texts(comp, '.rate-note')).toEqual(['返工率越低越好']);
    await tap(comp, '.period-2');
    const req = api.streetFigures.mock.calls.at(-1)![0];
    const months = (a: string) => Number(a.slice(0, 4)) * 12 + Number(a.slice(5, 7));
    expect(months(req.toMonth) - months(req.fromMonth)).toBe(11);
  });

  test('a tap on a community opens its figures or its workbench', async () => {
    const comp = await render();
    await tap(comp, '#line-1');
    expect(texts(comp, '.drill-title')).toEqual(['吴家园社区']);
    await tap(comp, '.open-figures');
    const req = api.streetFigures.mock.calls[0]![0];
    expect(wxMock.navigateTo).toHaveBeenCalledWith({
      url: `/packages/staff/pages/figures/index?communityId=c_a&month=${req.fromMonth}&toMonth=${req.toMonth}`,
    });
    await tap(comp, '.open-workbench');
    expect(wxMock.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/staff/pages/workbench/index?communityId=c_a',
    });
  });

  test("a refusal shows the server's Chinese message", async () => {
    api.streetFigures.mockRejectedValue({ code: 'STREET.NOT_FOUND', message: '您不是街道工作人员' });
    const id = simulate.load(join(__dirname, '../../miniprogram/packages/street/pages/ranking/index'), {
      usingComponents: tdesignStubs(simulate),
    });
    const comp = simulate.render(id);
    comp.attach(document.createElement('parent-wrapper'));
    await (comp.instance as unknown as { onLoad(q: object): Promise<void> }).onLoad({});
    expect(texts(comp, '.error')).toEqual(['您不是街道工作人员']);
  });
});
