/**
 * 我的通知 (staff): the community's notices — drafts and scheduled ones open in the compose page to finish,
 * published ones open their coverage page (households reached per grid and micro-grid, the Excel export).
 */
import { staffBoard } from '../../../../services/notice';
import { lineOf, type NoticeLine } from './rows';
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
    drafts: [] as NoticeLine[],
    scheduled: [] as NoticeLine[],
    published: [] as NoticeLine[],
    loaded: false,
    error: '',
  },
  methods: {
    onLoad(query: { communityId?: string }) {
      this.setData({ communityId: query.communityId ?? '' });
      return this.load();
    },
    onShow() {
      // Back from compose or coverage: a draft just published moves to its list.
      if (this.data.loaded) return this.load();
      return undefined;
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    async load(): Promise<void> {
      try {
        const board = await staffBoard(this.data.communityId);
        this.setData({
          drafts: board.drafts.map(lineOf),
          scheduled: board.scheduled.map(lineOf),
          published: board.published.map(lineOf),
          loaded: true,
          error: '',
        });
      } catch (error) {
        this.setData({
          loaded: true,
          error: (error as { message?: string }).message || '加载失败，请下拉重试',
        });
      }
    },
    onComposeTap() {
      wx.navigateTo({
        url: `/packages/staff/pages/notice-compose/index?communityId=${this.data.communityId}`,
      });
    },
    onEditTap(event: Dataset<{ id: string }>) {
      wx.navigateTo({
        url: `/packages/staff/pages/notice-compose/index?communityId=${this.data.communityId}&noticeId=${event.currentTarget.dataset.id}`,
      });
    },
    onCoverageTap(event: Dataset<{ id: string }>) {
      wx.navigateTo({
        url: `/packages/staff/pages/notice-coverage/index?noticeId=${event.currentTarget.dataset.id}`,
      });
    },
  },
});
