/**
 * 网格群 (staff): which grids have a bound WeChat group, who bound it, and which notices were shared into
 * which group. A group bound to the wrong grid (the first share wins) is moved or unbound here.
 */
import type { GridGroupView } from '../../../../../typings/notice';
import { fixGroup, groups } from '../../../../services/notice';
import { timeText } from '../../../../pages/notices/categories';
import { textSizeBehavior } from '../../../../theme/text-size';

interface GroupRow {
  bindingId: string;
  label: string;
  boundText: string;
  fixed: boolean;
  shares: Array<{ noticeId: string; title: string; timeText: string; opens: number }>;
}

interface GridRow {
  gridId: string;
  name: string;
  groups: GroupRow[];
}

/** A choice of the 改绑 picker: another grid, or no grid at all. */
interface Target {
  gridId: string | null;
  label: string;
}

function rows(grids: GridGroupView[]): GridRow[] {
  return grids.map((grid) => ({
    gridId: grid.gridId,
    name: grid.name,
    groups: grid.groups.map((g) => ({
      bindingId: g.bindingId,
      label: g.label,
      boundText: `${g.boundBy || '—'} 于 ${timeText(g.boundAt)} 绑定`,
      fixed: g.fixed,
      shares: g.shares.map((s) => ({
        noticeId: s.noticeId,
        title: s.title,
        timeText: timeText(s.firstOpenedAt),
        opens: s.opens,
      })),
    })),
  }));
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    grids: [] as GridRow[],
    targets: [] as Target[],
    boundGrids: 0,
    groupCount: 0,
    loaded: false,
    busy: false,
    error: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ communityId: query.communityId ?? '' });
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    async load() {
      try {
        this.show(await groups(this.data.communityId));
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败，请下拉重试' });
      }
    },
    show(grids: GridGroupView[]) {
      this.setData({
        grids: rows(grids),
        targets: [
          ...grids.map((g) => ({ gridId: g.gridId, label: g.name })),
          { gridId: null, label: '解除绑定' },
        ],
        boundGrids: grids.filter((g) => g.groups.length > 0).length,
        groupCount: grids.reduce((n, g) => n + g.groups.length, 0),
        loaded: true,
        error: '',
      });
    },
    async onMove(e: WechatMiniprogram.PickerChange) {
      const { binding, grid } = e.currentTarget.dataset as { binding: string; grid: string };
      const target = this.data.targets[Number(e.detail.value)];
      if (!target || target.gridId === grid || this.data.busy) return;
      this.setData({ busy: true });
      try {
        this.show(await fixGroup(binding, target.gridId));
        wx.showToast({
          title: target.gridId ? `已改绑到${target.label}` : '已解除绑定',
          icon: 'none',
        });
      } catch (error) {
        wx.showToast({ title: (error as { message?: string }).message ?? '操作失败', icon: 'none' });
      } finally {
        this.setData({ busy: false });
      }
    },
    onTapNotice(e: WechatMiniprogram.TouchEvent) {
      wx.navigateTo({
        url: `/packages/staff/pages/notice-coverage/index?noticeId=${String(e.currentTarget.dataset.id ?? '')}`,
      });
    },
  },
});
