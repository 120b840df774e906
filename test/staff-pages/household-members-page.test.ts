/** @jest-environment jsdom */
/** 住户成员 rendered with miniprogram-simulate: a household's members, removing one after a confirmation. */
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

describe('住户成员', () => {
  test('removing a member asks first, names them and the address, and shows who is left', async () => {
    api.householdMembers.mockResolvedValue([
      { userId: 'u1', name: '李叔叔', phone: '139****0001' },
      { userId: 'u2', name: '李女儿', phone: null },
    ]);
    api.removeHouseholdMember.mockResolvedValue([{ userId: 'u1', name: '李叔叔', phone: '139****0001' }]);
    const comp = await render('packages/staff/pages/household-members/index', {
      communityId: 'c1',
      householdId: 'h2',
      address: encodeURIComponent('吴家园西区 3号楼 1单元 502'),
    });
    expect(text(comp, '.address')).toEqual(['吴家园西区 3号楼 1单元 502']);
    expect(text(comp, '.name')).toEqual(['李叔叔', '李女儿']);
    expect(text(comp, '.phone')).toEqual(['139****0001', '未留手机号']);

    confirmAnswer = false;
    await tapEl(comp, '#member-1 .remove');
    expect(wxMock.showModal.mock.calls[0]![0].content).toContain('李女儿 移出 吴家园西区 3号楼 1单元 502');
    expect(api.removeHouseholdMember).not.toHaveBeenCalled();

    confirmAnswer = true;
    await tapEl(comp, '#member-1 .remove');
    expect(api.removeHouseholdMember).toHaveBeenCalledWith('c1', 'h2', 'u2');
    expect(text(comp, '.name')).toEqual(['李叔叔']);
    expect(text(comp, '.done')).toEqual(['已将 李女儿 移出']);
  });

  test('a household nobody has bound says how residents bind it', async () => {
    api.householdMembers.mockResolvedValue([]);
    const comp = await render('packages/staff/pages/household-members/index', {
      communityId: 'c1',
      householdId: 'h1',
      address: '',
    });
    expect(text(comp, '.empty')).toEqual(['还没有人绑定这户：居民扫描该户的住户码即可绑定']);
  });
});
