/**
 * 消息: the message centre, a tab page. Newest first, unread ones marked, the count on the tab; a tap marks
 * the message read and opens its ticket (or notice). Each names its ticket under the title, since two
 * 工单已受理 for two tickets look alike otherwise.
 */
import type { MessageView } from '../../../typings/message';
import { listMessages, markAllRead, markRead, showUnreadBadge } from '../../services/message';
import { messageKindLabels } from './kinds';
import { textSizeBehavior } from '../../theme/text-size';

interface MessageItem extends MessageView {
  kindLabel: string;
  timeText: string;
}

/** 2026-06-20T09:05:00+08:00 → 6月20日 09:05 (times arrive in Asia/Shanghai already). */
function timeText(iso: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${Number(m[1])}月${Number(m[2])}日 ${m[3]}:${m[4]}` : iso;
}

function item(view: MessageView): MessageItem {
  return {
    ...view,
    kindLabel: messageKindLabels[view.kind],
    timeText: timeText(view.createdAt),
  };
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    items: [] as MessageItem[],
    unread: 0,
    nextBefore: null as string | null,
    loading: false,
    loaded: false,
    error: '',
  },
  methods: {
    onLoad() {
      void this.reload();
    },
    onShow() {
      if (this.data.loaded) void this.reload();
    },
    onRetry() {
      void this.reload();
    },
    onPullDownRefresh() {
      void this.reload().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      if (this.data.nextBefore && !this.data.loading) void this.load(this.data.nextBefore);
    },

    async reload() {
      await this.load(undefined);
    },

    async load(before: string | undefined) {
      this.setData({ loading: true, error: '' });
      try {
        const page = await listMessages(before);
        const items = before ? [...this.data.items, ...page.items.map(item)] : page.items.map(item);
        this.setData({ items, unread: page.unread, nextBefore: page.nextBefore, loaded: true });
        showUnreadBadge(page.unread);
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败，请下拉重试' });
      } finally {
        this.setData({ loading: false });
      }
    },

    onTapMessage(e: WechatMiniprogram.TouchEvent) {
      const id = String(e.currentTarget.dataset.id ?? '');
      const index = this.data.items.findIndex((m) => m.messageId === id);
      const message = this.data.items[index];
      if (!message) return;
      if (!message.read) {
        // Shown read at once; the server's count follows.
        this.setData({ [`items[${index}].read`]: true, unread: Math.max(0, this.data.unread - 1) });
        markRead(id)
          .then((unread) => {
            this.setData({ unread });
            showUnreadBadge(unread);
          })
          .catch(() => undefined);
      }
      if (message.page) wx.navigateTo({ url: message.page });
    },

    async onMarkAllRead() {
      if (this.data.unread === 0) return;
      try {
        const unread = await markAllRead();
        this.setData({ items: this.data.items.map((m) => ({ ...m, read: true })), unread });
        showUnreadBadge(unread);
      } catch (error) {
        wx.showToast({ title: (error as { message?: string }).message ?? '操作失败', icon: 'none' });
      }
    },
  },
});
