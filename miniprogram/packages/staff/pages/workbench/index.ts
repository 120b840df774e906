/**
 * 工单工作台: every ticket of the community (staff) or of the leader's grid, filtered by status, category,
 * grid, micro-grid, handler, overdue, escalated and dates, searched by words, a page at a time. A ticket is
 * acted on in place: reassign 改派, reject 不予受理, merge 合并 into an original found by words.
 */
import type {
  PersonView,
  TicketActionName,
  TicketCategory,
  TicketDetail,
} from '../../../../../typings/ticket';
import type { WorkbenchFilter, WorkbenchScope } from '../../../../../typings/workbench';
import { me } from '../../../../services/user';
import { assignees, getTicket, mergeTicket, reassignTicket, rejectTicket } from '../../../../services/ticket';
import { mergeCandidates, workbenchPage, workbenchScope } from '../../../../services/workbench';
import { actOnTicket } from '../../../../tickets/act';
import { categoryTable } from '../../../../tickets/categories';
import { allowed, ticketPageView, type TicketPageView } from '../../../../tickets/views';
import { statusTabs, workbenchLine, type WorkbenchLine } from '../../../../tickets/workbench-views';
import { textSizeBehavior } from '../../../../theme/text-size';

type WorkbenchCategory = Exclude<TicketCategory, 'secretaryLetter'>;
type Panel = '' | 'reassign' | 'reject' | 'merge';
type Dataset<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

/**
 * The actions a selected ticket offers here, each with its panel. 延期 (extend) joins this table when the
 * deadlines work adds its action: a row { action: 'extend', panel: 'extend', label: '延期' } and its panel.
 */
const ROW_ACTIONS = [
  { action: 'reassign', panel: 'reassign', label: '改派' },
  { action: 'merge', panel: 'merge', label: '合并重复' },
  { action: 'reject', panel: 'reject', label: '不予受理' },
] as const satisfies ReadonlyArray<{ action: TicketActionName; panel: Panel; label: string }>;
const ACTION_NAMES = ROW_ACTIONS.map((a) => a.action);

const categories = (Object.keys(categoryTable) as TicketCategory[]).filter(
  (c): c is WorkbenchCategory => c !== 'secretaryLetter',
);

function message(error: unknown, fallback: string): string {
  return (error as { message?: string }).message || fallback;
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    scope: null as WorkbenchScope | null,
    tabs: statusTabs.map((t) => t.label),
    tabIndex: 0,
    categoryLabels: ['全部类别', ...categories.map((c) => categoryTable[c].label)],
    categoryIndex: 0,
    gridLabels: ['全部网格'] as string[],
    gridIndex: 0,
    microLabels: ['全部微网格'] as string[],
    microIndex: 0,
    personLabels: ['全部处理人'] as string[],
    personIndex: 0,
    overdue: false,
    escalated: false,
    from: '',
    to: '',
    text: '',
    lines: [] as WorkbenchLine[],
    next: '',
    searchedThrough: '',
    loading: false,
    loaded: false,
    error: '',
    selectedId: '',
    version: 0,
    ticket: null as TicketPageView | null,
    actions: [] as Array<{ action: string; panel: Panel; label: string }>,
    panel: '' as Panel,
    people: [] as PersonView[],
    assigneeUserId: '',
    reason: '',
    mergeText: '',
    candidates: [] as WorkbenchLine[],
    candidatesLoaded: false,
    intoTicketId: '',
    missing: '',
    acting: false,
  },

  methods: {
    async onLoad(query: { communityId?: string }) {
      try {
        const communityId = query.communityId || (await this.firstCommunity());
        if (!communityId) throw new Error('您没有可查看的社区工单');
        this.setData({ communityId });
        const scope = await workbenchScope(communityId);
        this.setData({ scope, gridLabels: ['全部网格', ...scope.grids.map((g) => g.name)] });
        this.setData({
          personLabels: ['全部处理人', ...scope.people.map((p) => `${p.name}（${p.roleLabel}）`)],
        });
      } catch (error) {
        this.setData({ error: message(error, '加载失败，请稍后重试'), loaded: true });
        return;
      }
      await this.load(true);
    },
    onPullDownRefresh() {
      return this.load(true).then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      if (this.data.next && !this.data.loading) return this.load(false);
      return undefined;
    },

    async firstCommunity(): Promise<string> {
      const user = await me();
      const grant = user.roles.find(
        (g) => g.role === 'staff' || g.role === 'secretary' || g.role === 'leader',
      );
      return grant?.communityId ?? '';
    },

    /** The filter the controls say. */
    filter(): WorkbenchFilter {
      const d = this.data;
      const grid = d.scope && d.gridIndex > 0 ? d.scope.grids[d.gridIndex - 1] : undefined;
      const micro = grid && d.microIndex > 0 ? grid.microGrids[d.microIndex - 1] : undefined;
      const person = d.scope && d.personIndex > 0 ? d.scope.people[d.personIndex - 1] : undefined;
      const category = d.categoryIndex > 0 ? categories[d.categoryIndex - 1] : undefined;
      const statuses = statusTabs[d.tabIndex]?.statuses ?? [];
      return {
        ...(statuses.length ? { statuses } : {}),
        ...(category ? { category } : {}),
        ...(micro ? { microGridId: micro.microGridId } : grid ? { gridId: grid.gridId } : {}),
        ...(person ? { assigneeUserId: person.userId } : {}),
        ...(d.overdue ? { overdue: true } : {}),
        ...(d.escalated ? { escalated: true } : {}),
        ...(d.from ? { from: d.from } : {}),
        ...(d.to ? { to: d.to } : {}),
        ...(d.text.trim() ? { text: d.text.trim() } : {}),
      };
    },

    /** The first page again (reset) or the next one. */
    async load(reset: boolean): Promise<void> {
      this.setData({ loading: true, error: '' });
      try {
        const page = await workbenchPage(
          this.data.communityId,
          this.filter(),
          reset ? undefined : this.data.next,
        );
        const now = Date.now();
        const lines = page.rows.map((r) => workbenchLine(r, now));
        this.setData({
          lines: reset ? lines : [...this.data.lines, ...lines],
          next: page.next ?? '',
          searchedThrough: page.searchedThrough ? page.searchedThrough.slice(0, 10) : '',
          loaded: true,
        });
      } catch (error) {
        this.setData({ error: message(error, '加载失败，请下拉重试'), loaded: true });
      }
      this.setData({ loading: false });
    },
    onMore() {
      return this.load(false);
    },
    refilter() {
      this.setData({ selectedId: '', ticket: null, panel: '' });
      return this.load(true);
    },

    onTabTap(event: Dataset<{ index: number }>) {
      this.setData({ tabIndex: Number(event.currentTarget.dataset.index) });
      return this.refilter();
    },
    onCategoryChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ categoryIndex: Number(event.detail.value) });
      return this.refilter();
    },
    onGridChange(event: WechatMiniprogram.PickerChange) {
      const gridIndex = Number(event.detail.value);
      const grid = this.data.scope && gridIndex > 0 ? this.data.scope.grids[gridIndex - 1] : undefined;
      this.setData({
        gridIndex,
        microIndex: 0,
        microLabels: ['全部微网格', ...(grid ? grid.microGrids.map((m) => m.label) : [])],
      });
      return this.refilter();
    },
    onMicroChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ microIndex: Number(event.detail.value) });
      return this.refilter();
    },
    onPersonChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ personIndex: Number(event.detail.value) });
      return this.refilter();
    },
    onOverdueTap() {
      this.setData({ overdue: !this.data.overdue });
      return this.refilter();
    },
    onEscalatedTap() {
      this.setData({ escalated: !this.data.escalated });
      return this.refilter();
    },
    onFromChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ from: String(event.detail.value) });
      return this.refilter();
    },
    onToChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ to: String(event.detail.value) });
      return this.refilter();
    },
    onClearDates() {
      this.setData({ from: '', to: '' });
      return this.refilter();
    },
    onTextInput(event: WechatMiniprogram.Input) {
      this.setData({ text: event.detail.value });
    },
    onSearch() {
      return this.refilter();
    },

    async onLineTap(event: Dataset<{ id: string }>) {
      const id = event.currentTarget.dataset.id;
      if (this.data.selectedId === id) return this.setData({ selectedId: '', ticket: null, panel: '' });
      this.setData({ selectedId: id, ticket: null, panel: '', missing: '' });
      return this.reload();
    },
    async reload(): Promise<void> {
      if (!this.data.selectedId) return;
      try {
        this.show(await getTicket(this.data.selectedId));
      } catch (error) {
        this.setData({ missing: message(error, '加载失败') });
      }
    },
    show(detail: TicketDetail) {
      const can = allowed(detail, ACTION_NAMES);
      this.setData({
        version: detail.version,
        ticket: ticketPageView(detail, Date.now()),
        actions: ROW_ACTIONS.filter((a) => can[a.action]),
      });
    },

    async onOpenPanel(event: Dataset<{ panel: Panel }>) {
      const panel = event.currentTarget.dataset.panel;
      this.setData({ panel, missing: '', assigneeUserId: '', reason: '', intoTicketId: '', candidates: [] });
      this.setData({ mergeText: '', candidatesLoaded: false });
      if (panel === 'reassign') {
        try {
          this.setData({ people: await assignees(this.data.selectedId) });
        } catch (error) {
          this.setData({ missing: message(error, '加载处理人失败') });
        }
      }
      if (panel === 'merge') await this.searchOriginals();
    },
    onClosePanel() {
      this.setData({ panel: '', missing: '' });
    },
    onPersonTap(event: Dataset<{ id: string }>) {
      this.setData({ assigneeUserId: event.currentTarget.dataset.id });
    },
    onReasonInput(event: WechatMiniprogram.Input) {
      this.setData({ reason: event.detail.value });
    },
    onMergeTextInput(event: WechatMiniprogram.Input) {
      this.setData({ mergeText: event.detail.value });
    },
    async searchOriginals(): Promise<void> {
      try {
        const page = await mergeCandidates(this.data.selectedId, this.data.mergeText.trim());
        const now = Date.now();
        this.setData({ candidates: page.rows.map((r) => workbenchLine(r, now)), candidatesLoaded: true });
      } catch (error) {
        this.setData({ missing: message(error, '搜索失败') });
      }
    },
    onMergeSearch() {
      return this.searchOriginals();
    },
    onCandidateTap(event: Dataset<{ id: string }>) {
      this.setData({ intoTicketId: event.currentTarget.dataset.id });
    },

    /** Sends one action; on success the list is read again (the ticket may have left the filter). */
    async act(run: () => Promise<TicketDetail>, doneText: string): Promise<void> {
      if (this.data.acting) return;
      this.setData({ acting: true });
      const ok = await actOnTicket(this, run, doneText);
      this.setData({ acting: false });
      if (!ok) return;
      this.setData({ selectedId: '', ticket: null, panel: '' });
      await this.load(true);
    },
    onReassignSubmit() {
      const { selectedId, version, assigneeUserId } = this.data;
      if (!assigneeUserId) return this.setData({ missing: '请选择改派给谁' });
      return this.act(() => reassignTicket(selectedId, version, assigneeUserId), '已改派');
    },
    onRejectSubmit() {
      const reason = this.data.reason.trim();
      if (!reason) return this.setData({ missing: '请填写不予受理的原因' });
      return this.act(() => rejectTicket(this.data.selectedId, this.data.version, reason), '已处理');
    },
    onMergeSubmit() {
      const into = this.data.intoTicketId;
      if (!into) return this.setData({ missing: '请先选择原工单' });
      return this.act(() => mergeTicket(this.data.selectedId, this.data.version, into), '已合并');
    },
  },
});
