/**
 * 工作日志 (workers): the month's days as the system recorded them — tickets, inspections, visits, notices
 * shared — and a note to add to today. Nothing else is typed.
 */
import type { WorklogDay, WorklogEntry } from '../../../../../typings/field';
import { addWorklogNote, worklog } from '../../../../services/field';
import { textSizeBehavior } from '../../../../theme/text-size';

let serial = 0;

/** YYYY-MM-DD in Asia/Shanghai (UTC+8 all year). */
function shanghaiDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    month: '',
    today: '',
    days: [] as Array<Omit<WorklogDay, 'entries'> & { entries: Array<WorklogEntry & { time: string }> }>,
    note: '',
    clientRequestId: '',
    saving: false,
    loading: false,
    loaded: false,
    error: '',
  },
  methods: {
    onLoad(query: { month?: string }) {
      const today = shanghaiDate(new Date(Date.now()));
      serial += 1;
      this.setData({
        today,
        month: query.month ?? today.slice(0, 7),
        clientRequestId: `note-${Date.now().toString(36)}-${serial}`,
      });
      void this.load();
    },
    onRetry() {
      return this.load();
    },
    async load() {
      this.setData({ loading: true, error: '' });
      try {
        const log = await worklog(this.data.month);
        this.setData({
          days: log.days.map((d) => ({
            ...d,
            entries: d.entries.map((e) => ({ ...e, time: e.at.slice(11, 16) })),
          })),
          loaded: true,
        });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败，请点重试' });
      } finally {
        this.setData({ loading: false });
      }
    },
    onNote(e: WechatMiniprogram.Input) {
      this.setData({ note: e.detail.value });
    },
    async onAddNote() {
      const text = this.data.note.trim();
      if (!text || this.data.saving) return;
      this.setData({ saving: true });
      try {
        await addWorklogNote(this.data.today, text, this.data.clientRequestId);
        serial += 1;
        this.setData({ note: '', clientRequestId: `note-${Date.now().toString(36)}-${serial}` });
        await this.load();
      } catch (error) {
        wx.showToast({ title: (error as { message?: string }).message ?? '保存失败', icon: 'none' });
      } finally {
        this.setData({ saving: false });
      }
    },
  },
});
