/** @jest-environment jsdom */
/** 我的通知 rendered with miniprogram-simulate: three lists with their empty lines, and where each line opens. */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type { StaffNoticeBoard, StaffNoticeRow } from '../../typings/notice';
import { tdesignStubs } from '../support/tdesign-stubs';

const wxMock = { navigateTo: jest.fn(), stopPullDownRefresh: jest.fn(), showToast: jest.fn() };
(globalThis as unknown as { wx: object }).wx = wxMock;

const api = { staffBoard: jest.fn<Promise<StaffNoticeBoard>, [string]>() };
jest.mock('../../miniprogram/services/notice', () => ({
  staffBoard: (c: string) => api.staffBoard(c),
}));

type Simulate = typeof SimulateModule;
let simulate: Simulate;
type Comp = ReturnType<Simulate['render']>;

const row = (over: Partial<StaffNoticeRow>): StaffNoticeRow => ({
  noticeId: 'ntc_1',
  title: '燃气安全提醒',
  category: 'safety',
  state: 'draft',
  publishAt: null,
  publishedAt: null,
  updatedAt: '2026-06-20T09:05:00+08:00',
  households: null,
  reached: null,
  ...over,
});

const board: StaffNoticeBoard = {
  drafts: [row({})],
  scheduled: [
    row({ noticeId: 'ntc_2', title: '周三停电', state: 'scheduled', publishAt: '2026-06-24T09:00:00+08:00' }),
  ],
  published: [
    row({
      noticeId: 'ntc_3',
      title: '城乡居民医保缴费提醒',
      category: 'medicalInsurance',
      state: 'published',
      publishedAt: '2026-06-20T10:00:00+08:00',
      households: 792,
      reached: 199,
    }),
  ],
};

const text = (comp: Comp, selector: string) =>
  comp.querySelectorAll(selector).map((el) => el.dom!.textContent?.replace(/\s+/g, ' ').trim());

async function renderPage(answer: Promise<StaffNoticeBoard>): Promise<Comp> {
  api.staffBoard.mockReturnValue(answer);
  const id = simulate.load(join(__dirname, '../../miniprogram/packages/staff/pages/notice-list/index'), {
    usingComponents: tdesignStubs(simulate),
  });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  void (comp.instance as unknown as { onLoad(q: object): Promise<void> }).onLoad({ communityId: 'c1' });
  await simulate.sleep(0);
  return comp;
}

describe('the staff notice list 我的通知', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    simulate = require('miniprogram-simulate') as Simulate;
  });

  test('while loading it shows 加载中 and no empty line', async () => {
    const comp = await renderPage(new Promise<StaffNoticeBoard>(() => undefined));
    expect(text(comp, '.loading')).toEqual(['加载中…']);
    expect(comp.querySelectorAll('.empty')).toHaveLength(0);
  });

  test('lists drafts, scheduled and published notices, the published with coverage in households and %', async () => {
    const comp = await renderPage(Promise.resolve(board));
    expect(api.staffBoard).toHaveBeenCalledWith('c1');
    expect(
      comp.querySelectorAll('.draft').map((el) => el.dom!.querySelector('.t-cell__title')?.textContent),
    ).toEqual(['燃气安全提醒']);
    expect(text(comp, '.published-line .coverage')).toEqual(['已覆盖 199/792 户（25%）']);
    expect(text(comp, '.published-line .line-meta')).toEqual(['医保 · 6月20日 10:00 发布']);
    expect(comp.querySelectorAll('.empty')).toHaveLength(0);
  });

  test('a draft opens compose with the notice, a published notice opens its coverage page', async () => {
    const comp = await renderPage(Promise.resolve(board));
    comp.querySelector('#draft-0')!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(wxMock.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/staff/pages/notice-compose/index?communityId=c1&noticeId=ntc_1',
    });
    comp.querySelector('#published-0')!.dispatchEvent('tap');
    await simulate.sleep(0);
    expect(wxMock.navigateTo).toHaveBeenLastCalledWith({
      url: '/packages/staff/pages/notice-coverage/index?noticeId=ntc_3',
    });
  });

  test('with no notices every list says so, and the error of a failed load is shown', async () => {
    const empty = await renderPage(Promise.resolve({ drafts: [], scheduled: [], published: [] }));
    expect(text(empty, '.empty')).toEqual(['没有草稿', '没有定时发布的通知', '还没有发布过通知']);
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh simulate for the second render
    simulate = require('miniprogram-simulate') as Simulate;
    const failed = await renderPage(Promise.reject(new Error('网络不给力，请稍后重试')));
    await simulate.sleep(0);
    expect(text(failed, '.error')).toEqual(['网络不给力，请稍后重试']);
    expect(failed.querySelectorAll('.empty')).toHaveLength(0);
  });
});
