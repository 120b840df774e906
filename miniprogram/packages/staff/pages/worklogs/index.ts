/** Staff: a worker's work log for a month, chosen from the roster, and its export as the Excel 台账. */
import type { WorklogDay } from '../../../../../typings/field';
import { exportWorklog, worklog } from '../../../../services/field';
import { getRoster } from '../../../../services/grid';
import { openSpreadsheet } from '../../../../services/spreadsheet';
import { staffCommunityId } from '../../staff-community';
import { textSizeBehavior } from '../../../../theme/text-size';

interface Person {
  userId: string;
  name: string;
  place: string;
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    month: '',
    people: [] as Person[],
    chosen: null as Person | null,
    days: [] as WorklogDay[],
    exporting: false,
    error: '',
  },
  methods: {
    onLoad(query: { communityId?: string; month?: string }) {
      const month = query.month ?? new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
      void (async () => {
        const communityId = await staffCommunityId(query.communityId);
        this.setData({ communityId, month });
        try {
          const roster = await getRoster(communityId);
          const people: Person[] = roster.grids.flatMap((g) => [
            ...g.leaders.map((m) => ({ userId: m.userId, name: m.name, place: `${g.name} 网格长` })),
            ...g.microGrids.flatMap((mg) =>
              mg.workers.map((w) => ({ userId: w.userId, name: w.name, place: mg.label })),
            ),
          ]);
          this.setData({ people });
        } catch (error) {
          this.setData({ error: (error as { message?: string }).message ?? '加载失败' });
        }
      })();
    },
    async onChoose(e: WechatMiniprogram.TouchEvent) {
      const person = this.data.people[Number(e.currentTarget.dataset.index)];
      if (!person) return;
      try {
        const log = await worklog(this.data.month, person.userId);
        this.setData({ chosen: person, days: log.days, error: '' });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败' });
      }
    },
    onBack() {
      this.setData({ chosen: null, days: [] });
    },
    async onExport() {
      const person = this.data.chosen;
      if (!person || this.data.exporting) return;
      this.setData({ exporting: true });
      try {
        const file = await exportWorklog(person.userId, this.data.month);
        openSpreadsheet(file.url);
      } catch (error) {
        wx.showToast({ title: (error as { message?: string }).message ?? '导出失败', icon: 'none' });
      } finally {
        this.setData({ exporting: false });
      }
    },
  },
});
