/** 我的工单: the resident's tickets (filed or followed) in two tabs, open and done, each with state and deadline. */
import { myTickets } from '../../services/ticket';
import { ticketCard, type TicketCard } from '../../tickets/views';
import { textSizeBehavior } from '../../theme/text-size';

type Scope = 'open' | 'done';
type Dataset<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

Component({
  behaviors: [textSizeBehavior],
  data: {
    tabs: [
      { key: 'open', label: '办理中' },
      { key: 'done', label: '已完成' },
    ] as Array<{ key: Scope; label: string }>,
    scope: 'open' as Scope,
    cards: [] as TicketCard[],
    loading: false,
    loaded: false,
    error: '',
  },

  methods: {
    onLoad() {
      return this.load();
    },
    onShow() {
      if (this.data.loaded) return this.load();
      return undefined;
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },

    onTabTap(event: Dataset<{ key: Scope }>) {
      const scope = event.currentTarget.dataset.key;
      if (scope === this.data.scope) return undefined;
      this.setData({ scope, cards: [] });
      return this.load();
    },

    async load(): Promise<void> {
      const scope = this.data.scope;
      this.setData({ loading: true, error: '' });
      try {
        const found = await myTickets(scope);
        if (scope !== this.data.scope) return;
        const now = Date.now();
        this.setData({ cards: found.map((s) => ticketCard(s, now)), loaded: true });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message || '加载失败，请下拉重试' });
      } finally {
        this.setData({ loading: false });
      }
    },

    onCardTap(event: Dataset<{ id: string }>) {
      wx.navigateTo({ url: `/pages/ticket-detail/index?id=${event.currentTarget.dataset.id}` });
    },

    onReportTap() {
      wx.navigateTo({ url: '/pages/report/index' });
    },
  },
});
