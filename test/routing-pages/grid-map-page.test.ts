/** @jest-environment jsdom */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type { GridMapView, RouteAnswer } from '../../typings/grid';

const wxMock = { setNavigationBarTitle: jest.fn() };
(globalThis as unknown as { wx: typeof wxMock }).wx = wxMock;

const api = {
  getGridMap: jest.fn<Promise<GridMapView>, [string]>(),
  routePoint: jest.fn<Promise<RouteAnswer>, [string, { lat: number; lng: number }, string]>(),
};
jest.mock('../../miniprogram/services/grid', () => ({
  getGridMap: (c: string) => api.getGridMap(c),
  routePoint: (c: string, p: { lat: number; lng: number }, cat: string) => api.routePoint(c, p, cat),
}));

type Simulate = typeof SimulateModule;
let simulate: Simulate;
type Comp = ReturnType<Simulate['render']>;

const ring = (x: number, y: number) => [
  [x, y],
  [x + 0.01, y],
  [x + 0.01, y + 0.01],
  [x, y + 0.01],
  [x, y],
];
const view: GridMapView = {
  communityId: 'c1',
  name: '吴家园社区',
  center: { lat: 36.05, lng: 103.77 },
  nearMissMetres: 50,
  grids: [
    {
      gridId: 'g1',
      name: '第一网格',
      kind: 'community',
      unitName: null,
      sort: 1,
      boundary: { type: 'Polygon', coordinates: [ring(103.77, 36.05)] },
    },
    {
      gridId: 'g2',
      name: '吴家园小学专属网格',
      kind: 'exclusive',
      unitName: '吴家园小学',
      sort: 10,
      boundary: null,
    },
  ],
  microGrids: [
    {
      microGridId: 'm1',
      gridId: 'g1',
      name: '1号微网格',
      label: '第一网格-1号微网格',
      sort: 1,
      boundary: { type: 'Polygon', coordinates: [ring(103.77, 36.05)] },
    },
    {
      microGridId: 'm2',
      gridId: 'g2',
      name: '1号微网格',
      label: '吴家园小学-1号微网格',
      sort: 1,
      boundary: { type: 'MultiPolygon', coordinates: [[ring(103.8, 36.05)], [ring(103.82, 36.05)]] },
    },
  ],
};

async function renderPage(): Promise<Comp> {
  api.getGridMap.mockResolvedValue(view);
  const id = simulate.load(join(__dirname, '../../miniprogram/packages/staff/pages/grid-map/index'));
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  (comp.instance as unknown as { onLoad(q: object): void }).onLoad({ communityId: 'c1' });
  await simulate.sleep(0);
  return comp;
}

const text = (comp: Comp, selector: string) => comp.querySelector(selector)?.dom?.textContent?.trim();

describe('the staff grid map page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    simulate = require('miniprogram-simulate') as Simulate;
  });

  test('draws every grid and micro-grid polygon, each part of a MultiPolygon, and names the micro-grids', async () => {
    const comp = await renderPage();
    const data = comp.instance.data as unknown as {
      polygons: unknown[];
      markers: Array<{ label: { content: string } }>;
      latitude: number;
    };
    expect(api.getGridMap).toHaveBeenCalledWith('c1');
    expect(data.polygons).toHaveLength(4);
    expect(data.markers.map((m) => m.label.content)).toEqual(['第一网格-1号微网格', '吴家园小学-1号微网格']);
    expect(data.latitude).toBe(36.05);
    expect(wxMock.setNavigationBarTitle).toHaveBeenCalledWith({ title: '吴家园社区 网格地图' });
    expect(text(comp, '.hint')).toBe('点击地图任意位置，查看该处的问题会派给谁');
  });

  test('a tap on the map routes that point and shows where it goes, to whom and why', async () => {
    api.routePoint.mockResolvedValue({
      rule: 'exclusiveGeofence',
      reason: '坐标位于专属网格 吴家园小学，专属网格优先',
      communityId: 'c1',
      grid: { gridId: 'g2', name: '吴家园小学专属网格' },
      microGrid: { microGridId: 'm2', label: '吴家园小学-1号微网格' },
      assignee: { userId: 'u1', name: '张丽' },
      nobodyToAssign: false,
      alsoNotify: [],
      urgent: false,
      assignmentReason: '由在岗的主责网格员处理',
    });
    const comp = await renderPage();
    comp
      .querySelector('#grid-map')!
      .dispatchEvent('tap', { detail: { latitude: 36.055, longitude: 103.805 } });
    await simulate.sleep(0);
    expect(api.routePoint).toHaveBeenCalledWith('c1', { lat: 36.055, lng: 103.805 }, 'other');
    expect(text(comp, '.place')).toBe('吴家园小学-1号微网格');
    expect(text(comp, '.assignee')).toBe('处理人：张丽');
    expect(text(comp, '.rule')).toBe('专属网格优先');
    expect(text(comp, '.reason')).toBe('坐标位于专属网格 吴家园小学，专属网格优先');
  });

  test('a point that goes to the duty queue says so', async () => {
    api.routePoint.mockResolvedValue({
      rule: 'dutyQueue',
      reason: '无法定位，转社区值班台',
      communityId: 'c1',
      grid: null,
      microGrid: null,
      assignee: null,
      nobodyToAssign: true,
      alsoNotify: [],
      urgent: false,
      assignmentReason: '转社区值班台',
    });
    const comp = await renderPage();
    comp.querySelector('#grid-map')!.dispatchEvent('tap', { detail: { latitude: 30, longitude: 100 } });
    await simulate.sleep(0);
    expect(text(comp, '.place')).toBe('未定位到微网格');
    expect(text(comp, '.assignee')).toBe('处理人：暂无处理人，转社区值班台');
    expect(text(comp, '.reason')).toBe('无法定位，转社区值班台');
  });
});
