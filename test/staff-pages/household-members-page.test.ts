/** @jest-environment jsdom */
/** 住户成员 rendered with miniprogram-simulate: a household's members, removing one after a confirmation. */
import { answerConfirm, api, render, tapEl, text, wxMock } from './household-pages-world';

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

    answerConfirm(false);
    await tapEl(comp, '#member-1 .remove');
    expect(wxMock.showModal.mock.calls[0]![0].content).toContain('李女儿 移出 吴家园西区 3号楼 1单元 502');
    expect(api.removeHouseholdMember).not.toHaveBeenCalled();

    answerConfirm(true);
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
