/**
 * 社区网格设置 (the street office, or the community's staff): a new community's grids and micro-grids from a
 * GeoJSON file sent in a chat — first what it would create, update and retire (and what cannot be retired
 * yet), then, confirmed, applied — and its buildings from the CSV ledger (docs/import-format.md). The map is
 * then seen on the grid-map page.
 */
import type { MapPlanItem, MapReplacePlan } from '../../../../../typings/grid';
import { importBuildings, replaceMap } from '../../../../services/street';
import { chooseTextFile } from '../../../../services/text-file';
import { textSizeBehavior } from '../../../../theme/text-size';

const message = (error: unknown, fallback: string) => (error as { message?: string }).message || fallback;

/** One planned change as a line: 新建 第一网格-1号微网格 620103004002003. */
function linesOf(plan: MapReplacePlan): string[] {
  const line = (verb: string) => (i: MapPlanItem) =>
    `${verb} ${i.label}${i.code ? ` ${i.code}` : ''}${i.blockedBy ? `（仍有${i.blockedBy}，暂不能撤销）` : ''}`;
  return [
    ...plan.create.map(line('新建')),
    ...plan.update.map(line('更新')),
    ...plan.retire.map(line('撤销')),
  ];
}

const blocked = (plan: MapReplacePlan) => plan.retire.some((i) => !!i.blockedBy);

/** The map file the dry run planned: applied as it was shown (not kept in page data, which renders). */
let mapText = '';

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    communityName: '',
    fileName: '',
    planLines: [] as string[],
    planSummary: '',
    canApply: false,
    mapDone: '',
    ledgerDone: '',
    acting: false,
    error: '',
  },

  methods: {
    onLoad(query: { communityId?: string; name?: string }) {
      this.setData({ communityId: query.communityId ?? '', communityName: query.name ?? '' });
    },

    /** The map file: a dry run first, nothing written. */
    async onChooseMap(): Promise<void> {
      const file = await chooseTextFile(['geojson', 'json']);
      if (!file) return;
      this.setData({ acting: true, error: '', mapDone: '' });
      try {
        const plan = await replaceMap(this.data.communityId, file.text, true);
        mapText = file.text;
        this.setData({
          fileName: file.name,
          planLines: linesOf(plan),
          planSummary: `新建 ${plan.create.length} · 更新 ${plan.update.length} · 撤销 ${plan.retire.length} · 不变 ${plan.unchanged}`,
          canApply: plan.create.length + plan.update.length + plan.retire.length > 0 && !blocked(plan),
        });
      } catch (error) {
        this.setData({ error: message(error, '地图文件无法读取，请检查后重试') });
      } finally {
        this.setData({ acting: false });
      }
    },

    async onApplyMap(): Promise<void> {
      if (!mapText || !this.data.canApply) return;
      this.setData({ acting: true, error: '' });
      try {
        const plan = await replaceMap(this.data.communityId, mapText, false);
        this.setData({
          canApply: false,
          planLines: [],
          mapDone: `已导入：新建 ${plan.create.length}，更新 ${plan.update.length}，撤销 ${plan.retire.length}`,
        });
      } catch (error) {
        this.setData({ error: message(error, '导入失败，请重试') });
      } finally {
        this.setData({ acting: false });
      }
    },

    async onChooseLedger(): Promise<void> {
      const file = await chooseTextFile(['csv']);
      if (!file) return;
      this.setData({ acting: true, error: '' });
      try {
        const summary = await importBuildings(this.data.communityId, file.text);
        this.setData({
          ledgerDone: `楼栋台账已导入：新建 ${summary.created}，更新 ${summary.updated}，不变 ${summary.unchanged}`,
        });
      } catch (error) {
        this.setData({ error: message(error, '台账导入失败，请检查后重试') });
      } finally {
        this.setData({ acting: false });
      }
    },

    onOpenMap() {
      wx.navigateTo({ url: `/packages/staff/pages/grid-map/index?communityId=${this.data.communityId}` });
    },
  },
});
