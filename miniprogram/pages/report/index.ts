/**
 * 随手拍: a resident reports a problem — category, description, up to 9 photos, and where (the bound household
 * by default, a building from its code, or a point on the map). Open tickets of the same category nearby are
 * offered as soon as category and place are chosen ("同一个问题？关注它"), above the description and photos,
 * so that nobody types and uploads for a problem already filed. Submitting asks for subscribe messages on the same tap; whatever the
 * answer, the ticket is filed.
 */
import type { TicketCategory } from '../../../typings/ticket';
import { showApiError } from '../../services/api';
import { pickPlace } from '../../services/location';
import { askSubscription, preloadSubscribeTemplates } from '../../services/subscribe';
import { followTicket, nearbyTickets, submitTicket } from '../../services/ticket';
import { choosePhotos, uploadPhotos } from '../../services/upload';
import { me } from '../../services/user';
import { categoryGroups, categoryLabel } from '../../tickets/categories';
import { ticketCard, type TicketCard } from '../../tickets/views';
import { newClientRequestId, placeOf, type PlaceDraft, type PlaceMode } from './draft';
import { textSizeBehavior } from '../../theme/text-size';

const MAX_PHOTOS = 9;
const MAX_DESCRIPTION = 1000;

type Dataset<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;
type Input = WechatMiniprogram.Input;

let nearbySerial = 0;

Component({
  behaviors: [textSizeBehavior],
  data: {
    groups: categoryGroups(),
    category: '' as TicketCategory | '',
    categoryText: '',
    description: '',
    maxDescription: MAX_DESCRIPTION,
    photos: [] as string[],
    maxPhotos: MAX_PHOTOS,
    householdAddress: '',
    buildingName: '',
    place: {
      mode: 'point',
      householdId: '',
      buildingId: '',
      unit: '',
      floor: '',
      point: null,
    } as PlaceDraft,
    nearby: [] as TicketCard[],
    clientRequestId: '',
    /** Local path → file id of photos already stored, so that a retry does not upload them again. */
    uploaded: {} as Record<string, string>,
    submitting: false,
    error: '',
  },

  methods: {
    onLoad(query: { buildingId?: string; buildingName?: string; category?: string }) {
      this.setData({ clientRequestId: newClientRequestId() });
      void preloadSubscribeTemplates('ticketSubmit');
      void preloadSubscribeTemplates('ticketFollow');
      if (query.buildingId) {
        this.setData({
          buildingName: query.buildingName ? decodeURIComponent(query.buildingName) : '扫码所在楼栋',
          place: { ...this.data.place, mode: 'building', buildingId: query.buildingId },
        });
      }
      if (query.category && this.data.groups.some((g) => g.items.some((i) => i.key === query.category)))
        this.chooseCategory(query.category as TicketCategory);
      return this.loadHousehold(!query.buildingId);
    },

    async loadHousehold(useIt: boolean): Promise<void> {
      try {
        const user = await me();
        if (!user.household) return;
        this.setData({
          householdAddress: user.household.address,
          place: {
            ...this.data.place,
            householdId: user.household.householdId,
            ...(useIt ? { mode: 'household' as const } : {}),
          },
        });
        void this.refreshNearby();
      } catch (error) {
        showApiError(error);
      }
    },

    onCategoryTap(event: Dataset<{ key: TicketCategory }>) {
      this.chooseCategory(event.currentTarget.dataset.key);
    },

    chooseCategory(category: TicketCategory) {
      this.setData({ category, categoryText: categoryLabel(category) });
      void this.refreshNearby();
    },

    onDescriptionInput(event: Input) {
      this.setData({ description: event.detail.value });
    },

    async onAddPhotos() {
      const chosen = await choosePhotos(MAX_PHOTOS - this.data.photos.length);
      if (chosen.length > 0) this.setData({ photos: [...this.data.photos, ...chosen].slice(0, MAX_PHOTOS) });
    },

    onRemovePhoto(event: Dataset<{ index: number }>) {
      const photos = this.data.photos.filter((_, i) => i !== Number(event.currentTarget.dataset.index));
      this.setData({ photos });
    },

    onPlaceModeTap(event: Dataset<{ mode: PlaceMode }>) {
      const mode = event.currentTarget.dataset.mode;
      if (mode === 'point') return this.onChooseLocation();
      this.setData({ place: { ...this.data.place, mode } });
      void this.refreshNearby();
    },

    /** Backing out of the map leaves the place as it was; a refused permission is explained (pickPlace). */
    async onChooseLocation() {
      const point = await pickPlace();
      if (!point) return;
      this.setData({ place: { ...this.data.place, mode: 'point', point } });
      void this.refreshNearby();
    },

    onUnitInput(event: Input) {
      this.setData({ place: { ...this.data.place, unit: event.detail.value } });
    },

    onFloorInput(event: Input) {
      this.setData({ place: { ...this.data.place, floor: event.detail.value } });
    },

    /** Offers open tickets of the same category nearby; only the newest question's answer is shown. */
    async refreshNearby(): Promise<void> {
      const place = placeOf(this.data.place);
      const category = this.data.category;
      const serial = ++nearbySerial;
      if (!place || !category || category === 'secretaryLetter') {
        this.setData({ nearby: [] });
        return;
      }
      try {
        const found = await nearbyTickets(category, place);
        if (serial !== nearbySerial) return;
        const now = Date.now();
        this.setData({ nearby: found.map((s) => ticketCard(s, now)) });
      } catch {
        // The offer is a convenience: without it the resident simply files.
        if (serial === nearbySerial) this.setData({ nearby: [] });
      }
    },

    async onFollowTap(event: Dataset<{ id: string }>) {
      // A follower hears the 办结 only with a grant: asked on this tap, before anything is awaited.
      void askSubscription('ticketFollow');
      try {
        const ticket = await followTicket(
          event.currentTarget.dataset.id,
          placeOf(this.data.place) ?? undefined,
        );
        wx.showToast({ title: '已关注，有进展会通知您', icon: 'none' });
        wx.redirectTo({ url: `/pages/ticket-detail/index?id=${ticket.ticketId}` });
      } catch (error) {
        showApiError(error);
      }
    },

    /** What is missing before the report can go, in words; '' when it can. */
    missing(): string {
      if (!this.data.category) return '请选择问题类型';
      if (!this.data.description.trim()) return '请描述一下问题';
      if (!placeOf(this.data.place)) return '请选择问题所在位置';
      return '';
    },

    onSubmitTap() {
      if (this.data.submitting) return;
      const missing = this.missing();
      if (missing) {
        this.setData({ error: missing });
        return;
      }
      // WeChat shows the subscription dialog only inside a tap, before anything is awaited.
      const asked = askSubscription('ticketSubmit');
      return this.submit(asked);
    },

    async submit(asked: Promise<unknown>): Promise<void> {
      const place = placeOf(this.data.place);
      const category = this.data.category;
      if (!place || !category) return;
      this.setData({ submitting: true, error: '' });
      try {
        const pending = this.data.photos.filter((p) => !this.data.uploaded[p]);
        const ids = await uploadPhotos(pending, 'tickets');
        const uploaded = { ...this.data.uploaded };
        pending.forEach((p, i) => (uploaded[p] = ids[i] ?? ''));
        this.setData({ uploaded });
        const ticket = await submitTicket({
          clientRequestId: this.data.clientRequestId,
          category,
          description: this.data.description.trim(),
          photos: this.data.photos.map((p) => uploaded[p] ?? '').filter(Boolean),
          place,
        });
        await asked;
        this.setData({ submitting: false });
        wx.showToast({ title: '已提交', icon: 'success' });
        wx.redirectTo({ url: `/pages/ticket-detail/index?id=${ticket.ticketId}` });
      } catch (error) {
        // The draft and its request id stay: tapping again retries the same report.
        this.setData({
          submitting: false,
          error: (error as { message?: string }).message || '提交失败，请重试',
        });
      }
    },
  },
});
