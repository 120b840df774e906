/**
 * A worker's or leader's ticket: the report, its place and routing, the timeline, and forms for what the
 * server allows now — 签收, a progress note with photos, a co-handling party and what was asked of them, 办结
 * with evidence, 退回 with a reason, and (leader) reassignment within the grid. Polls while shown; a
 * stale-version refusal reloads it and says so.
 */
import type {
  PersonView,
  TicketActionName,
  TicketCategory,
  TicketDetail,
} from '../../../../../typings/ticket';
import {
  acceptTicket,
  assignees,
  getTicket,
  reassignTicket,
  recordCoHandler,
  recordProgress,
  resolveTicket,
  returnTicket,
} from '../../../../services/ticket';
import { approveExtension, askExtension, denyExtension } from '../../../../services/extension';
import { choosePhotos, uploadPhotos } from '../../../../services/upload';
import { actOnTicket, POLL_MS } from '../../../../tickets/act';
import { allowed, ticketPageView, type TicketPageView } from '../../../../tickets/views';
import { commonParties, resolveMissing } from './evidence';
import { textSizeBehavior } from '../../../../theme/text-size';

const ACTIONS = [
  'accept',
  'progress',
  'coHandle',
  'resolve',
  'return',
  'reassign',
  'askExtension',
  'approveExtension',
  'denyExtension',
] as const satisfies readonly TicketActionName[];
type Panel =
  '' | 'progress' | 'coHandle' | 'resolve' | 'return' | 'reassign' | 'askExtension' | 'denyExtension';
/** The working days a worker may ask for; the server holds the community's maximum. */
const EXTENSION_DAYS = [1, 2, 3, 5, 10];
type Dataset<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;
type Input = WechatMiniprogram.Input;

const MAX_PHOTOS = 9;
const timers = new WeakMap<object, number>();

Component({
  behaviors: [textSizeBehavior],
  data: {
    ticketId: '',
    version: 0,
    category: 'other' as TicketCategory,
    ticket: null as TicketPageView | null,
    can: {
      accept: false,
      progress: false,
      coHandle: false,
      resolve: false,
      return: false,
      reassign: false,
      askExtension: false,
      approveExtension: false,
      denyExtension: false,
    },
    extensionDays: EXTENSION_DAYS,
    days: 0,
    panel: '' as Panel,
    note: '',
    photos: [] as string[],
    maxPhotos: MAX_PHOTOS,
    parties: [...commonParties] as string[],
    party: '',
    request: '',
    reason: '',
    people: [] as PersonView[],
    assigneeUserId: '',
    missing: '',
    acting: false,
    error: '',
  },

  methods: {
    onLoad(query: { id?: string }) {
      this.setData({ ticketId: query.id ?? '' });
      return this.reload();
    },
    onShow() {
      this.stopPolling();
      timers.set(this, setInterval(() => void this.poll(), POLL_MS) as unknown as number);
    },
    onHide() {
      this.stopPolling();
    },
    onUnload() {
      this.stopPolling();
    },
    onPullDownRefresh() {
      return this.reload().then(() => wx.stopPullDownRefresh());
    },
    stopPolling() {
      const timer = timers.get(this);
      if (timer !== undefined) clearInterval(timer);
      timers.delete(this);
    },

    async poll(): Promise<void> {
      if (!this.data.ticketId || this.data.acting) return;
      try {
        const detail = await getTicket(this.data.ticketId);
        if (detail.version !== this.data.version) this.show(detail);
      } catch {
        // The next poll tries again.
      }
    },

    async reload(): Promise<void> {
      if (!this.data.ticketId) {
        this.setData({ error: '没有找到这张工单' });
        return;
      }
      try {
        this.show(await getTicket(this.data.ticketId));
        this.setData({ error: '' });
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message || '加载失败，请下拉重试' });
      }
    },

    show(detail: TicketDetail) {
      const can = allowed(detail, ACTIONS);
      const panel = this.data.panel && !can[this.data.panel] ? '' : this.data.panel;
      this.setData({
        version: detail.version,
        category: detail.category,
        ticket: ticketPageView(detail, Date.now()),
        can,
        panel,
      });
      this.checkForm();
    },

    /** Sends one action; on success the form empties and closes. */
    async act(run: () => Promise<TicketDetail>, doneText: string): Promise<boolean> {
      if (this.data.acting) return false;
      this.setData({ acting: true });
      const ok = await actOnTicket(this, run, doneText);
      this.setData({ acting: false });
      if (ok)
        this.setData({
          panel: '',
          note: '',
          photos: [],
          party: '',
          request: '',
          reason: '',
          missing: '',
          days: 0,
        });
      return ok;
    },

    onAcceptTap() {
      return this.act(() => acceptTicket(this.data.ticketId, this.data.version), '已签收');
    },

    async onOpenPanel(event: Dataset<{ panel: Panel }>) {
      const panel = event.currentTarget.dataset.panel;
      this.setData({ panel, missing: '' });
      this.checkForm();
      if (panel === 'reassign') {
        try {
          const people = await assignees(this.data.ticketId);
          this.setData({ people, assigneeUserId: '' });
        } catch (error) {
          this.setData({ missing: (error as { message?: string }).message || '无法获取可改派的人员' });
        }
      }
    },
    onClosePanel() {
      this.setData({ panel: '', missing: '' });
    },

    onNoteInput(event: Input) {
      this.setData({ note: event.detail.value });
      this.checkForm();
    },
    onRequestInput(event: Input) {
      this.setData({ request: event.detail.value });
    },
    onPartyInput(event: Input) {
      this.setData({ party: event.detail.value });
    },
    onPartyTap(event: Dataset<{ party: string }>) {
      this.setData({ party: event.currentTarget.dataset.party });
    },
    onReasonInput(event: Input) {
      this.setData({ reason: event.detail.value });
    },
    onDaysTap(event: Dataset<{ days: number }>) {
      this.setData({ days: Number(event.currentTarget.dataset.days) });
    },

    onAskExtensionSubmit() {
      const reason = this.data.reason.trim();
      if (!this.data.days || !reason) return this.setData({ missing: '请选择延期天数并说明原因' });
      const limit = { amount: this.data.days, unit: 'workingDays' as const };
      return this.act(() => askExtension(this.data.ticketId, this.data.version, reason, limit), '已申请延期');
    },
    onApproveExtensionTap() {
      return this.act(() => approveExtension(this.data.ticketId, this.data.version), '已同意延期');
    },
    onDenyExtensionSubmit() {
      const reason = this.data.reason.trim();
      if (!reason) return this.setData({ missing: '请说明不同意的原因' });
      return this.act(() => denyExtension(this.data.ticketId, this.data.version, reason), '已退回延期申请');
    },
    onAssigneeTap(event: Dataset<{ id: string }>) {
      this.setData({ assigneeUserId: event.currentTarget.dataset.id });
    },

    async onAddPhotos() {
      const chosen = await choosePhotos(MAX_PHOTOS - this.data.photos.length);
      if (chosen.length > 0) this.setData({ photos: [...this.data.photos, ...chosen].slice(0, MAX_PHOTOS) });
      this.checkForm();
    },
    onRemovePhoto(event: Dataset<{ index: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      this.setData({ photos: this.data.photos.filter((_, i) => i !== index) });
      this.checkForm();
    },

    /** Keeps the resolve form's hint in step with the server's evidence rule. */
    checkForm() {
      if (this.data.panel === 'resolve')
        this.setData({
          missing: resolveMissing(this.data.category, this.data.note, this.data.photos.length),
        });
    },

    async onProgressSubmit() {
      const note = this.data.note.trim();
      if (!note) return this.setData({ missing: '请填写办理进展' });
      const photos = await this.uploadOrSay();
      if (!photos) return undefined;
      return this.act(
        () => recordProgress(this.data.ticketId, this.data.version, note, photos),
        '已记录进展',
      );
    },

    onCoHandleSubmit() {
      const party = this.data.party.trim();
      const request = this.data.request.trim();
      if (!party || !request) return this.setData({ missing: '请填写协办单位和协办事项' });
      return this.act(
        () => recordCoHandler(this.data.ticketId, this.data.version, party, request),
        '已记录协办',
      );
    },

    async onResolveSubmit() {
      const missing = resolveMissing(this.data.category, this.data.note, this.data.photos.length);
      if (missing) return this.setData({ missing });
      const photos = await this.uploadOrSay();
      if (!photos) return undefined;
      const note = this.data.note.trim();
      return this.act(() => resolveTicket(this.data.ticketId, this.data.version, note, photos), '已办结');
    },

    onReturnSubmit() {
      const reason = this.data.reason.trim();
      if (!reason) return this.setData({ missing: '请说明退回原因，如：不属于本网格' });
      return this.act(() => returnTicket(this.data.ticketId, this.data.version, reason), '已退回');
    },

    onReassignSubmit() {
      const to = this.data.assigneeUserId;
      if (!to) return this.setData({ missing: '请选择改派给谁' });
      const note = this.data.reason.trim();
      return this.act(
        () => reassignTicket(this.data.ticketId, this.data.version, to, note || undefined),
        '已改派',
      );
    },

    /** Stores the chosen photos; null (with the reason shown) when an upload failed, so nothing is sent. */
    async uploadOrSay(): Promise<string[] | null> {
      try {
        this.setData({ acting: true });
        return await uploadPhotos(this.data.photos, 'tickets');
      } catch (error) {
        this.setData({ missing: (error as { message?: string }).message || '照片上传失败，请重试' });
        return null;
      } finally {
        this.setData({ acting: false });
      }
    },
  },
});
