/**
 * 我的工单: the resident's tickets (filed or followed) in three groups — 办理中, 待确认 (resolved tickets they
 * reported, each asking them to confirm) and 已完成 — each card with its state and deadline. A followed
 * ticket that is resolved stays under 办理中 and asks nothing: only its reporter confirms.
 */
import type { MyTicketsScope, TicketSummary } from '../../../typings/ticket';
import { myTickets } from '../../services/ticket';
import { ticketCard, type TicketCard } from '../../tickets/views';
import { textSizeBehavior } from '../../theme/text-size';

type Scope = Exclude<MyTicketsScope, 'all'>;
type Dataset<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

const EMPTY_TEXT: Record<Scope, string> = {
  open: '没有办理中的工单',
  toConfirm: '没有等您确认的工单',
  done: '还没有已完成的工单',
};

/** The line under a card: the reporter is asked to confirm; a follower is told who will. */
function promptOf(scope: Scope, summary: TicketSummary): string {
  if (scope === 'toConfirm') return '网格员已办结，请点开确认问题是否解决';
  if (summary.status === 'resolved') return '已办结，等待发起人确认';
  return '';
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    tabs: [
      { key: 'open', label: '办理中' },
      { key: 'toConfirm', label: '待确认' },
      { key: 'done', label: '已完成' },
    ] as Array<{ key: Scope; label: string }>,
    scope: 'open' as Scope,
    cards: [] as TicketCard[],
    emptyText: EMPTY_TEXT.open,
    loading: false,
    loaded: false,
    error: '',
  },

  methods: {
    onLoad(query: { scope?: string }) {
      const scope = this.data.tabs.find((t) => t.key === query.scope)?.key;
      if (scope) this.setData({ scope, emptyText: EMPTY_TEXT[scope] });
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
      this.setData({ scope, cards: [], loaded: false, emptyText: EMPTY_TEXT[scope] });
      return this.load();
    },

    onRetry() {
      return this.load();
    },

    async load(): Promise<void> {
      const scope = this.data.scope;
      this.setData({ loading: true, error: '' });
      try {
        const found = await myTickets(scope);
        if (scope !== this.data.scope) return;
        const now = Date.now();
        this.setData({
          cards: found.map((s) => ({ ...ticketCard(s, now), promptText: promptOf(scope, s) })),
          loaded: true,
        });
      } catch (error) {
        if (scope !== this.data.scope) return;
        this.setData({ error: (error as { message?: string }).message || '加载失败，请点重试' });
      } finally {
        if (scope === this.data.scope) this.setData({ loading: false });
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
