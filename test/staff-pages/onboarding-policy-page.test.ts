/** @jest-environment jsdom */
/** 入户规则 rendered with miniprogram-simulate: changing how household codes bind, and saving it. */
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

describe('入户规则', () => {
  test('switching to 一户多人 with 4 members and no approval saves that policy; save is off until a change', async () => {
    api.onboardingPolicy.mockResolvedValue({ mode: 'singleUse', memberLimit: 3, approval: true });
    api.setOnboardingPolicy.mockImplementation(async (_c, p) => p);
    const comp = await render('packages/staff/pages/onboarding-policy/index', { communityId: 'c1' });
    expect(text(comp, '.mode-title')).toEqual(['● 一码一人', '○ 一户多人', '☑ 需微网格员审核']);
    expect(comp.querySelectorAll('.limit')).toHaveLength(0);
    await tapEl(comp, '.save');
    expect(api.setOnboardingPolicy).not.toHaveBeenCalled();

    await tapEl(comp, '.mode-memberLimit');
    await tapEl(comp, '.more');
    await tapEl(comp, '.approval');
    expect(text(comp, '.limit-value')).toEqual(['4 人']);
    await tapEl(comp, '.save');
    expect(api.setOnboardingPolicy).toHaveBeenCalledWith('c1', {
      mode: 'memberLimit',
      memberLimit: 4,
      approval: false,
    });
    expect(text(comp, '.saved')).toEqual(['已保存，新的规则对之后的绑定生效']);
  });

  test('the member limit stays within 1 to 20, and a refused save shows why', async () => {
    api.onboardingPolicy.mockResolvedValue({ mode: 'memberLimit', memberLimit: 1, approval: false });
    api.setOnboardingPolicy.mockRejectedValue(new Error('网络不给力，请稍后重试'));
    const comp = await render('packages/staff/pages/onboarding-policy/index', { communityId: 'c1' });
    await tapEl(comp, '.less');
    expect(text(comp, '.limit-value')).toEqual(['1 人']);
    for (let i = 0; i < 25; i++) (comp.instance as unknown as { onMoreTap(): void }).onMoreTap();
    await settle();
    expect(text(comp, '.limit-value')).toEqual(['20 人']);
    await tapEl(comp, '.save');
    expect(text(comp, '.error')).toEqual(['网络不给力，请稍后重试']);
  });
});
