/**
 * 住户码 (staff): the community's buildings with how many households have a live code; for one building,
 * its codes with their addresses (revoke one that leaked; regenerate all), and the printable PDF sheet.
 */
import type { CodeBuildingView, HouseholdCodeView } from '../../../../../typings/user';
import { ApiCallError } from '../../../../services/api';
import { displayUrl } from '../../../../services/files';
import {
  householdBuildings,
  householdCodes,
  issueBuildingCodes,
  openCodeSheet,
  revokeHouseholdCode,
} from '../../../../services/household-codes';
import { staffCommunityId } from '../../staff-community';
import { textSizeBehavior } from '../../../../theme/text-size';

type CodeRow = HouseholdCodeView & { src: string };
const rowsOf = (codes: HouseholdCodeView[]): CodeRow[] =>
  codes.map((c) => ({ ...c, src: displayUrl(c.imageFileId) }));
const messageOf = (error: unknown) =>
  error instanceof ApiCallError
    ? error.message
    : ((error as { message?: string }).message ?? '出了点问题，请稍后重试');

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    buildings: [] as CodeBuildingView[],
    building: null as CodeBuildingView | null,
    codes: [] as CodeRow[],
    busy: false,
    error: '',
  },
  methods: {
    async onLoad(query: { communityId?: string }) {
      try {
        const communityId = await staffCommunityId(query?.communityId);
        this.setData({ communityId, buildings: await householdBuildings(communityId) });
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
    },
    async onOpen(e: WechatMiniprogram.TouchEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      const building = this.data.buildings.find((b) => b.buildingId === id) ?? null;
      if (!building) return;
      try {
        this.setData({ building, codes: rowsOf(await householdCodes(this.data.communityId, id)), error: '' });
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
    },
    async onBack() {
      this.setData({ building: null, codes: [] });
      this.setData({ buildings: await householdBuildings(this.data.communityId) });
    },
    async run(work: () => Promise<void>) {
      if (this.data.busy) return;
      this.setData({ busy: true, error: '' });
      try {
        await work();
      } catch (error) {
        this.setData({ error: messageOf(error) });
      } finally {
        this.setData({ busy: false });
      }
    },
    onSheet() {
      const { communityId, building } = this.data;
      return this.run(async () => {
        await openCodeSheet(communityId, building!.buildingId);
        this.setData({ codes: rowsOf(await householdCodes(communityId, building!.buildingId)) });
      });
    },
    onIssue() {
      const { communityId, building } = this.data;
      wx.showModal({
        title: '重新生成住户码',
        content: '本楼栋所有旧的住户码将作废，已绑定的居民不受影响。确定吗？',
        success: (res) => {
          if (res.confirm)
            void this.run(async () => {
              this.setData({ codes: rowsOf(await issueBuildingCodes(communityId, building!.buildingId)) });
            });
        },
      });
    },
    onRevoke(e: WechatMiniprogram.TouchEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      return this.run(async () => {
        await revokeHouseholdCode(this.data.communityId, id);
        this.setData({ codes: this.data.codes.filter((c) => c.codeId !== id) });
      });
    },
  },
});
