/**
 * The street office's communities 街道社区: ranked by the share of tickets closed, then by fewest escalated;
 * a form creates a new community (name, 3-digit code, centre picked on the map), whose grids, micro-grids and
 * buildings are then imported on the community-setup page a tap on its row opens. 街道工作人员 opens the office's
 * own officers (packages/street/pages/office).
 */
import type { LatLng } from '../../../../../typings/common';
import type { StreetCommunityRow } from '../../../../../typings/grid';
import { createCommunity, streetView } from '../../../../services/street';
import { textSizeBehavior } from '../../../../theme/text-size';
import { pickPlace } from '../../../../services/location';

type Input = WechatMiniprogram.Input;

interface Row extends StreetCommunityRow {
  /** 已结案 12 / 受理 20 · 督办 1 */
  countsText: string;
}

function rowOf(r: StreetCommunityRow): Row {
  return {
    ...r,
    countsText: `受理 ${r.received} · 办理中 ${r.open} · 已结案 ${r.closed} · 督办 ${r.escalated}`,
  };
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    streetName: '',
    codePrefix: '',
    rows: [] as Row[],
    creating: false,
    name: '',
    code: '',
    center: null as LatLng | null,
    centerText: '',
    missing: '',
    acting: false,
    error: '',
  },

  methods: {
    onLoad() {
      return this.load();
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },

    async load(): Promise<void> {
      try {
        this.show(await streetView());
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message || '加载失败，请下拉重试' });
      }
    },

    show(view: Awaited<ReturnType<typeof streetView>>) {
      this.setData({
        streetName: view.name,
        codePrefix: view.codePrefix,
        rows: view.communities.map(rowOf),
        error: '',
      });
    },

    onOpenCreate() {
      this.setData({ creating: true, missing: '' });
    },
    onCloseCreate() {
      this.setData({ creating: false, missing: '' });
    },
    onNameInput(event: Input) {
      this.setData({ name: event.detail.value });
    },
    onCodeInput(event: Input) {
      this.setData({ code: event.detail.value });
    },
    async onPickCenter(): Promise<void> {
      const place = await pickPlace();
      if (place) this.setData({ center: { lat: place.lat, lng: place.lng }, centerText: place.addressText });
    },

    async onCreateSubmit(): Promise<void> {
      const name = this.data.name.trim();
      const code = this.data.code.trim();
      if (!name || !/^\d{3}$/.test(code) || !this.data.center) {
        this.setData({ missing: '请填写社区名称、3 位社区编码，并在地图上选择社区位置' });
        return;
      }
      this.setData({ acting: true });
      try {
        this.show(await createCommunity(name, code, this.data.center));
        this.setData({ creating: false, name: '', code: '', center: null, centerText: '', missing: '' });
        wx.showToast({ title: '已创建社区', icon: 'success' });
      } catch (error) {
        this.setData({ missing: (error as { message?: string }).message || '创建失败，请重试' });
      } finally {
        this.setData({ acting: false });
      }
    },

    /** The office's own officers: invite a colleague, remove one who left. */
    onOpenOffice() {
      wx.navigateTo({ url: '/packages/street/pages/office/index' });
    },

    /** The community's grid setup: import or replace its map and buildings there. */
    onRowTap(
      event: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { id: string; name: string }
      >,
    ) {
      const { id, name } = event.currentTarget.dataset;
      wx.navigateTo({
        url: `/packages/street/pages/community-setup/index?communityId=${id}&name=${encodeURIComponent(name)}`,
      });
    },
  },
});
