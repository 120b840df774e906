/** @jest-environment jsdom */
/** 住户与成员 rendered with miniprogram-simulate: building → households, each opening its members page. */
import { api, freshSimulate, render, tapEl, text, titles, wxMock } from './household-pages-world';

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

    freshSimulate();
    api.householdBuildings.mockResolvedValue([]);
    const none = await render('packages/staff/pages/households/index', { communityId: 'c1' });
    expect(text(none, '.empty')).toEqual(['还没有楼栋：请先导入楼栋台账和住户台账']);
  });
});
