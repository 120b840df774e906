/**
 * 入户走访 (workers): the notices with households left in the worker's micro-grids; for one of them, the
 * households not yet reached, each recorded as reached in person, by phone, or nobody home (which keeps the
 * household on the list for another visit).
 */
import type { VisitList, VisitListItem, VisitOutcome, VisitTask } from '../../../../../typings/notice';
import { recordVisit, visitList, visitTasks } from '../../../../services/notice';
import { noticeCategoryLabels, timeText } from '../../../../pages/notices/categories';
import { textSizeBehavior } from '../../../../theme/text-size';

export const visitOutcomeLabels: Record<VisitOutcome, string> = {
  inPerson: '已入户告知',
  phone: '已电话告知',
  nobodyHome: '无人在家',
};

interface Household extends VisitListItem {
  attemptText: string;
}

let requests = 0;
/** A request id per tap, so that a retried call records the visit once. */
function requestId(): string {
  requests += 1;
  return `${Date.now().toString(36)}${requests.toString(36)}`;
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    tasks: [] as Array<VisitTask & { categoryLabel: string; timeText: string }>,
    list: null as (Omit<VisitList, 'unreached'> & { unreached: Household[] }) | null,
    notes: {} as Record<string, string>,
    outcomes: (Object.keys(visitOutcomeLabels) as VisitOutcome[]).map((key) => ({
      key,
      label: visitOutcomeLabels[key],
    })),
    busy: '',
    loading: false,
    loaded: false,
    error: '',
  },
  methods: {
    onLoad() {
      void this.loadTasks();
    },
    onPullDownRefresh() {
      const list = this.data.list;
      void (list ? this.openList(list.noticeId, list.microGridId) : this.loadTasks()).then(() =>
        wx.stopPullDownRefresh(),
      );
    },
    onRetry() {
      return this.loadTasks();
    },
    async loadTasks() {
      this.setData({ loading: true, error: '' });
      try {
        const tasks = await visitTasks();
        this.setData({
          tasks: tasks.map((t) => ({
            ...t,
            categoryLabel: noticeCategoryLabels[t.category],
            timeText: timeText(t.publishedAt),
          })),
          list: null,
          loaded: true,
        });
      } catch (error) {
        this.setData({ list: null, error: (error as { message?: string }).message ?? '加载失败，请点重试' });
      } finally {
        this.setData({ loading: false });
      }
    },
    onTapTask(e: WechatMiniprogram.TouchEvent) {
      const { notice, micro } = e.currentTarget.dataset as { notice: string; micro: string };
      void this.openList(notice, micro);
    },
    onBack() {
      void this.loadTasks();
    },
    async openList(noticeId: string, microGridId: string) {
      try {
        const list = await visitList(noticeId, microGridId);
        this.setData({
          list: {
            ...list,
            unreached: list.unreached.map((h) => ({
              ...h,
              attemptText: h.lastAttempt
                ? `上次：${visitOutcomeLabels[h.lastAttempt.outcome]} ${timeText(h.lastAttempt.at)}`
                : '',
            })),
          },
          error: '',
        });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败' });
      }
    },
    onNote(e: WechatMiniprogram.Input) {
      this.setData({ [`notes.${String(e.currentTarget.dataset.id)}`]: e.detail.value });
    },
    async onRecord(e: WechatMiniprogram.TouchEvent) {
      const { id, outcome } = e.currentTarget.dataset as { id: string; outcome: VisitOutcome };
      const list = this.data.list;
      if (!list || this.data.busy) return;
      this.setData({ busy: id });
      try {
        await recordVisit(list.noticeId, id, outcome, this.data.notes[id] ?? '', requestId());
        wx.showToast({
          title: visitOutcomeLabels[outcome],
          icon: outcome === 'nobodyHome' ? 'none' : 'success',
        });
        await this.openList(list.noticeId, list.microGridId);
      } catch (error) {
        wx.showToast({ title: (error as { message?: string }).message ?? '记录失败', icon: 'none' });
      } finally {
        this.setData({ busy: '' });
      }
    },
  },
});
