/**
 * 排查 walk (workers): each item answered 合格 / 不合格 / 不适用 with large buttons, a photo taken for each 不合格.
 * Every answer is kept at once as a draft in wx storage under one client request id, so a walk survives a dead
 * zone or a closed app; 提交 sends it, and without a network it stays kept and goes when the network returns.
 */
import type { InspectionTaskView, ItemResult, TemplateItem } from '../../../../../typings/field';
import { inspectionTask } from '../../../../services/field';
import {
  draftOf,
  keepDraft,
  sendDraft,
  sendDraftsWhenOnline,
  type DraftAnswer,
} from '../../../../services/field-drafts';
import { choosePhotos } from '../../../../services/upload';
import { itemResultLabels, walkRefusals } from '../../../../labels/field';
import { textSizeBehavior } from '../../../../theme/text-size';

let serial = 0;
function newRequestId(): string {
  serial += 1;
  return `walk-${Date.now().toString(36)}-${serial.toString(36)}`;
}

interface ItemView extends TemplateItem {
  result: ItemResult | '';
  photoPath: string;
  reinspect: boolean;
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    taskId: '',
    clientRequestId: '',
    task: null as InspectionTaskView | null,
    items: [] as ItemView[],
    results: (Object.keys(itemResultLabels) as ItemResult[]).map((key) => ({
      key,
      label: itemResultLabels[key],
    })),
    sending: false,
    outcome: '',
    error: '',
  },
  methods: {
    onLoad(query: { taskId?: string }) {
      sendDraftsWhenOnline();
      const taskId = query.taskId ?? '';
      const draft = draftOf(taskId);
      this.setData({ taskId, clientRequestId: draft?.clientRequestId ?? newRequestId() });
      void this.load(draft?.answers ?? []);
    },
    async load(kept: DraftAnswer[]) {
      try {
        const task = await this.fetchTask();
        const byKey = new Map(kept.map((a) => [a.itemKey, a]));
        this.setData({
          task,
          items: task.items.map((item) => ({
            ...item,
            result: byKey.get(item.key)?.result ?? '',
            photoPath: byKey.get(item.key)?.photoPath ?? '',
            reinspect: task.openFailures.some((f) => f.itemKey === item.key),
          })),
          error: '',
        });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败，请联网后重试' });
      }
    },
    /** The checklist from the server, else the copy kept from the last time it was opened (no network on site). */
    async fetchTask(): Promise<InspectionTaskView> {
      const key = `fieldTask:${this.data.taskId}`;
      try {
        const task = await inspectionTask(this.data.taskId);
        wx.setStorageSync(key, task);
        return task;
      } catch (error) {
        const kept = wx.getStorageSync(key) as InspectionTaskView | '';
        if (kept) return kept;
        throw error;
      }
    },
    answers(): DraftAnswer[] {
      return this.data.items
        .filter((i) => i.result)
        .map((i) => ({
          itemKey: i.key,
          result: i.result as ItemResult,
          ...(i.result === 'fail' && i.photoPath ? { photoPath: i.photoPath } : {}),
        }));
    },
    keep() {
      keepDraft({
        taskId: this.data.taskId,
        clientRequestId: this.data.clientRequestId,
        answers: this.answers(),
        savedAt: new Date(Date.now()).toISOString(),
      });
    },
    onAnswer(e: WechatMiniprogram.TouchEvent) {
      const { index, result } = e.currentTarget.dataset as { index: number; result: ItemResult };
      this.setData({ [`items[${index}].result`]: result });
      this.keep();
    },
    async onPhoto(e: WechatMiniprogram.TouchEvent) {
      const index = Number(e.currentTarget.dataset.index);
      const [path] = await choosePhotos(1);
      if (!path) return;
      this.setData({ [`items[${index}].photoPath`]: path });
      this.keep();
    },
    async onSubmit() {
      if (this.data.sending) return;
      if (this.data.items.some((i) => !i.result)) {
        wx.showModal({ title: '还不能提交', content: walkRefusals.answersMissing, showCancel: false });
        return;
      }
      if (this.data.items.some((i) => i.result === 'fail' && !i.photoPath)) {
        wx.showModal({ title: '还不能提交', content: walkRefusals.photoMissing, showCancel: false });
        return;
      }
      this.keep();
      this.setData({ sending: true });
      try {
        const draft = draftOf(this.data.taskId);
        const result = draft ? await sendDraft(draft) : null;
        if (!result) {
          this.setData({ outcome: '网络不通，排查记录已保存在手机上，联网后自动提交' });
          return;
        }
        this.setData({
          outcome:
            result.tickets.length > 0
              ? `已提交，${result.tickets.length} 项隐患已上报工单${result.tickets[0]?.assigneeName ? `，由${result.tickets[0].assigneeName}处理` : ''}`
              : '已提交，全部合格',
        });
      } catch (error) {
        wx.showToast({ title: (error as { message?: string }).message ?? '提交失败', icon: 'none' });
      } finally {
        this.setData({ sending: false });
      }
    },
  },
});
