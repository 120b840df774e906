/** Staff: this month's inspection progress per micro-grid (done / due / overdue), exported as Excel. */
import type { MicroGridProgress } from '../../../../../typings/field';
import { exportProgress, progress } from '../../../../services/field';
import { openSpreadsheet } from '../../../../services/spreadsheet';
import { staffCommunityId } from '../../staff-community';
import { textSizeBehavior } from '../../../../theme/text-size';

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    month: '',
    items: [] as MicroGridProgress[],
    total: { done: 0, due: 0, overdue: 0 },
    exporting: false,
    error: '',
  },
  methods: {
    onLoad(query: { communityId?: string }) {
      void (async () => {
        this.setData({ communityId: await staffCommunityId(query.communityId) });
        await this.load();
      })();
    },
    async load() {
      try {
        const view = await progress(this.data.communityId);
        const sum = (k: 'done' | 'due' | 'overdue') => view.items.reduce((n, i) => n + i[k], 0);
        this.setData({
          month: view.month,
          items: view.items,
          total: { done: sum('done'), due: sum('due'), overdue: sum('overdue') },
          error: '',
        });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败' });
      }
    },
    async onExport() {
      if (this.data.exporting) return;
      this.setData({ exporting: true });
      try {
        const file = await exportProgress(this.data.communityId);
        openSpreadsheet(file.url);
      } catch (error) {
        wx.showToast({ title: (error as { message?: string }).message ?? '导出失败', icon: 'none' });
      } finally {
        this.setData({ exporting: false });
      }
    },
  },
});
