/** @jest-environment jsdom */
/** The residents' notice feed rendered with miniprogram-simulate: unread marked, and the way to push settings. */
import type { NoticeCategory, NoticeFeedPage } from '../../typings/notice';
import { freshSimulate, renderPage, tap, texts, type Simulate } from '../support/simulate-page';

const wxMock = { showToast: jest.fn(), navigateTo: jest.fn(), stopPullDownRefresh: jest.fn() };
(globalThis as unknown as { wx: object }).wx = wxMock;

const api = { noticeFeed: jest.fn<Promise<NoticeFeedPage>, [NoticeCategory?, string?]>() };
jest.mock('../../miniprogram/services/notice', () => ({
  noticeFeed: (category?: NoticeCategory, before?: string) => api.noticeFeed(category, before),
}));

let simulate: Simulate;

const page: NoticeFeedPage = {
  items: [
    {
      noticeId: 'ntc_2',
      title: '防汛安全提示',
      category: 'safety',
      publishedAt: '2026-06-21T08:00:00+08:00',
      excerpt: '请远离河道',
      corrected: false,
      confirmed: false,
    },
    {
      noticeId: 'ntc_1',
      title: '城乡居民医保缴费提醒',
      category: 'medicalInsurance',
      publishedAt: '2026-06-20T09:00:00+08:00',
      excerpt: '缴费截止 6 月 30 日',
      corrected: true,
      confirmed: true,
    },
  ],
  nextBefore: null,
};

describe('the notice feed', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    simulate = freshSimulate();
    api.noticeFeed.mockResolvedValue(page);
  });

  test('lists the notices newest first with the unread one marked', async () => {
    const comp = await renderPage(simulate, 'pages/notices/index');

    expect(texts(comp, '.notice .title')).toEqual(['防汛安全提示', '城乡居民医保缴费提醒']);
    expect(texts(comp, '.unread .title')).toEqual(['防汛安全提示']);
    expect(texts(comp, '.corrected')).toEqual(['已更正']);
  });

  test('推送设置 opens the page where the resident chooses the categories pushed to them', async () => {
    const comp = await renderPage(simulate, 'pages/notices/index');

    await tap(simulate, comp, '.subscribe-link');

    expect(wxMock.navigateTo).toHaveBeenCalledWith({ url: '/pages/notice-subscriptions/index' });
  });
});
