/** @jest-environment jsdom */
/**
 * 联系网格员 on a notice (issue 13 item 4): a notice telling elderly residents to contact their grid worker
 * shows the reader's own worker and calls them; with no worker known (or no phone), no button.
 */
import type { NoticeDetail } from '../../typings/notice';
import type { WorkerContact } from '../../typings/user';
import { freshSimulate, renderPage, tap, texts, type Simulate } from '../support/simulate-page';

const wxMock = {
  showToast: jest.fn(),
  navigateTo: jest.fn(),
  showShareMenu: jest.fn(),
  makePhoneCall: jest.fn(),
};
(globalThis as unknown as { wx: object }).wx = wxMock;

const notice: NoticeDetail = {
  noticeId: 'ntc_1',
  communityId: 'c_jiaojiawan',
  title: '独居老人冬季用电安全提醒',
  body: [{ kind: 'paragraph', spans: [{ kind: 'text', text: '有困难请联系您的网格员' }] }],
  category: 'safety',
  coverFileId: null,
  attachments: [],
  state: 'published',
  publishedAt: '2026-06-20T09:00:00+08:00',
  corrections: [],
  confirmed: false,
  confirmedAt: null,
  canConfirm: true,
};
jest.mock('../../miniprogram/services/notice', () => ({
  noticeDetail: async () => notice,
  confirmNotice: async () => ({ confirmedAt: '2026-06-20T10:00:00+08:00', alreadyConfirmed: false }),
  shareTokenFor: async () => null,
  bindGroupFromLaunch: async () => null,
  sharePath: (id: string) => `/pages/notice-detail/index?noticeId=${id}`,
}));
const myGridWorker = jest.fn<Promise<WorkerContact | null>, []>();
jest.mock('../../miniprogram/services/user', () => ({ myGridWorker: () => myGridWorker() }));

let simulate: Simulate;

describe('联系网格员 on the notice page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    simulate = freshSimulate();
  });

  test('shows the reader’s own worker and calls them on a tap', async () => {
    myGridWorker.mockResolvedValue({ name: '何丽萍', roleLabel: '网格员', phone: '13909310001' });
    const comp = await renderPage(simulate, 'pages/notice-detail/index', { noticeId: 'ntc_1' });
    await simulate.sleep(0);
    expect(texts(comp, '.call-worker-btn')).toEqual(['联系网格员 何丽萍']);
    await tap(simulate, comp, '.call-worker-btn');
    expect(wxMock.makePhoneCall).toHaveBeenCalledWith(
      expect.objectContaining({ phoneNumber: '13909310001' }),
    );
  });

  test.each([
    ['no household, so no worker', null],
    ['a worker with no phone on the roster', { name: '夏冬', roleLabel: '网格员', phone: null }],
  ])('%s: no button', async (_why, worker) => {
    myGridWorker.mockResolvedValue(worker);
    const comp = await renderPage(simulate, 'pages/notice-detail/index', { noticeId: 'ntc_1' });
    await simulate.sleep(0);
    expect(texts(comp, '.title')).toEqual(['独居老人冬季用电安全提醒']);
    expect(comp.querySelector('.call-worker-btn')).toBeUndefined();
  });

  test('a failed look-up leaves the notice as it reads, with no button', async () => {
    myGridWorker.mockRejectedValue(new Error('offline'));
    const comp = await renderPage(simulate, 'pages/notice-detail/index', { noticeId: 'ntc_1' });
    await simulate.sleep(0);
    expect(texts(comp, '.title')).toEqual(['独居老人冬季用电安全提醒']);
    expect(comp.querySelector('.call-worker-btn')).toBeUndefined();
  });
});
