/**
 * A resident's ticket: state, deadline, the whole timeline (who by name and role, when, notes, photos), and
 * only the buttons the server allows now — cancel, confirm, reopen with a reason, rate, follow. While shown it
 * polls for changes; a stale-version refusal reloads it and says so.
 */
import type { TicketActionName, TicketDetail } from '../../../typings/ticket';
import {
  cancelTicket,
  confirmTicket,
  followTicket,
  getTicket,
  rateTicket,
  reopenTicket,
} from '../../services/ticket';
import { actOnTicket, POLL_MS } from '../../tickets/act';
import { allowed, ticketPageView, type TicketPageView } from '../../tickets/views';
import { textSizeBehavior } from '../../theme/text-size';

const ACTIONS = [
  'cancel',
  'confirm',
  'reopen',
  'rate',
  'follow',
] as const satisfies readonly TicketActionName[];
type Panel = '' | 'reopen' | 'rate';
type Dataset<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

const timers = new WeakMap<object, number>();

Component({
  behaviors: [textSizeBehavior],
  data: {
    ticketId: '',
    version: 0,
    ticket: null as TicketPageView | null,
    can: allowedNone(),
    panel: '' as Panel,
    reason: '',
    /** 0 until the resident taps a star: no rating is chosen for them. */
    stars: 0,
    starList: [1, 2, 3, 4, 5],
    comment: '',
    acting: false,
    error: '',
  },

  methods: {
    onLoad(query: { id?: string }) {
      this.setData({ ticketId: query.id ?? '' });
      return this.reload();
    },
    onShow() {
      this.startPolling();
    },
    onHide() {
      this.stopPolling();
    },
    onUnload() {
      this.stopPolling();
    },
    onPullDownRefresh() {
      return this.reload().then(() => wx.stopPullDownRefresh());
    },

    startPolling() {
      this.stopPolling();
      timers.set(this, setInterval(() => void this.poll(), POLL_MS) as unknown as number);
    },
    stopPolling() {
      const timer = timers.get(this);
      if (timer !== undefined) clearInterval(timer);
      timers.delete(this);
    },

    /** A quiet refresh: shows the ticket only when it changed, so that half-typed input stays. */
    async poll(): Promise<void> {
      if (!this.data.ticketId || this.data.acting) return;
      try {
        const detail = await getTicket(this.data.ticketId);
        if (detail.version !== this.data.version) this.show(detail);
      } catch {
        // The next poll tries again; the page keeps what it shows.
      }
    },

    async reload(): Promise<void> {
      if (!this.data.ticketId) {
        this.setData({ error: '没有找到这张工单' });
        return;
      }
      try {
        this.show(await getTicket(this.data.ticketId));
        this.setData({ error: '' });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message || '加载失败，请下拉重试' });
      }
    },

    show(detail: TicketDetail) {
      const can = allowed(detail, ACTIONS);
      this.setData({
        version: detail.version,
        ticket: ticketPageView(detail, Date.now()),
        can,
        panel:
          (this.data.panel === 'reopen' && !can.reopen) || (this.data.panel === 'rate' && !can.rate)
            ? ''
            : this.data.panel,
      });
    },

    async act(run: () => Promise<TicketDetail>, doneText: string): Promise<boolean> {
      if (this.data.acting) return false;
      this.setData({ acting: true });
      const ok = await actOnTicket(this, run, doneText);
      this.setData({ acting: false });
      return ok;
    },

    onCancelTap() {
      wx.showModal({
        title: '撤销工单',
        content: '撤销后网格员将不再处理，确定撤销吗？',
        success: (res) => {
          if (res.confirm) void this.act(() => cancelTicket(this.data.ticketId, this.data.version), '已撤销');
        },
      });
    },

    onConfirmTap() {
      return this.act(() => confirmTicket(this.data.ticketId, this.data.version), '已确认办结').then((ok) => {
        if (ok && this.data.can.rate) this.setData({ panel: 'rate' });
      });
    },

    onFollowTap() {
      return this.act(() => followTicket(this.data.ticketId), '已关注');
    },

    onOpenPanel(event: Dataset<{ panel: Panel }>) {
      this.setData({ panel: event.currentTarget.dataset.panel });
    },
    onClosePanel() {
      this.setData({ panel: '' });
    },
    onReasonInput(event: WechatMiniprogram.Input) {
      this.setData({ reason: event.detail.value });
    },
    onStarTap(event: Dataset<{ stars: number }>) {
      this.setData({ stars: Number(event.currentTarget.dataset.stars) });
    },
    onCommentInput(event: WechatMiniprogram.Input) {
      this.setData({ comment: event.detail.value });
    },

    async onReopenSubmit() {
      const reason = this.data.reason.trim();
      if (!reason) {
        wx.showToast({ title: '请说明哪里还没有解决', icon: 'none' });
        return;
      }
      const ok = await this.act(
        () => reopenTicket(this.data.ticketId, this.data.version, reason),
        '已重新提交',
      );
      if (ok) this.setData({ panel: '', reason: '' });
    },

    async onRateSubmit() {
      if (this.data.stars === 0) {
        wx.showToast({ title: '请先点选星级', icon: 'none' });
        return;
      }
      const ok = await this.act(
        () => rateTicket(this.data.ticketId, this.data.stars, this.data.comment.trim()),
        '感谢您的评价',
      );
      if (ok) this.setData({ panel: '', comment: '', stars: 0 });
    },

    onPhotoTap(event: Dataset<{ url: string; urls: string[] }>) {
      const { url, urls } = event.currentTarget.dataset;
      wx.previewImage({ current: url, urls });
    },

    onMergedTap() {
      const into = this.data.ticket?.mergedIntoTicketId;
      if (into) wx.redirectTo({ url: `/pages/ticket-detail/index?id=${into}` });
    },
  },
});

function allowedNone(): Record<(typeof ACTIONS)[number], boolean> {
  return { cancel: false, confirm: false, reopen: false, rate: false, follow: false };
}
