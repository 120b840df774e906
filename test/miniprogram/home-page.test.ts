/**
 * @jest-environment jsdom
 *
 * The home page rendered with miniprogram-simulate, its data loaded through the service layer from the
 * local cloud running in this test process (real handlers, real SQLite, the demo community).
 */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type * as TransportModule from '../../miniprogram/services/transport';
import { startHttpHarness, type HttpHarness } from '../support/http-harness';
import { tdesignStubs } from '../support/tdesign-stubs';
import { wxRequest } from '../support/wx-request-shim';

const wxMock = {
  request: jest.fn(wxRequest),
  showToast: jest.fn(),
  navigateTo: jest.fn(),
  stopPullDownRefresh: jest.fn(),
};
(globalThis as unknown as { wx: typeof wxMock }).wx = wxMock;

type Simulate = typeof SimulateModule;
type Comp = ReturnType<Simulate['render']>;

describe('home page against the local cloud', () => {
  let cloud: HttpHarness;
  let simulate: Simulate;

  beforeAll(async () => {
    cloud = await startHttpHarness();
  });
  afterAll(async () => cloud.close());

  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    simulate = require('miniprogram-simulate') as Simulate;
  });

  async function renderAs(openid: string): Promise<Comp> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the page's own module registry
    const transport = require('../../miniprogram/services/transport') as typeof TransportModule;
    transport.setTransport(transport.localTransport(cloud.baseUrl, openid));
    const id = simulate.load(join(__dirname, '../../miniprogram/pages/home/index'), {
      usingComponents: tdesignStubs(simulate),
    });
    const comp = simulate.render(id);
    comp.attach(document.createElement('parent-wrapper'));
    await (comp.instance as unknown as { onLoad(): Promise<void> }).onLoad();
    await simulate.sleep(0);
    return comp;
  }

  const text = (comp: Comp, selector: string) => comp.querySelector(selector)?.dom?.textContent?.trim() ?? '';
  const groupTitles = (comp: Comp) =>
    comp
      .querySelectorAll('.entries')
      .map((el) => el.dom!.querySelector('.t-cell-group__title')?.textContent?.trim())
      .filter((t): t is string => !!t);
  const entryTitles = (comp: Comp) =>
    comp.querySelectorAll('.entry').map((el) => el.dom!.querySelector('.t-cell__title')?.textContent?.trim());

  test('a staff member sees the staff entries and none of a resident', async () => {
    const comp = await renderAs('dev-staff-wujiayuan');
    expect(text(comp, '.name')).toBe('您好，康雪敏');
    expect(comp.querySelectorAll('.role-tag').map((t) => t.dom!.textContent?.trim())).toEqual([
      '社区工作人员',
    ]);
    // Fifteen entries, in groups: each group where its first entry comes, entries in order within it.
    expect(entryTitles(comp)).toEqual([
      '工单工作台',
      '值班台',
      '工单统计',
      '发布通知',
      '我的通知',
      '网格群',
      '网格地图',
      '网格力量',
      '导入网格图与台账',
      '住户与成员',
      '住户码',
      '住户申请',
      '排查模板与关怀人群',
      '排查进度',
      '工作日志台账',
    ]);
    expect(groupTitles(comp)).toEqual(['工单', '通知宣传', '网格', '住户', '排查走访']);
    expect(wxMock.request).toHaveBeenCalledWith(
      expect.objectContaining({ url: `${cloud.baseUrl}/fn/user`, data: { action: 'login' } }),
    );
  });

  test('a resident sees their household address and the resident entries', async () => {
    const comp = await renderAs('dev-resident-liu');
    expect(text(comp, '.name')).toBe('您好，刘女士');
    expect(text(comp, '.address')).toBe('六四一三小区 2号楼 1单元 701');
    expect(entryTitles(comp)).toEqual(['随手拍', '我的工单', '政策通知']);
    // One group needs no heading.
    expect(groupTitles(comp)).toEqual([]);
  });

  test('a staff entry opens its page on the staff member’s community', async () => {
    const comp = await renderAs('dev-staff-wujiayuan');
    comp.querySelector('#entry-grid-map')!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(wxMock.navigateTo).toHaveBeenCalledWith({
      url: '/packages/staff/pages/grid-map/index?communityId=c_wujiayuan',
    });
  });

  test('a street officer is told as 街道工作人员 and the home routes them to the street package', async () => {
    const comp = await renderAs('dev-street-jianlanlu');
    expect(comp.querySelectorAll('.role-tag').map((t) => t.dom!.textContent?.trim())).toEqual([
      '街道工作人员',
    ]);
    expect(entryTitles(comp)).toEqual(['社区考核排名', '街道社区', '街道工作人员']);
    expect(text(comp, '.hint')).toBe('');
    comp.querySelector('#entry-street-figures')!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(wxMock.navigateTo).toHaveBeenCalledWith({
      url: expect.stringMatching(/^\/packages\/street\/pages\/ranking\/index\?streetId=.+/),
    });
  });

  test('a tap on an entry opens its page', async () => {
    const comp = await renderAs('dev-resident-liu');
    comp.querySelector('#entry-notices')!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(wxMock.navigateTo).toHaveBeenCalledWith({ url: '/pages/notices/index' });
  });

  test('a newcomer with no role is told how to bind a household', async () => {
    const comp = await renderAs('wx-newcomer');
    expect(entryTitles(comp)).toEqual([]);
    expect(text(comp, '.hint')).toContain('还没有绑定住户');
  });

  test('a refused call shows the server’s Chinese message', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the page's own module registry
    const transport = require('../../miniprogram/services/transport') as typeof TransportModule;
    transport.setTransport({
      call: async () => ({ ok: false, error: { code: 'RATE.LIMITED', message: '操作太频繁，请稍后再试' } }),
    });
    const id = simulate.load(join(__dirname, '../../miniprogram/pages/home/index'), {
      usingComponents: tdesignStubs(simulate),
    });
    const comp = simulate.render(id);
    comp.attach(document.createElement('parent-wrapper'));
    await (comp.instance as unknown as { onLoad(): Promise<void> }).onLoad();
    expect(wxMock.showToast).toHaveBeenCalledWith({ title: '操作太频繁，请稍后再试', icon: 'none' });
  });
});
