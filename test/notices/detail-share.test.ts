/** @jest-environment jsdom */
/**
 * 分享到群 on a notice: only a worker or leader (who may sign the share token) sees it; a resident's page asks
 * the server for no token (it would answer AUTH.FORBIDDEN) and shows no share button.
 */
import type { NoticeDetail } from '../../typings/notice';
import type { Me } from '../../typings/user';
import { freshSimulate, renderPage, texts, type Simulate } from '../support/simulate-page';

(globalThis as unknown as { wx: object }).wx = {
  showToast: jest.fn(),
  navigateTo: jest.fn(),
  showShareMenu: jest.fn(),
};

const notice: NoticeDetail = {
  noticeId: 'ntc_1',
  communityId: 'c_jiaojiawan',
  title: '城乡居民医保缴费提醒',
  body: [{ kind: 'paragraph', spans: [{ kind: 'text', text: '缴费截止 6 月 30 日' }] }],
  category: 'medicalInsurance',
  coverFileId: null,
  attachments: [],
  state: 'published',
  publishedAt: '2026-06-20T09:00:00+08:00',
  corrections: [],
  confirmed: false,
  confirmedAt: null,
  canConfirm: true,
};
const shareTokenFor = jest.fn<Promise<string | null>, [string]>();
jest.mock('../../miniprogram/services/notice', () => ({
  noticeDetail: async () => notice,
  confirmNotice: async () => ({ confirmedAt: '2026-06-20T10:00:00+08:00', alreadyConfirmed: false }),
  shareTokenFor: (id: string) => shareTokenFor(id),
  bindGroupFromLaunch: async () => null,
  sharePath: (id: string) => `/pages/notice-detail/index?noticeId=${id}`,
}));
const me = jest.fn<Promise<Pick<Me, 'roles'>>, []>();
jest.mock('../../miniprogram/services/user', () => ({ me: () => me(), myGridWorker: async () => null }));

let simulate: Simulate;

async function open() {
  const comp = await renderPage(simulate, 'pages/notice-detail/index', { noticeId: 'ntc_1' });
  await simulate.sleep(0);
  return comp;
}

describe('分享到群 on the notice page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    simulate = freshSimulate();
    shareTokenFor.mockResolvedValue('tok.abc');
  });

  test('a resident is asked for no token and sees no share button', async () => {
    me.mockResolvedValue({ roles: [{ role: 'resident', communityId: 'c_jiaojiawan' }] as Me['roles'] });
    const comp = await open();
    expect(shareTokenFor).not.toHaveBeenCalled();
    expect(texts(comp, '.share')).toEqual([]);
    expect(texts(comp, '.confirm')).toEqual(['已知晓']);
  });

  test('a worker gets the token and the button', async () => {
    me.mockResolvedValue({
      roles: [
        { role: 'worker', communityId: 'c_jiaojiawan', gridId: 'g_1', microGridId: 'mg_1' },
      ] as Me['roles'],
    });
    const comp = await open();
    expect(shareTokenFor).toHaveBeenCalledWith('ntc_1');
    expect(texts(comp, '.share')).toEqual(['分享到群']);
  });

  test('a worker whose token the server refuses sees no button', async () => {
    me.mockResolvedValue({
      roles: [{ role: 'worker', communityId: 'c_other', gridId: 'g_9', microGridId: 'mg_9' }] as Me['roles'],
    });
    shareTokenFor.mockResolvedValue(null);
    const comp = await open();
    expect(texts(comp, '.share')).toEqual([]);
  });
});
