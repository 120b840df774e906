/**
 * 网格长首页: the leader's grid at a glance — how many tickets are open, overdue and escalated 督办, the first
 * few of each, and the way into the grid's workbench and into each grid's figures.
 */
import type { LeaderHome } from '../../../../../typings/workbench';
import { me } from '../../../../services/user';
import { leaderHome } from '../../../../services/workbench';
import { workbenchLine, type WorkbenchLine } from '../../../../tickets/workbench-views';
import { textSizeBehavior } from '../../../../theme/text-size';

type Dataset<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

const WORKBENCH = '/packages/staff/pages/workbench/index';
const FIGURES = '/packages/staff/pages/figures/index';

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    gridNames: '',
    grids: [] as Array<{ gridId: string; figuresLabel: string }>,
    counts: null as LeaderHome['counts'] | null,
    open: [] as WorkbenchLine[],
    overdue: [] as WorkbenchLine[],
    escalated: [] as WorkbenchLine[],
    loaded: false,
    error: '',
  },

  methods: {
    async onLoad(query: { communityId?: string }) {
      try {
        const communityId =
          query.communityId || (await me()).roles.find((g) => g.role === 'leader')?.communityId || '';
        if (!communityId) throw new Error('您还不是网格长');
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
        const home = await leaderHome(this.data.communityId);
        const now = Date.now();
        this.setData({
          gridNames: home.grids.map((g) => g.name).join('、'),
          // The figures of each grid they lead: a leader reads their own grid's, not the community's.
          grids: home.grids.map((g) => ({
            gridId: g.gridId,
            figuresLabel: `${g.name}工单统计`,
          })),
          counts: home.counts,
          open: home.open.map((r) => workbenchLine(r, now)),
          overdue: home.overdue.map((r) => workbenchLine(r, now)),
          escalated: home.escalated.map((r) => workbenchLine(r, now)),
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
    onFiguresTap(event: Dataset<{ grid: string }>) {
      wx.navigateTo({
        url: `${FIGURES}?communityId=${this.data.communityId}&gridId=${event.currentTarget.dataset.grid}`,
      });
    },
    onWorkbenchTap() {
      wx.navigateTo({ url: `${WORKBENCH}?communityId=${this.data.communityId}` });
    },
  },
});
