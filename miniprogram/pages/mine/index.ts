/** 我的: who I am, my roles in words, my household, and the way to each role's own page (我的工作台). */
import type { RoleGrant } from '../../../typings/user';
import { roleLabels } from '../../labels/roles';
import { showApiError } from '../../services/api';
import { me } from '../../services/user';
import { homesFor, type HomeEntry } from '../home/entries';

function grantText(grant: RoleGrant): string {
  return roleLabels[grant.role];
}

Component({
  data: { name: '', roles: [] as string[], address: '', homes: [] as HomeEntry[] },
  methods: {
    async onShow() {
      try {
        const user = await me();
        this.setData({
          name: user.name,
          roles: user.roles.map(grantText),
          address: user.household?.address ?? '未绑定',
          homes: homesFor(user.roles),
        });
      } catch (error) {
        showApiError(error);
      }
    },
    onHomeTap(
      event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>,
    ) {
      wx.navigateTo({ url: event.currentTarget.dataset.url });
    },
  },
});
