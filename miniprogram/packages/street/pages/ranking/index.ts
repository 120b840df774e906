/**
 * 社区考核排名 (the street office): every community of the street ranked by one rate — 响应率, 解决率,
 * 按期办结率, 满意率, 返工率, 延期率 as the README defines them — over this month, the last three or the last
 * twelve; a tap on a community opens its figures or its workbench (drill-down into the staff pages).
 */
import type {
  RankedFigureId,
  StreetFigureRow,
  StreetFiguresRequest,
  StreetFiguresView,
} from '../../../../../typings/figures';
import { streetFigures } from '../../../../services/street';
import { textSizeBehavior } from '../../../../theme/text-size';

/** The periods offered, as month counts ending this month. */
const PERIODS = [
  { months: 1, label: '本月' },
  { months: 3, label: '近3个月' },
  { months: 12, label: '近12个月' },
] as const;

/** YYYY-MM of `back` months before now, Asia/Shanghai. */
function monthBack(back: number): string {
  const shanghai = new Date(Date.now() + 8 * 3_600_000);
  const d = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - back, 1));
  return d.toISOString().slice(0, 7);
}

const percent = (value: number | null) => (value === null ? '—' : `${value}%`);

interface Line {
  communityId: string;
  name: string;
  rank: string;
  value: string;
  /** 受理 12 · 结案 9 · 满意率 95% */
  detail: string;
}

function lineOf(r: StreetFigureRow, rankBy: RankedFigureId): Line {
  return {
    communityId: r.communityId,
    name: r.name,
    rank: r.ranks[rankBy] === null ? '—' : String(r.ranks[rankBy]),
    value: percent(r.values[rankBy]),
    detail: `受理 ${r.counts.received} · 结案 ${r.counts.closed} · 满意率 ${percent(r.values.satisfactionRate)}`,
  };
}

let view: StreetFiguresView | null = null;

Component({
  behaviors: [textSizeBehavior],
  data: {
    streetId: '',
    streetName: '',
    periods: PERIODS.map((p) => p.label),
    periodIndex: 0,
    rates: [] as StreetFiguresView['rates'],
    rankBy: 'responseRate' as RankedFigureId,
    /** e.g. 返工率越低越好 */
    rateNote: '',
    lines: [] as Line[],
    selectedId: '',
    selectedName: '',
    error: '',
  },

  methods: {
    onLoad(query: { streetId?: string }) {
      this.setData({ streetId: query.streetId ?? '' });
      return this.load();
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },

    request(): StreetFiguresRequest {
      const months = PERIODS[this.data.periodIndex]!.months;
      return {
        ...(this.data.streetId ? { streetId: this.data.streetId } : {}),
        fromMonth: monthBack(months - 1),
        toMonth: monthBack(0),
        rankBy: this.data.rankBy,
      };
    },

    async load(): Promise<void> {
      try {
        view = await streetFigures(this.request());
        this.show();
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message || '加载失败，请下拉重试' });
      }
    },

    show() {
      if (!view) return;
      const rate = view.rates.find((r) => r.id === view!.rankBy)!;
      this.setData({
        streetName: view.name,
        rates: view.rates,
        rankBy: view.rankBy,
        rateNote: `${rate.label}${rate.higherIsBetter ? '越高越好' : '越低越好'}`,
        lines: view.rows.map((r) => lineOf(r, view!.rankBy)),
        error: '',
      });
    },

    onRateTap(event: WechatMiniprogram.TouchEvent<object, object, { id: RankedFigureId }>) {
      this.setData({ rankBy: event.currentTarget.dataset.id, selectedId: '' });
      return this.load();
    },

    onPeriodTap(event: WechatMiniprogram.TouchEvent<object, object, { index: number }>) {
      this.setData({ periodIndex: Number(event.currentTarget.dataset.index), selectedId: '' });
      return this.load();
    },

    onLineTap(event: WechatMiniprogram.TouchEvent<object, object, { id: string; name: string }>) {
      const { id, name } = event.currentTarget.dataset;
      this.setData({ selectedId: this.data.selectedId === id ? '' : id, selectedName: name });
    },

    /** The community's figures over the same months, on the staff figures page. */
    onOpenFigures() {
      const req = this.request();
      wx.navigateTo({
        url: `/packages/staff/pages/figures/index?communityId=${this.data.selectedId}&month=${req.fromMonth}&toMonth=${req.toMonth}`,
      });
    },

    /** The community's tickets on the workbench (read only for the street office). */
    onOpenWorkbench() {
      wx.navigateTo({ url: `/packages/staff/pages/workbench/index?communityId=${this.data.selectedId}` });
    },
  },
});
