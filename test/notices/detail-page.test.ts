/** @jest-environment jsdom */
/** The notice detail page rendered with miniprogram-simulate: cover image, attachments, body and 已知晓. */
import type { NoticeAttachment, NoticeDetail } from '../../typings/notice';
import {
  freshSimulate,
  renderPage,
  sources,
  tap,
  texts,
  type Comp,
  type Simulate,
} from '../support/simulate-page';

const wxMock = { showToast: jest.fn(), navigateTo: jest.fn(), showShareMenu: jest.fn() };
(globalThis as unknown as { wx: object }).wx = wxMock;

const api = {
  noticeDetail: jest.fn<Promise<NoticeDetail>, [string]>(),
  confirmNotice: jest.fn<Promise<{ confirmedAt: string; alreadyConfirmed: boolean }>, [string]>(),
};
jest.mock('../../miniprogram/services/notice', () => ({
  noticeDetail: (id: string) => api.noticeDetail(id),
  confirmNotice: (id: string) => api.confirmNotice(id),
  shareTokenFor: async () => null,
  bindGroupFromLaunch: async () => null,
  sharePath: (id: string) => `/pages/notice-detail/index?noticeId=${id}`,
}));
const openAttachment = jest.fn<Promise<void>, [NoticeAttachment, NoticeAttachment[]]>();
jest.mock('../../miniprogram/services/attachments', () => ({
  openAttachment: (a: NoticeAttachment, all: NoticeAttachment[]) => openAttachment(a, all),
}));

let simulate: Simulate;

const attachments: NoticeAttachment[] = [
  { fileId: 'local://notices/20260620/a-1.pdf', name: '缴费指南.pdf', kind: 'pdf' },
  { fileId: 'local://notices/20260620/b-2.jpg', name: '图片1.jpg', kind: 'image' },
];

const notice: NoticeDetail = {
  noticeId: 'ntc_1',
  communityId: 'c_wujiayuan',
  title: '城乡居民医保缴费提醒',
  body: [{ kind: 'paragraph', spans: [{ kind: 'text', text: '缴费截止 6 月 30 日' }] }],
  category: 'medicalInsurance',
  coverFileId: 'local://notices/20260620/cover-0.jpg',
  attachments,
  state: 'published',
  publishedAt: '2026-06-20T09:00:00+08:00',
  corrections: [],
  confirmed: false,
  confirmedAt: null,
  canConfirm: true,
};

async function open(over: Partial<NoticeDetail> = {}): Promise<Comp> {
  api.noticeDetail.mockResolvedValue({ ...notice, ...over });
  return renderPage(simulate, 'pages/notice-detail/index', { noticeId: 'ntc_1' });
}

describe('the notice detail page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.resetModules();
    simulate = freshSimulate();
  });

  test('shows the cover image from storage and the attachments by name', async () => {
    const comp = await open();

    expect(sources(comp, '.cover')).toEqual(['http://127.0.0.1:3900/files/notices/20260620/cover-0.jpg']);
    expect(texts(comp, '.attachment')).toEqual(['📄 缴费指南.pdf', '🖼 图片1.jpg']);
  });

  test('a notice without cover or attachments shows neither', async () => {
    const comp = await open({ coverFileId: null, attachments: [] });

    expect(comp.querySelector('.cover')).toBeUndefined();
    expect(comp.querySelectorAll('.attachment')).toHaveLength(0);
    expect(texts(comp, '.title')).toEqual(['城乡居民医保缴费提醒']);
  });

  test('a tap on an attachment opens it, with the other attachments alongside', async () => {
    openAttachment.mockResolvedValue();
    const comp = await open();

    await tap(simulate, comp, '#attachment-1');

    expect(openAttachment).toHaveBeenCalledWith(attachments[1], attachments);
    expect(wxMock.showToast).not.toHaveBeenCalled();
  });

  test('an attachment that cannot be opened says so', async () => {
    openAttachment.mockRejectedValue(new Error('downloadFile:fail'));
    const comp = await open();

    await tap(simulate, comp, '#attachment-0');

    expect(wxMock.showToast).toHaveBeenCalledWith({ title: '附件打开失败，请稍后重试', icon: 'none' });
  });

  test('已知晓 records the receipt and shows it', async () => {
    api.confirmNotice.mockResolvedValue({
      confirmedAt: '2026-06-20T10:00:00+08:00',
      alreadyConfirmed: false,
    });
    const comp = await open();

    await tap(simulate, comp, '.confirm');

    expect(api.confirmNotice).toHaveBeenCalledWith('ntc_1');
    expect(texts(comp, '.confirmed')).toEqual(['✓ 您已确认知晓']);
  });
});
