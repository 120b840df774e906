/**
 * 通知: the resident's feed of notices for their household — newest first, by category, unread marked — and
 * the way to the categories they get a push for.
 */
import type { NoticeCategory, NoticeFeedItem } from '../../../typings/notice';
import { noticeFeed } from '../../services/notice';
import { noticeCategories, noticeCategoryLabels, timeText } from './categories';
import { textSizeBehavior } from '../../theme/text-size';

interface FeedItem extends NoticeFeedItem {
  categoryLabel: string;
  timeText: string;
}

const item = (n: NoticeFeedItem): FeedItem => ({
  ...n,
  categoryLabel: noticeCategoryLabels[n.category],
  timeText: timeText(n.publishedAt),
});

Component({
  behaviors: [textSizeBehavior],
  data: {
    tabs: [
      { key: '', label: '全部' },
      ...noticeCategories.map((key) => ({ key, label: noticeCategoryLabels[key] })),
    ],
    category: '' as NoticeCategory | '',
    items: [] as FeedItem[],
    nextBefore: null as string | null,
    loading: false,
    loaded: false,
    error: '',
  },
  methods: {
    onLoad() {
      void this.load(undefined);
    },
    onShow() {
      if (this.data.loaded) void this.load(undefined);
    },
    onRetry() {
      void this.load(undefined);
    },
    onPullDownRefresh() {
      void this.load(undefined).then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      if (this.data.nextBefore && !this.data.loading) void this.load(this.data.nextBefore);
    },
    onTapTab(e: WechatMiniprogram.TouchEvent) {
      this.setData({ category: String(e.currentTarget.dataset.key ?? '') as NoticeCategory | '' });
      void this.load(undefined);
    },
    onTapNotice(e: WechatMiniprogram.TouchEvent) {
      wx.navigateTo({
        url: `/pages/notice-detail/index?noticeId=${String(e.currentTarget.dataset.id ?? '')}`,
      });
    },
    onTapSubscriptions() {
      wx.navigateTo({ url: '/pages/notice-subscriptions/index' });
    },
    async load(before: string | undefined) {
      this.setData({ loading: true, error: '' });
      try {
        const page = await noticeFeed(this.data.category || undefined, before);
        const items = page.items.map(item);
        this.setData({
          items: before ? [...this.data.items, ...items] : items,
          nextBefore: page.nextBefore,
          loaded: true,
        });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败，请下拉重试' });
      } finally {
        this.setData({ loading: false });
      }
    },
  },
});
