/** 书记信箱: residents' letters to the community secretary, newest first; a tap opens one to handle. */
import { letters } from '../../../../services/ticket';
import { letterCard, type TicketCard } from '../../../../tickets/views';
import { staffCommunityId } from '../../staff-community';
import { textSizeBehavior } from '../../../../theme/text-size';

type Dataset<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    cards: [] as TicketCard[],
    loading: false,
    loaded: false,
    error: '',
  },

  methods: {
    async onLoad(query: { communityId?: string }) {
      this.setData({ loading: true, error: '' });
      try {
        this.setData({ communityId: await staffCommunityId(query.communityId) });
      } catch (error) {
        this.setData({
          loading: false,
          error: (error as { message?: string }).message || '加载失败，请点重试',
        });
        return;
      }
      await this.load();
    },
    onRetry() {
      return this.data.communityId ? this.load() : this.onLoad({});
    },
    onShow() {
      if (this.data.loaded) return this.load();
      return undefined;
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },

    async load(): Promise<void> {
      this.setData({ loading: true, error: '' });
      try {
        const found = await letters(this.data.communityId);
        const now = Date.now();
        this.setData({ cards: found.map((s) => letterCard(s, now)), loaded: true });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message || '加载失败，请点重试' });
      } finally {
        this.setData({ loading: false });
      }
    },

    /** The secretary handles a letter like any assignee: on the handler's ticket page. */
    onCardTap(event: Dataset<{ id: string }>) {
      wx.navigateTo({ url: `/packages/worker/pages/ticket/index?id=${event.currentTarget.dataset.id}` });
    },
  },
});
