/**
 * 住户成员 (staff): the people bound to one household (phones masked). Staff remove someone who no longer lives
 * there, after a confirmation; the person is told.
 */
import type { HouseholdMemberView } from '../../../../../typings/user';
import { householdMembers, removeHouseholdMember } from '../../../../services/households';
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
    householdId: '',
    address: '',
    members: [] as HouseholdMemberView[],
    loaded: false,
    busy: false,
    done: '',
    error: '',
  },
  methods: {
    async onLoad(query: { communityId?: string; householdId?: string; address?: string }) {
      this.setData({
        communityId: query.communityId ?? '',
        householdId: query.householdId ?? '',
        address: decodeURIComponent(query.address ?? ''),
      });
      try {
        this.setData({ members: await householdMembers(this.data.communityId, this.data.householdId) });
      } catch (error) {
        this.setData({ error: (error as Error).message || '加载失败，请返回重试' });
      } finally {
        this.setData({ loaded: true });
      }
    },
    onRemoveTap(event: Dataset<{ index: number }>) {
      const member = this.data.members[Number(event.currentTarget.dataset.index)];
      if (!member || this.data.busy) return;
      wx.showModal({
        title: '移出住户',
        content: `确定将 ${member.name} 移出 ${this.data.address || '该住户'}？移出后其不再收到该户的通知，本人会收到提醒。`,
        confirmText: '移出',
        success: (res) => {
          if (res.confirm) void this.remove(member);
        },
      });
    },
    async remove(member: HouseholdMemberView) {
      this.setData({ busy: true, error: '', done: '' });
      try {
        const members = await removeHouseholdMember(
          this.data.communityId,
          this.data.householdId,
          member.userId,
        );
        this.setData({ members, done: `已将 ${member.name} 移出` });
      } catch (error) {
        this.setData({ error: (error as Error).message || '移出失败，请重试' });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
