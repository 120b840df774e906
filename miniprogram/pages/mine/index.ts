/** 我的: who I am, my roles in words, my household, the way to each role's own page (我的工作台), and 大字模式. */
import type { RoleGrant } from '../../../typings/user';
import { roleLabels } from '../../labels/roles';
import { showApiError } from '../../services/api';
import { me } from '../../services/user';
import { setLargeText, textSizeBehavior } from '../../theme/text-size';
import { homesFor, type HomeEntry } from '../home/entries';

function grantText(grant: RoleGrant): string {
  return roleLabels[grant.role];
}

Component({
  behaviors: [textSizeBehavior],
  // roleText is joined here: WXML expressions cannot call methods (`roles.join` renders nothing on a phone).
  data: { name: '', roleText: '', address: '', homes: [] as HomeEntry[] },
  methods: {
    async onShow() {
      try {
        const user = await me();
        this.setData({
          name: user.name,
          roleText: [...new Set(user.roles.map(grantText))].join('、') || '居民（未认证）',
          address: user.household?.address ?? '未绑定',
          homes: homesFor(user.roles, user.streets),
        });
      } catch (error) {
        showApiError(error);
      }
    },
    onLargeTextChange(event: WechatMiniprogram.SwitchChange) {
      setLargeText(event.detail.value);
    },
    onHomeTap(
      event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>,
    ) {
      wx.navigateTo({ url: event.currentTarget.dataset.url });
    },
  },
});
