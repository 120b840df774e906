/**
 * Staff: the community's inspection templates (one item a line, "内容 / 分类", e.g. 楼道内无飞线充电 / 飞线充电),
 * planned monthly for every micro-grid; and its care groups from household tags with a cadence.
 */
import type {
  CareCadence,
  CareGroupView,
  InspectionTemplateView,
  NoticeHouseholdTag,
  TemplateItem,
} from '../../../../../typings/field';
import type { TicketCategory } from '../../../../../typings/ticket';
import { careGroups, planMonthly, saveCareGroup, saveTemplate, templates } from '../../../../services/field';
import { getRoster } from '../../../../services/grid';
import { cadenceLabels, householdTagLabels } from '../../../../labels/field';
import { categoryTable } from '../../../../tickets/categories';
import { staffCommunityId } from '../../staff-community';
import { textSizeBehavior } from '../../../../theme/text-size';

const categoryByLabel = new Map<string, TicketCategory>(
  (Object.keys(categoryTable) as TicketCategory[]).map((key) => [categoryTable[key].label, key]),
);

/** "楼道内无飞线充电 / 飞线充电" per line → items; null when a line names no known category. */
export function parseItems(text: string): TemplateItem[] | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const items: TemplateItem[] = [];
  for (const [i, line] of lines.entries()) {
    const [itemText, label] = line.split(/\s*[/／]\s*/);
    const category = label ? categoryByLabel.get(label) : undefined;
    if (!itemText || !category) return null;
    items.push({ key: `i${i + 1}`, text: itemText, category });
  }
  return items.length ? items : null;
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    templates: [] as Array<InspectionTemplateView & { itemsText: string }>,
    groups: [] as Array<CareGroupView & { tagText: string; cadenceLabel: string }>,
    templateName: '',
    itemsText: '',
    groupName: '',
    tags: (Object.keys(householdTagLabels) as NoticeHouseholdTag[]).map((key) => ({
      key,
      label: householdTagLabels[key],
      on: false,
    })),
    cadences: (Object.keys(cadenceLabels) as CareCadence[]).map((key) => ({
      key,
      label: cadenceLabels[key],
    })),
    cadence: 'weekly' as CareCadence,
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
        const [list, groups] = await Promise.all([
          templates(this.data.communityId),
          careGroups(this.data.communityId),
        ]);
        this.setData({
          templates: list.map((t) => ({ ...t, itemsText: t.items.map((i) => i.text).join('；') })),
          groups: groups.map((g) => ({
            ...g,
            tagText: g.tags.map((t) => householdTagLabels[t]).join('、'),
            cadenceLabel: cadenceLabels[g.cadence],
          })),
          error: '',
        });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message ?? '加载失败' });
      }
    },
    onInput(e: WechatMiniprogram.Input) {
      this.setData({ [String(e.currentTarget.dataset.field)]: e.detail.value });
    },
    async onSaveTemplate() {
      const items = parseItems(this.data.itemsText);
      if (!items) {
        wx.showToast({ title: '每行写「项目内容 / 分类」，分类如 飞线充电', icon: 'none' });
        return;
      }
      try {
        await saveTemplate(this.data.communityId, this.data.templateName, items);
        this.setData({ templateName: '', itemsText: '' });
        await this.load();
      } catch (error) {
        wx.showToast({ title: (error as { message?: string }).message ?? '保存失败', icon: 'none' });
      }
    },
    async onPlan(e: WechatMiniprogram.TouchEvent) {
      try {
        const roster = await getRoster(this.data.communityId);
        const micro = roster.grids.flatMap((g) => g.microGrids.map((m) => m.microGridId));
        const plan = await planMonthly(this.data.communityId, String(e.currentTarget.dataset.id), micro);
        wx.showToast({ title: `已安排本月 ${plan.tasks} 栋楼的排查`, icon: 'none' });
      } catch (error) {
        wx.showToast({ title: (error as { message?: string }).message ?? '安排失败', icon: 'none' });
      }
    },
    onTag(e: WechatMiniprogram.TouchEvent) {
      const i = Number(e.currentTarget.dataset.index);
      this.setData({ [`tags[${i}].on`]: !this.data.tags[i]?.on });
    },
    onCadence(e: WechatMiniprogram.TouchEvent) {
      this.setData({ cadence: e.currentTarget.dataset.key as CareCadence });
    },
    async onSaveGroup() {
      const tags = this.data.tags.filter((t) => t.on).map((t) => t.key);
      if (tags.length === 0) {
        wx.showToast({ title: '请至少选择一个住户标签', icon: 'none' });
        return;
      }
      try {
        await saveCareGroup(this.data.communityId, this.data.groupName, tags, this.data.cadence);
        this.setData({ groupName: '' });
        await this.load();
      } catch (error) {
        wx.showToast({ title: (error as { message?: string }).message ?? '保存失败', icon: 'none' });
      }
    },
  },
});
