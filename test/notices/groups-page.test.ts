/** @jest-environment jsdom */
/** The staff 网格群 page rendered with miniprogram-simulate: bound groups per grid, shares, and moving a group. */
import type { GridGroupView } from '../../typings/notice';
import { freshSimulate, renderPage, tap, texts, type Comp, type Simulate } from '../support/simulate-page';

const wxMock = { showToast: jest.fn(), navigateTo: jest.fn(), stopPullDownRefresh: jest.fn() };
(globalThis as unknown as { wx: object }).wx = wxMock;

const api = {
  groups: jest.fn<Promise<GridGroupView[]>, [string]>(),
  fixGroup: jest.fn<Promise<GridGroupView[]>, [string, string | null]>(),
};
jest.mock('../../miniprogram/services/notice', () => ({
  groups: (communityId: string) => api.groups(communityId),
  fixGroup: (bindingId: string, gridId: string | null) => api.fixGroup(bindingId, gridId),
}));

let simulate: Simulate;

const group = {
  bindingId: 'gb_1',
  label: '群 A1B2',
  boundAt: '2026-06-20T10:05:00+08:00',
  boundBy: '赵磊',
  fixed: false,
  shares: [
    {
      noticeId: 'ntc_2',
      title: '防汛安全提示',
      firstOpenedAt: '2026-06-21T08:30:00+08:00',
      opens: 3,
    },
    {
      noticeId: 'ntc_1',
      title: '城乡居民医保缴费提醒',
      firstOpenedAt: '2026-06-20T10:05:00+08:00',
      opens: 1,
    },
  ],
};

const view: GridGroupView[] = [
  { gridId: 'g1', name: '第一网格', groups: [] },
  { gridId: 'g2', name: '第二网格', groups: [group] },
];

async function open(): Promise<Comp> {
  api.groups.mockResolvedValue(view);
  return renderPage(simulate, 'packages/staff/pages/groups/index', { communityId: 'c_wujiayuan' });
}

function move(comp: Comp, choice: number): Promise<void> {
  comp.querySelector('.move')!.dispatchEvent('change', { detail: { value: choice } });
  return simulate.sleep(0).then(() => simulate.sleep(0));
}

describe('the 网格群 page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    simulate = freshSimulate();
  });

  test('shows which grids have a bound group, who bound it, and the notices shared into it', async () => {
    const comp = await open();

    expect(api.groups).toHaveBeenCalledWith('c_wujiayuan');
    expect(texts(comp, '.summary-text')).toEqual(['1 / 2 个网格已绑定微信群，共 1 个群']);
    expect(texts(comp, '.grid-name')).toEqual(['第一网格', '第二网格']);
    expect(texts(comp, '.badge')).toEqual(['未绑定', '1 个群']);
    expect(texts(comp, '.group-label')).toEqual(['群 A1B2']);
    expect(texts(comp, '.bound-by')).toEqual(['赵磊 于 6月20日 10:05 绑定']);
    expect(texts(comp, '.share-title')).toEqual(['防汛安全提示', '城乡居民医保缴费提醒']);
    expect(texts(comp, '.share-meta')[0]).toBe('6月21日 08:30 首次打开 · 3 次');
  });

  test('改绑 to another grid moves the group there and shows it as adjusted', async () => {
    api.fixGroup.mockResolvedValue([
      { gridId: 'g1', name: '第一网格', groups: [{ ...group, fixed: true }] },
      { gridId: 'g2', name: '第二网格', groups: [] },
    ]);
    const comp = await open();

    await move(comp, 0);

    expect(api.fixGroup).toHaveBeenCalledWith('gb_1', 'g1');
    expect(texts(comp, '.badge')).toEqual(['1 个群', '未绑定']);
    expect(texts(comp, '.fixed')).toEqual(['已调整']);
    expect(wxMock.showToast).toHaveBeenCalledWith({ title: '已改绑到第一网格', icon: 'none' });
  });

  test('解除绑定 unbinds the group; choosing its own grid changes nothing', async () => {
    api.fixGroup.mockResolvedValue([
      { gridId: 'g1', name: '第一网格', groups: [] },
      { gridId: 'g2', name: '第二网格', groups: [] },
    ]);
    const comp = await open();

    await move(comp, 1);
    expect(api.fixGroup).not.toHaveBeenCalled();
    await move(comp, 2);

    expect(api.fixGroup).toHaveBeenCalledWith('gb_1', null);
    expect(texts(comp, '.summary-text')).toEqual(['0 / 2 个网格已绑定微信群，共 0 个群']);
    expect(wxMock.showToast).toHaveBeenCalledWith({ title: '已解除绑定', icon: 'none' });
  });

  test('a refused fix keeps the binding and shows the server’s Chinese message', async () => {
    api.fixGroup.mockRejectedValue({ code: 'AUTH.FORBIDDEN', message: '没有权限进行此操作' });
    const comp = await open();

    await move(comp, 0);

    expect(texts(comp, '.group-label')).toEqual(['群 A1B2']);
    expect(texts(comp, '.badge')).toEqual(['未绑定', '1 个群']);
    expect(wxMock.showToast).toHaveBeenCalledWith({ title: '没有权限进行此操作', icon: 'none' });
  });

  test('a tap on a shared notice opens its coverage', async () => {
    const comp = await open();

    await tap(simulate, comp, '.share');

    expect(wxMock.navigateTo).toHaveBeenCalledWith({
      url: '/packages/staff/pages/notice-coverage/index?noticeId=ntc_2',
    });
  });
});
