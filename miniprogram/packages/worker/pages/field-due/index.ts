/**
 * 待办 (workers): the inspections and care visits due, soonest first, overdue ones marked; drafts kept on the
 * phone are sent when the page opens and whenever the network returns.
 */
import type { DueInspection, DueVisit } from '../../../../../typings/field';
import { dueList } from '../../../../services/field';
import { drafts, sendDraftsWhenOnline, sendKeptDrafts } from '../../../../services/field-drafts';
import { dueText, householdTagLabels, taskStateLabels } from '../../../../labels/field';
import { textSizeBehavior } from '../../../../theme/text-size';

Component({
  behaviors: [textSizeBehavior],
  data: {
    inspections: [] as Array<DueInspection & { stateLabel: string; dueLabel: string }>,
    visits: [] as Array<DueVisit & { tagText: string; dueLabel: string }>,
    pendingDrafts: 0,
    loading: false,
    loaded: false,
    error: '',
  },
  methods: {
    onLoad() {
      sendDraftsWhenOnline();
      void this.refresh();
    },
    onShow() {
      if (this.data.loaded) void this.refresh();
    },
    onPullDownRefresh() {
      void this.refresh().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      return this.refresh();
    },
    async refresh() {
      this.setData({ loading: true, error: '' });
      await sendKeptDrafts();
      this.setData({ pendingDrafts: drafts().length });
      try {
        const due = await dueList();
        this.setData({
          inspections: due.inspections.map((t) => ({
            ...t,
            stateLabel: taskStateLabels[t.state],
            dueLabel: `${t.overdue ? '已逾期 · ' : ''}${dueText(t.dueAt)} 前`,
          })),
          visits: due.visits.map((v) => ({
            ...v,
            tagText: v.tags.map((tag) => householdTagLabels[tag]).join('、'),
            dueLabel: `${v.overdue ? (v.escalated ? '已逾期，已报网格长 · ' : '已逾期 · ') : ''}${dueText(v.dueAt)} 前${v.attempts ? ` · 已上门 ${v.attempts} 次` : ''}`,
          })),
          loaded: true,
        });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败，请点重试' });
      } finally {
        this.setData({ loading: false });
      }
    },
    onSendDrafts() {
      void this.refresh();
    },
    onInspect(e: WechatMiniprogram.TouchEvent) {
      wx.navigateTo({
        url: `/packages/worker/pages/inspection-walk/index?taskId=${String(e.currentTarget.dataset.id)}`,
      });
    },
    onVisit(e: WechatMiniprogram.TouchEvent) {
      const visit = this.data.visits[Number(e.currentTarget.dataset.index)];
      if (!visit) return;
      wx.navigateTo({
        url: `/packages/worker/pages/care-visit/index?dueId=${visit.dueId}&place=${encodeURIComponent(visit.placeText)}&reason=${encodeURIComponent(visit.reason)}`,
      });
    },
  },
});
