/**
 * 值班台: the community's tickets no rule could route and those a worker returned. Staff pick one and route it
 * by hand to a micro-grid (and optionally a worker), reject it as spam, or merge it into the original, found
 * by words among every unfinished ticket of the community.
 */
import type { TicketActionName, TicketDetail } from '../../../../../typings/ticket';
import { getRoster } from '../../../../services/grid';
import { dutyQueue, getTicket, mergeTicket, rejectTicket, routeManually } from '../../../../services/ticket';
import { actOnTicket } from '../../../../tickets/act';
import {
  allowed,
  ticketCard,
  ticketPageView,
  type TicketCard,
  type TicketPageView,
} from '../../../../tickets/views';
import { mergeCandidates } from '../../../../services/workbench';
import { workbenchLine, type WorkbenchLine } from '../../../../tickets/workbench-views';
import { staffCommunityId } from '../../staff-community';
import { textSizeBehavior } from '../../../../theme/text-size';

const ACTIONS = ['routeManually', 'reject', 'merge'] as const satisfies readonly TicketActionName[];
type Panel = '' | 'route' | 'reject' | 'merge';
type Dataset<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

interface MicroGridChoice {
  microGridId: string;
  label: string;
  workers: Array<{ userId: string; name: string }>;
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    cards: [] as TicketCard[],
    loading: false,
    loaded: false,
    error: '',
    selectedId: '',
    version: 0,
    ticket: null as TicketPageView | null,
    can: { routeManually: false, reject: false, merge: false },
    panel: '' as Panel,
    microGrids: [] as MicroGridChoice[],
    microGridLabels: [] as string[],
    microGridIndex: -1,
    assigneeUserId: '',
    note: '',
    reason: '',
    intoTicketId: '',
    mergeText: '',
    candidates: [] as WorkbenchLine[],
    candidatesLoaded: false,
    missing: '',
    acting: false,
  },

  methods: {
    async onLoad(query: { communityId?: string }) {
      this.setData({ loading: true, error: '' });
      try {
        this.setData({ communityId: await staffCommunityId(query.communityId) });
      } catch (error) {
        this.setData({
          loading: false,
          error: (error as { message?: string }).message || '加载失败，请点重试',
        });
        return;
      }
      await Promise.all([this.load(), this.loadMicroGrids()]);
    },
    onRetry() {
      return this.data.communityId ? this.load() : this.onLoad({});
    },
    onShow() {
      if (this.data.loaded) return this.load();
      return undefined;
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },

    async load(): Promise<void> {
      this.setData({ loading: true, error: '' });
      try {
        const found = await dutyQueue(this.data.communityId);
        const now = Date.now();
        this.setData({ cards: found.map((s) => ticketCard(s, now)), loaded: true });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message || '加载失败，请点重试' });
      } finally {
        this.setData({ loading: false });
      }
    },

    async loadMicroGrids(): Promise<void> {
      try {
        const roster = await getRoster(this.data.communityId);
        const microGrids = roster.grids.flatMap((g) =>
          g.microGrids.map((m) => ({
            microGridId: m.microGridId,
            label: m.label,
            workers: m.workers.map((w) => ({ userId: w.userId, name: w.name })),
          })),
        );
        this.setData({ microGrids, microGridLabels: microGrids.map((m) => m.label) });
      } catch {
        // Without the roster staff can still reject or merge; routing says what is missing.
      }
    },

    async onCardTap(event: Dataset<{ id: string }>) {
      this.setData({ selectedId: event.currentTarget.dataset.id, panel: '', missing: '' });
      await this.reload();
    },

    async reload(): Promise<void> {
      if (!this.data.selectedId) return;
      try {
        this.show(await getTicket(this.data.selectedId));
      } catch (error) {
        this.setData({ missing: (error as { message?: string }).message || '加载失败' });
      }
    },

    show(detail: TicketDetail) {
      this.setData({
        version: detail.version,
        ticket: ticketPageView(detail, Date.now()),
        can: allowed(detail, ACTIONS),
      });
    },

    onOpenPanel(event: Dataset<{ panel: Panel }>) {
      const panel = event.currentTarget.dataset.panel;
      this.setData({
        panel,
        missing: '',
        intoTicketId: '',
        mergeText: '',
        candidates: [],
        candidatesLoaded: false,
      });
      if (panel === 'merge') return this.searchOriginals();
      return undefined;
    },
    /** Originals among every unfinished ticket of the community, assigned or not (issue 11 item 1). */
    async searchOriginals(): Promise<void> {
      try {
        const page = await mergeCandidates(this.data.selectedId, this.data.mergeText.trim());
        const now = Date.now();
        this.setData({ candidates: page.rows.map((r) => workbenchLine(r, now)), candidatesLoaded: true });
      } catch (error) {
        this.setData({ missing: (error as { message?: string }).message || '搜索失败' });
      }
    },
    onMergeTextInput(event: WechatMiniprogram.Input) {
      this.setData({ mergeText: event.detail.value });
    },
    onMergeSearch() {
      return this.searchOriginals();
    },
    onClosePanel() {
      this.setData({ panel: '', missing: '' });
    },
    onMicroGridChange(event: WechatMiniprogram.PickerChange) {
      this.setData({ microGridIndex: Number(event.detail.value), assigneeUserId: '' });
    },
    onWorkerTap(event: Dataset<{ id: string }>) {
      const id = event.currentTarget.dataset.id;
      this.setData({ assigneeUserId: this.data.assigneeUserId === id ? '' : id });
    },
    onNoteInput(event: WechatMiniprogram.Input) {
      this.setData({ note: event.detail.value });
    },
    onReasonInput(event: WechatMiniprogram.Input) {
      this.setData({ reason: event.detail.value });
    },
    onIntoTap(event: Dataset<{ id: string }>) {
      this.setData({ intoTicketId: event.currentTarget.dataset.id });
    },

    /** Sends one action; on success the ticket leaves the queue. */
    async act(run: () => Promise<TicketDetail>, doneText: string): Promise<void> {
      if (this.data.acting) return;
      this.setData({ acting: true });
      const ok = await actOnTicket(this, run, doneText);
      this.setData({ acting: false });
      if (!ok) return;
      this.setData({
        selectedId: '',
        ticket: null,
        panel: '',
        note: '',
        reason: '',
        intoTicketId: '',
        candidates: [],
      });
      await this.load();
    },

    onRouteSubmit() {
      const microGrid = this.data.microGrids[this.data.microGridIndex];
      if (!microGrid) return this.setData({ missing: '请选择微网格' });
      const { selectedId, version, assigneeUserId, note } = this.data;
      return this.act(
        () =>
          routeManually(
            selectedId,
            version,
            microGrid.microGridId,
            assigneeUserId || undefined,
            note.trim() || undefined,
          ),
        '已分派',
      );
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
