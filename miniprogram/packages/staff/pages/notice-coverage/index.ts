/**
 * 覆盖情况 (staff): a notice's coverage live — the community total, each grid (tap to open its micro-grids)
 * with households reached / households in the audience, residents who confirmed, the hourly trend — and
 * the export to Excel. Polls while open, so the figures move as receipts and visits arrive.
 */
import type { CoverageCounts, CoverageView } from '../../../../../typings/notice';
import { exportCoverage, noticeCoverage } from '../../../../services/notice';
import { openSpreadsheet } from '../../../../services/spreadsheet';
import { timeText } from '../../../../pages/notices/categories';
import { textSizeBehavior } from '../../../../theme/text-size';

const POLL_MS = 15_000;

/** 0.456 → 45.6% */
function percent(c: CoverageCounts): string {
  return c.households ? `${((c.reached / c.households) * 100).toFixed(1)}%` : '—';
}

interface Row extends CoverageCounts {
  id: string;
  name: string;
  rate: string;
}

interface GridRow extends Row {
  open: boolean;
  microGrids: Row[];
}

function rowsOf(view: CoverageView): GridRow[] {
  return view.grids.map((g) => ({
    ...g,
    id: g.gridId,
    rate: percent(g),
    open: false,
    microGrids: g.microGrids.map((m) => ({ ...m, id: m.microGridId, rate: percent(m) })),
  }));
}

let timer: ReturnType<typeof setInterval> | null = null;

Component({
  behaviors: [textSizeBehavior],
  data: {
    noticeId: '',
    title: '',
    total: null as (CoverageCounts & { rate: string }) | null,
    grids: [] as GridRow[],
    trend: [] as Array<{ label: string; reached: number; height: number }>,
    exporting: false,
    error: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ noticeId: query.noticeId ?? '' });
      void this.load();
    },
    onShow() {
      if (!timer) timer = setInterval(() => void this.load(), POLL_MS);
    },
    onHide() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    onUnload() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    async load() {
      try {
        const view = await noticeCoverage(this.data.noticeId);
        const open = new Set(this.data.grids.filter((g) => g.open).map((g) => g.id));
        const peak = Math.max(1, ...view.trend.map((t) => t.reached));
        this.setData({
          title: view.title,
          total: { ...view.community, rate: percent(view.community) },
          grids: rowsOf(view).map((g) => ({ ...g, open: open.has(g.id) })),
          trend: view.trend.slice(-24).map((t) => ({
            label: timeText(t.hour).slice(-5),
            reached: t.reached,
            height: Math.round((t.reached / peak) * 100),
          })),
          error: '',
        });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败' });
      }
    },
    onToggleGrid(e: WechatMiniprogram.TouchEvent) {
      const g = Number(e.currentTarget.dataset.g);
      this.setData({ [`grids[${g}].open`]: !this.data.grids[g]?.open });
    },
    async onExport() {
      if (this.data.exporting) return;
      this.setData({ exporting: true });
      try {
        const file = await exportCoverage(this.data.noticeId);
        openSpreadsheet(file.url);
      } catch (error) {
        wx.showToast({ title: (error as { message?: string }).message ?? '导出失败', icon: 'none' });
      } finally {
        this.setData({ exporting: false });
      }
    },
  },
});
