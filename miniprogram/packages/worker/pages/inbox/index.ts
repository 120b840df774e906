/**
 * 工单收件箱: a worker's or leader's tickets in tabs — 待签收, 办理中, 已超时, 已办结 — each with time left, and
 * the 开启提醒 switch: on while the worker holds a grant for the 待签收 push (one-time grants are spent by
 * the push they allow, so it turns off again and each sign-for asks anew).
 */
import type { InboxTab } from '../../../../../typings/ticket';
import { openSubscriptionSettings } from '../../../../services/permissions';
import {
  askSubscription,
  preloadSubscribeTemplates,
  subscriptionReady,
} from '../../../../services/subscribe';
import { inbox } from '../../../../services/ticket';
import { inboxTabLabels } from '../../../../tickets/labels';
import { ticketCard, type TicketCard } from '../../../../tickets/views';
import { textSizeBehavior } from '../../../../theme/text-size';

type Dataset<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

const TABS = (Object.keys(inboxTabLabels) as InboxTab[]).map((key) => ({ key, label: inboxTabLabels[key] }));

Component({
  behaviors: [textSizeBehavior],
  data: {
    tabs: TABS,
    tab: 'toSign' as InboxTab,
    cards: [] as TicketCard[],
    loading: false,
    loaded: false,
    error: '',
    reminders: false,
  },

  methods: {
    onLoad(query: { tab?: string }) {
      if (query.tab && query.tab in inboxTabLabels) this.setData({ tab: query.tab as InboxTab });
      return Promise.all([this.load(), this.loadReminders()]).then(() => undefined);
    },
    onShow() {
      if (this.data.loaded) return Promise.all([this.load(), this.loadReminders()]).then(() => undefined);
      return undefined;
    },

    async loadReminders(): Promise<void> {
      this.setData({ reminders: await preloadSubscribeTemplates('task') });
    },

    /** Off: WeChat's dialog, on the tap itself. On: turning it off is WeChat's, in the settings. */
    onRemindersTap() {
      if (this.data.reminders) return openSubscriptionSettings();
      return askSubscription('task').then(() => this.setData({ reminders: subscriptionReady('task') }));
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      return this.load();
    },

    onTabTap(event: Dataset<{ key: InboxTab }>) {
      const tab = event.currentTarget.dataset.key;
      if (tab === this.data.tab) return undefined;
      this.setData({ tab, cards: [], loaded: false });
      return this.load();
    },

    async load(): Promise<void> {
      const tab = this.data.tab;
      this.setData({ loading: true, error: '' });
      try {
        const found = await inbox(tab);
        if (tab !== this.data.tab) return;
        const now = Date.now();
        this.setData({ cards: found.map((s) => ticketCard(s, now)), loaded: true });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message || '加载失败，请下拉重试' });
      } finally {
        this.setData({ loading: false });
      }
    },

    onCardTap(event: Dataset<{ id: string }>) {
      wx.navigateTo({ url: `/packages/worker/pages/ticket/index?id=${event.currentTarget.dataset.id}` });
    },
  },
});
