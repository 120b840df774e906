/**
 * 住户与成员 (staff): the community's buildings, then a building's households with how many people are bound to
 * each; a household opens its members. The onboarding policy (入户规则) is one tap away.
 */
import type { BuildingHouseholdView, CodeBuildingView } from '../../../../../typings/user';
import { householdBuildings } from '../../../../services/household-codes';
import { buildingHouseholds } from '../../../../services/households';
import { textSizeBehavior } from '../../../../theme/text-size';

type Dataset<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    buildings: [] as CodeBuildingView[],
    building: null as CodeBuildingView | null,
    households: [] as BuildingHouseholdView[],
    loading: true,
    error: '',
  },
  methods: {
    onLoad(query: { communityId?: string }) {
      this.setData({ communityId: query.communityId ?? '' });
      return this.run(async () => {
        this.setData({ buildings: await householdBuildings(this.data.communityId) });
      });
    },
    onShow() {
      // Back from a household whose member was removed: its count is fresh.
      const { building } = this.data;
      if (building && !this.data.loading) void this.openBuilding(building);
    },
    async run(work: () => Promise<void>) {
      this.setData({ loading: true, error: '' });
      try {
        await work();
      } catch (error) {
        this.setData({ error: (error as Error).message || '加载失败，请重试' });
      } finally {
        this.setData({ loading: false });
      }
    },
    openBuilding(building: CodeBuildingView) {
      this.setData({ building, households: [] });
      return this.run(async () => {
        this.setData({ households: await buildingHouseholds(this.data.communityId, building.buildingId) });
      });
    },
    onBuildingTap(event: Dataset<{ index: number }>) {
      const building = this.data.buildings[Number(event.currentTarget.dataset.index)];
      if (building) void this.openBuilding(building);
    },
    onBackTap() {
      this.setData({ building: null, households: [], error: '' });
    },
    onHouseholdTap(event: Dataset<{ index: number }>) {
      const household = this.data.households[Number(event.currentTarget.dataset.index)];
      if (!household) return;
      wx.navigateTo({
        url: `/packages/staff/pages/household-members/index?communityId=${this.data.communityId}&householdId=${household.householdId}&address=${encodeURIComponent(household.address)}`,
      });
    },
    onPolicyTap() {
      wx.navigateTo({
        url: `/packages/staff/pages/onboarding-policy/index?communityId=${this.data.communityId}`,
      });
    },
  },
});
