/** The message centre's calls (消息): one function per action of the `message` cloud function. */
import type { MessagePage } from '../../typings/message';
import { callApi } from './api';

/** The tab of the message centre in app.json's tabBar (首页, 消息, 我的). */
export const MESSAGES_TAB_INDEX = 1;

export function listMessages(before?: string): Promise<MessagePage> {
  return callApi('message', 'list', before ? { before } : {});
}

export async function unreadCount(): Promise<number> {
  return (await callApi('message', 'unreadCount', {})).unread;
}

export async function markRead(messageId: string): Promise<number> {
  return (await callApi('message', 'markRead', { messageId })).unread;
}

export async function markAllRead(): Promise<number> {
  return (await callApi('message', 'markAllRead', {})).unread;
}

/** The unread count on the 消息 tab; outside a tab page WeChat answers fail, which changes nothing. */
export function showUnreadBadge(unread: number): void {
  const noop = () => undefined;
  if (unread > 0)
    wx.setTabBarBadge({ index: MESSAGES_TAB_INDEX, text: unread > 99 ? '99+' : String(unread), fail: noop });
  else wx.removeTabBarBadge({ index: MESSAGES_TAB_INDEX, fail: noop });
}

/** The badge from the server's count: on launch and whenever the app comes to the front (app.ts). */
export async function refreshUnreadBadge(): Promise<void> {
  try {
    showUnreadBadge(await unreadCount());
  } catch {
    // Not logged in yet, or offline: the badge stays as it was until the next show.
  }
}
