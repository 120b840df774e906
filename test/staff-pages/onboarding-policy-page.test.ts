/** @jest-environment jsdom */
/** 入户规则 rendered with miniprogram-simulate: changing how household codes bind, and saving it. */
import { api, render, settle, tapEl, text } from './household-pages-world';

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
