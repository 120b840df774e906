/** @jest-environment jsdom */
import { join } from 'node:path';
import type * as SimulateModule from 'miniprogram-simulate';
import type { MessagePage, MessageView } from '../../typings/message';
import { fromMiniprogramRoot } from '../support/miniprogram-root';

const wxMock = {
  navigateTo: jest.fn(),
  setTabBarBadge: jest.fn(),
  removeTabBarBadge: jest.fn(),
  stopPullDownRefresh: jest.fn(),
  showToast: jest.fn(),
};
(globalThis as unknown as { wx: typeof wxMock }).wx = wxMock;

const api = {
  listMessages: jest.fn<Promise<MessagePage>, [string?]>(),
  markRead: jest.fn<Promise<number>, [string]>(),
  markAllRead: jest.fn<Promise<number>, []>(),
};
jest.mock('../../miniprogram/services/message', () => ({
  MESSAGES_TAB_INDEX: 1,
  listMessages: (before?: string) => api.listMessages(before),
  markRead: (id: string) => api.markRead(id),
  markAllRead: () => api.markAllRead(),
  showUnreadBadge: (unread: number) =>
    unread > 0
      ? wxMock.setTabBarBadge({ index: 1, text: String(unread) })
      : wxMock.removeTabBarBadge({ index: 1 }),
}));

type Simulate = typeof SimulateModule;
let simulate: Simulate;

function message(n: number, over: Partial<MessageView> = {}): MessageView {
  return {
    messageId: `ntf_${n}`,
    kind: 'ticketAccepted',
    title: `消息${n}`,
    body: '网格员已签收',
    subject: '',
    page: `/packages/resident/ticket/index?ticketId=ticket_${n}`,
    ticketId: `ticket_${n}`,
    noticeId: null,
    createdAt: `2026-06-20T0${n}:05:00+08:00`,
    read: false,
    ...over,
  };
}

type Comp = ReturnType<Simulate['render']>;

async function renderPage(page: MessagePage): Promise<Comp> {
  api.listMessages.mockResolvedValue(page);
  const root = join(__dirname, '../../miniprogram');
  const id = simulate.load(join(root, 'pages/messages/index'), fromMiniprogramRoot());
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  (comp.instance as unknown as { onLoad(): void }).onLoad();
  await simulate.sleep(0);
  return comp;
}

const texts = (comp: Comp, selector: string) =>
  comp.querySelectorAll(selector).map((el) => el.dom!.textContent?.trim());

describe('the message centre page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    // A component path loads once per module registry: a fresh registry per test gives a fresh page.
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- simulate must load after the global wx exists
    simulate = require('miniprogram-simulate') as Simulate;
  });

  test('shows messages newest first as the server gives them, the unread ones marked, and the count on the tab', async () => {
    const comp = await renderPage({
      items: [message(3), message(2, { read: true, kind: 'ticketResolved' }), message(1)],
      unread: 2,
      nextBefore: null,
    });

    expect(texts(comp, '.title')).toEqual(['消息3', '消息2', '消息1']);
    expect(comp.querySelectorAll('.unread')).toHaveLength(2);
    expect(comp.querySelectorAll('.dot')).toHaveLength(2);
    expect(texts(comp, '.unread-count')).toEqual(['2 条未读']);
    expect(texts(comp, '.kind')).toEqual(['已签收', '已办结', '已签收']);
    expect(texts(comp, '.time')[0]).toBe('6月20日 03:05');
    expect(wxMock.setTabBarBadge).toHaveBeenCalledWith({ index: 1, text: '2' });
  });

  test('each message names its ticket, so two alike can be told apart', async () => {
    const comp = await renderPage({
      items: [
        message(3, { title: '工单已受理', subject: '飞线充电 · 六四一三小区 2号楼 1单元 7层' }),
        message(2, { title: '工单已受理', subject: '楼道堆物 · 文明村小区 1号楼' }),
        message(1),
      ],
      unread: 3,
      nextBefore: null,
    });
    await simulate.sleep(0);

    expect(texts(comp, '.subject')).toEqual([
      '飞线充电 · 六四一三小区 2号楼 1单元 7层',
      '楼道堆物 · 文明村小区 1号楼',
    ]);
    expect(texts(comp, '.body')).toHaveLength(3);
  });

  test('a tap marks the message read, lowers the count and opens its ticket', async () => {
    api.markRead.mockResolvedValue(1);
    const comp = await renderPage({ items: [message(3), message(2)], unread: 2, nextBefore: null });

    comp.querySelector('#message-0')!.dispatchEvent('tap');
    await simulate.sleep(0);

    expect(api.markRead).toHaveBeenCalledWith('ntf_3');
    expect(wxMock.navigateTo).toHaveBeenCalledWith({
      url: '/packages/resident/ticket/index?ticketId=ticket_3',
    });
    expect(comp.querySelectorAll('.unread')).toHaveLength(1);
    expect(texts(comp, '.unread-count')).toEqual(['1 条未读']);
    expect(wxMock.setTabBarBadge).toHaveBeenLastCalledWith({ index: 1, text: '1' });
  });

  test('tapping a read message opens it without marking it again', async () => {
    const comp = await renderPage({ items: [message(3, { read: true })], unread: 0, nextBefore: null });

    comp.querySelector('#message-0')!.dispatchEvent('tap');
    await simulate.sleep(0);

    expect(api.markRead).not.toHaveBeenCalled();
    expect(wxMock.navigateTo).toHaveBeenCalledTimes(1);
  });

  test('全部已读 marks every message read and clears the badge', async () => {
    api.markAllRead.mockResolvedValue(0);
    const comp = await renderPage({ items: [message(3), message(2)], unread: 2, nextBefore: null });

    comp.querySelector('.mark-all')!.dispatchEvent('tap');
    await simulate.sleep(0);

    expect(api.markAllRead).toHaveBeenCalledTimes(1);
    expect(comp.querySelectorAll('.unread')).toHaveLength(0);
    expect(texts(comp, '.unread-count')).toEqual(['没有未读消息']);
    expect(wxMock.removeTabBarBadge).toHaveBeenLastCalledWith({ index: 1 });
  });

  test('no messages: the page says so', async () => {
    const comp = await renderPage({ items: [], unread: 0, nextBefore: null });
    await simulate.sleep(0);

    const state = comp.querySelector('#list-state')!;
    expect(state.querySelectorAll('.empty-text').map((e) => e.dom?.textContent?.trim())).toEqual([
      '暂无消息：工单有进展时会在这里通知您',
    ]);
    expect(state.querySelectorAll('.loading')).toHaveLength(0);
  });

  test('scrolling to the bottom loads the next page after the oldest shown', async () => {
    const comp = await renderPage({
      items: [message(3), message(2)],
      unread: 2,
      nextBefore: '2026-06-20T02:05:00+08:00',
    });
    api.listMessages.mockResolvedValue({ items: [message(1)], unread: 2, nextBefore: null });

    (comp.instance as unknown as { onReachBottom(): void }).onReachBottom();
    await simulate.sleep(0);

    expect(api.listMessages).toHaveBeenLastCalledWith('2026-06-20T02:05:00+08:00');
    expect(texts(comp, '.title')).toEqual(['消息3', '消息2', '消息1']);
  });
});
