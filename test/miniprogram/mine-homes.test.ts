/** @jest-environment jsdom */
/** 我的 rendered with miniprogram-simulate: who I am, and 我的工作台 leading each role to its own page. */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type { Me, RoleGrant } from '../../typings/user';
import { tdesignStubs } from '../support/tdesign-stubs';

const wxMock = { navigateTo: jest.fn(), showToast: jest.fn() };
(globalThis as unknown as { wx: object }).wx = wxMock;

const api = { me: jest.fn<Promise<Me>, []>() };
jest.mock('../../miniprogram/services/user', () => ({ me: () => api.me() }));

type Simulate = typeof SimulateModule;
let simulate: Simulate;
type Comp = ReturnType<Simulate['render']>;

const meWith = (roles: RoleGrant[], streets: Me['streets'] = []): Me => ({
  userId: 'u1',
  name: '李秀兰',
  roles,
  streets,
  household: null,
  pendingBinding: null,
  createdAt: '2026-06-01T09:00:00+08:00',
});

async function renderMine(user: Me): Promise<Comp> {
  api.me.mockResolvedValue(user);
  const id = simulate.load(join(__dirname, '../../miniprogram/pages/mine/index'), {
    usingComponents: tdesignStubs(simulate),
  });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  await (comp.instance as unknown as { onShow(): Promise<void> }).onShow();
  await simulate.sleep(0);
  return comp;
}

const homeTitles = (comp: Comp) =>
  comp
    .querySelectorAll('.home-entry')
    .map((el) => el.dom!.querySelector('.t-cell__title')?.textContent?.trim());

describe('我的', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    simulate = require('miniprogram-simulate') as Simulate;
  });

  test('a leader who is also a resident gets the leader home, and a tap opens it on their community', async () => {
    const comp = await renderMine(
      meWith([
        { role: 'resident', communityId: 'c1' },
        { role: 'leader', communityId: 'c1', gridId: 'g2' },
      ]),
    );
    expect(homeTitles(comp)).toEqual(['网格长首页']);
    comp.querySelector('#home-leader-home')!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(wxMock.navigateTo).toHaveBeenCalledWith({
      url: '/packages/worker/pages/leader-home/index?communityId=c1',
    });
  });

  test('the secretary gets her home; a resident alone gets no 我的工作台', async () => {
    const secretary = await renderMine(meWith([{ role: 'secretary', communityId: 'c1' }]));
    expect(homeTitles(secretary)).toEqual(['书记首页']);
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh simulate per render
    simulate = require('miniprogram-simulate') as Simulate;
    const resident = await renderMine(meWith([{ role: 'resident', communityId: 'c1' }]));
    expect(resident.querySelectorAll('.homes')).toHaveLength(0);
  });

  test('a street officer gets the street ranking, opened on their street', async () => {
    const comp = await renderMine(
      meWith([], [{ role: 'street', streetId: 's_jianlanlu', name: '建兰路街道' }]),
    );
    expect(homeTitles(comp)).toEqual(['社区考核排名']);
    comp.querySelector('#home-street-figures')!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(wxMock.navigateTo).toHaveBeenCalledWith({
      url: '/packages/street/pages/ranking/index?streetId=s_jianlanlu',
    });
  });
});
