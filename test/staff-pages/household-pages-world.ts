/**
 * The household pages' test world (住户与成员, 住户成员, 入户规则): wx with a confirmation whose answer a test
 * sets, the household services replaced by mocks, and render / tap helpers. One page per test file: j-component
 * crashed rendering three different pages with TDesign stand-ins in one file.
 */
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
/** The answer the next 确认 dialog gives. */
export function answerConfirm(answer: boolean): void {
  confirmAnswer = answer;
}
export const wxMock = {
  navigateTo: jest.fn(),
  showModal: jest.fn((o: { content: string; success?(r: { confirm: boolean; cancel: boolean }): void }) =>
    o.success?.({ confirm: confirmAnswer, cancel: !confirmAnswer }),
  ),
};
(globalThis as unknown as { wx: object }).wx = wxMock;

export const api = {
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
export type Comp = ReturnType<Simulate['render']>;

export const text = (comp: Comp, selector: string) =>
  comp.querySelectorAll(selector).map((el) => el.dom!.textContent?.replace(/\s+/g, ' ').trim());
export const titles = (comp: Comp, selector: string) =>
  comp.querySelectorAll(selector).map((el) => el.dom!.querySelector('.t-cell__title')?.textContent?.trim());

export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await simulate.sleep(0);
}

export async function render(page: string, query: Record<string, string>): Promise<Comp> {
  const id = simulate.load(join(__dirname, '../../miniprogram', page), {
    usingComponents: tdesignStubs(simulate),
  });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  void (comp.instance as unknown as { onLoad(q: object): Promise<void> }).onLoad(query);
  await settle();
  return comp;
}

export async function tapEl(comp: Comp, selector: string): Promise<void> {
  const el = comp.querySelector(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  el.dispatchEvent('tap');
  await settle();
}

/** A fresh simulate for a second render in one test (its module registry reset, as before each test). */
export function freshSimulate(): void {
  jest.resetModules();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
  simulate = require('miniprogram-simulate') as Simulate;
}

beforeEach(() => {
  jest.clearAllMocks();
  jest.resetModules();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
  simulate = require('miniprogram-simulate') as Simulate;
  confirmAnswer = true;
});
