/**
 * 书记首页: the escalations that reached the secretary 督办 (the longest escalated first) and the 书记信箱
 * letters, which are hers alone; the way into the community's workbench.
 */
import type { SecretaryHome } from '../../../../../typings/workbench';
import { secretaryHome } from '../../../../services/workbench';
import { me } from '../../../../services/user';
import { letterCard, type TicketCard } from '../../../../tickets/views';
import { workbenchLine, type WorkbenchLine } from '../../../../tickets/workbench-views';
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
    communityName: '',
    counts: null as SecretaryHome['counts'] | null,
    escalations: [] as WorkbenchLine[],
    letters: [] as TicketCard[],
    loaded: false,
    error: '',
  },

  methods: {
    async onLoad(query: { communityId?: string }) {
      try {
        const communityId =
          query.communityId || (await me()).roles.find((g) => g.role === 'secretary')?.communityId || '';
        if (!communityId) throw new Error('您还不是社区书记');
        this.setData({ communityId });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message || '加载失败', loaded: true });
        return;
      }
      await this.load();
    },
    onShow() {
      if (this.data.loaded && this.data.communityId) return this.load();
      return undefined;
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },

    async load(): Promise<void> {
      try {
        const home = await secretaryHome(this.data.communityId);
        const now = Date.now();
        this.setData({
          communityName: home.communityName,
          counts: home.counts,
          escalations: home.escalations.map((r) => workbenchLine(r, now)),
          letters: home.letters.map((s) => letterCard(s, now)),
          loaded: true,
          error: '',
        });
      } catch (error) {
        this.setData({
          error: (error as { message?: string }).message || '加载失败，请下拉重试',
          loaded: true,
        });
      }
    },

    onTicketTap(event: Dataset<{ id: string }>) {
      wx.navigateTo({ url: `/packages/worker/pages/ticket/index?id=${event.currentTarget.dataset.id}` });
    },
    onWorkbenchTap() {
      wx.navigateTo({ url: `/packages/staff/pages/workbench/index?communityId=${this.data.communityId}` });
    },
  },
});
