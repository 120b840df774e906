/** @jest-environment jsdom */
/** 住户与成员 rendered with miniprogram-simulate: building → households, each opening its members page. */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type {
  BuildingHouseholdView,
  CodeBuildingView,
  HouseholdMemberView,
  OnboardingPolicy,
} from '../../typings/user';
import { tdesignStubs } from '../support/tdesign-stubs';

let confirmAnswer = true;
const wxMock = {
  navigateTo: jest.fn(),
  showModal: jest.fn((o: { content: string; success?(r: { confirm: boolean; cancel: boolean }): void }) =>
    o.success?.({ confirm: confirmAnswer, cancel: !confirmAnswer }),
  ),
};
(globalThis as unknown as { wx: object }).wx = wxMock;

const api = {
  householdBuildings: jest.fn<Promise<CodeBuildingView[]>, [string]>(),
  buildingHouseholds: jest.fn<Promise<BuildingHouseholdView[]>, [string, string]>(),
  householdMembers: jest.fn<Promise<HouseholdMemberView[]>, [string, string]>(),
  removeHouseholdMember: jest.fn<Promise<HouseholdMemberView[]>, [string, string, string]>(),
  onboardingPolicy: jest.fn<Promise<OnboardingPolicy>, [string]>(),
  setOnboardingPolicy: jest.fn<Promise<OnboardingPolicy>, [string, OnboardingPolicy]>(),
};
jest.mock('../../miniprogram/services/household-codes', () => ({
  householdBuildings: (c: string) => api.householdBuildings(c),
}));
jest.mock('../../miniprogram/services/households', () => ({
  buildingHouseholds: (c: string, b: string) => api.buildingHouseholds(c, b),
  householdMembers: (c: string, h: string) => api.householdMembers(c, h),
  removeHouseholdMember: (c: string, h: string, u: string) => api.removeHouseholdMember(c, h, u),
  onboardingPolicy: (c: string) => api.onboardingPolicy(c),
  setOnboardingPolicy: (c: string, p: OnboardingPolicy) => api.setOnboardingPolicy(c, p),
}));

type Simulate = typeof SimulateModule;
let simulate: Simulate;
type Comp = ReturnType<Simulate['render']>;

const text = (comp: Comp, selector: string) =>
  comp.querySelectorAll(selector).map((el) => el.dom!.textContent?.replace(/\s+/g, ' ').trim());
const titles = (comp: Comp, selector: string) =>
  comp.querySelectorAll(selector).map((el) => el.dom!.querySelector('.t-cell__title')?.textContent?.trim());

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await simulate.sleep(0);
}

async function render(page: string, query: Record<string, string>): Promise<Comp> {
  const id = simulate.load(join(__dirname, '../../miniprogram', page), {
    usingComponents: tdesignStubs(simulate),
  });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  void (comp.instance as unknown as { onLoad(q: object): Promise<void> }).onLoad(query);
  await settle();
  return comp;
}

async function tapEl(comp: Comp, selector: string): Promise<void> {
  const el = comp.querySelector(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  el.dispatchEvent('tap');
  await settle();
}

beforeEach(() => {
  jest.clearAllMocks();
  jest.resetModules();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
  simulate = require('miniprogram-simulate') as Simulate;
  confirmAnswer = true;
});

describe('住户与成员', () => {
  test('a building opens its households with their members counted; a household opens its members page', async () => {
    api.householdBuildings.mockResolvedValue([
      { buildingId: 'b3', label: '吴家园西区 3号楼', households: 2, withCode: 1 },
    ]);
    api.buildingHouseholds.mockResolvedValue([
      { householdId: 'h1', address: '吴家园西区 3号楼 1单元 501', unit: '1单元', room: '501', members: 0 },
      { householdId: 'h2', address: '吴家园西区 3号楼 1单元 502', unit: '1单元', room: '502', members: 2 },
    ]);
    const comp = await render('packages/staff/pages/households/index', { communityId: 'c1' });
    expect(titles(comp, '.building')).toEqual(['吴家园西区 3号楼']);

    await tapEl(comp, '#building-0');
    expect(api.buildingHouseholds).toHaveBeenCalledWith('c1', 'b3');
    expect(titles(comp, '.household')).toEqual(['1单元 501', '1单元 502']);
    expect(
      comp.querySelectorAll('.household').map((el) => el.dom!.querySelector('.t-cell__note')?.textContent),
    ).toEqual(['无人绑定', '2 人']);

    await tapEl(comp, '#household-1');
    expect(wxMock.navigateTo).toHaveBeenCalledWith({
      url: `/packages/staff/pages/household-members/index?communityId=c1&householdId=h2&address=${encodeURIComponent('吴家园西区 3号楼 1单元 502')}`,
    });
    await tapEl(comp, '.policy');
    expect(wxMock.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/staff/pages/onboarding-policy/index?communityId=c1',
    });
  });

  test('while loading no empty line shows; a community with no buildings says what to import', async () => {
    api.householdBuildings.mockReturnValue(new Promise(() => undefined));
    const pending = await render('packages/staff/pages/households/index', { communityId: 'c1' });
    expect(text(pending, '.loading')).toEqual(['加载中…']);
    expect(pending.querySelectorAll('.empty')).toHaveLength(0);

    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh simulate per render
    simulate = require('miniprogram-simulate') as Simulate;
    api.householdBuildings.mockResolvedValue([]);
    const none = await render('packages/staff/pages/households/index', { communityId: 'c1' });
    expect(text(none, '.empty')).toEqual(['还没有楼栋：请先导入楼栋台账和住户台账']);
  });
});
