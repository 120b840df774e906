/**
 * 工单统计 (staff, a grid leader, the street office): the month's figures of a community or a grid — the
 * headline figures, then one figure at a time as bars per grid, micro-grid, worker or category — and the
 * export to Excel. The bars are views sized in percent, not a chart library: ECharts for mini-programs
 * (echarts-for-weixin) adds ~1 MB to a subpackage whose limit is 2 MB, for bars that a view draws as well.
 */
import type { FigureBreakdown, FigureId, FiguresRequest, FiguresView } from '../../../../../typings/figures';
import { exportFigures, figures } from '../../../../services/figures';
import { openSpreadsheet } from '../../../../services/spreadsheet';
import { textSizeBehavior } from '../../../../theme/text-size';

type Unit = FiguresView['columns'][number]['unit'];

/** The figures a person picks from for the bars, in this order. */
const PICKABLE: FigureId[] = [
  'responseRate',
  'resolutionRate',
  'onTimeCloseRate',
  'satisfactionRate',
  'reworkRate',
  'extensionRate',
  'received',
  'signMinutesMean',
  'resolveMinutesMean',
];

const HEADLINE: FigureId[] = [
  'received',
  'responseRate',
  'resolutionRate',
  'onTimeCloseRate',
  'satisfactionRate',
  'reworkRate',
];

const BREAKDOWNS: Array<{ id: FigureBreakdown; label: string }> = [
  { id: 'grid', label: '网格' },
  { id: 'microGrid', label: '微网格' },
  { id: 'worker', label: '网格员' },
  { id: 'category', label: '分类' },
];

/** A value in words: 97.5%, 42 分钟, 4.5 星, 12; — where there is none. */
function textOf(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  if (unit === 'percent') return `${value}%`;
  if (unit === 'minutes')
    return value >= 120 ? `${Math.round((value / 60) * 10) / 10} 小时` : `${value} 分钟`;
  if (unit === 'stars') return `${value} 星`;
  return String(value);
}

interface Bar {
  key: string;
  label: string;
  text: string;
  width: number;
}

function barsOf(view: FiguresView, breakdown: FigureBreakdown, figure: FigureId): Bar[] {
  const unit = view.columns.find((c) => c.id === figure)?.unit ?? 'count';
  const rows = view.breakdowns[breakdown];
  const peak = unit === 'percent' ? 100 : Math.max(1, ...rows.map((r) => r.values[figure] ?? 0));
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    text: textOf(r.values[figure], unit),
    width: Math.round(((r.values[figure] ?? 0) / peak) * 100),
  }));
}

/** This month in Asia/Shanghai, YYYY-MM. */
function thisMonth(): string {
  const shanghai = new Date(Date.now() + 8 * 3_600_000);
  return shanghai.toISOString().slice(0, 7);
}

let view: FiguresView | null = null;

Component({
  behaviors: [textSizeBehavior],
  data: {
    request: null as FiguresRequest | null,
    headline: [] as Array<{ id: FigureId; label: string; text: string }>,
    breakdowns: BREAKDOWNS,
    breakdown: 'grid' as FigureBreakdown,
    figures: [] as Array<{ id: FigureId; label: string }>,
    figure: 'responseRate' as FigureId,
    bars: [] as Bar[],
    exporting: false,
    error: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const month = query.month ?? thisMonth();
      const request: FiguresRequest = {
        communityId: query.communityId ?? '',
        ...(query.gridId ? { gridId: query.gridId } : {}),
        fromMonth: month,
        toMonth: query.toMonth ?? month,
      };
      this.setData({ request, breakdown: query.gridId ? 'microGrid' : 'grid' });
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    async load() {
      if (!this.data.request) return;
      try {
        view = await figures(this.data.request);
        const total = view.breakdowns.community[0];
        const column = (id: FigureId) => view!.columns.find((c) => c.id === id)!;
        this.setData({
          headline: HEADLINE.map((id) => ({
            id,
            label: column(id).label,
            text: textOf(total?.values[id] ?? null, column(id).unit),
          })),
          figures: PICKABLE.map((id) => ({ id, label: column(id).label })),
          error: '',
        });
        this.draw();
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败' });
      }
    },
    draw() {
      if (view) this.setData({ bars: barsOf(view, this.data.breakdown, this.data.figure) });
    },
    onBreakdown(e: WechatMiniprogram.TouchEvent) {
      this.setData({ breakdown: e.currentTarget.dataset.id as FigureBreakdown });
      this.draw();
    },
    onFigure(e: WechatMiniprogram.TouchEvent) {
      this.setData({ figure: e.currentTarget.dataset.id as FigureId });
      this.draw();
    },
    async onExport() {
      if (this.data.exporting || !this.data.request) return;
      this.setData({ exporting: true });
      try {
        const file = await exportFigures(this.data.request);
        openSpreadsheet(file.url);
      } catch (error) {
        wx.showToast({ title: (error as { message?: string }).message ?? '导出失败', icon: 'none' });
      } finally {
        this.setData({ exporting: false });
      }
    },
  },
});
