/** 我的: who I am, my roles in words, my household, and 大字模式 for this phone. */
import type { RoleGrant } from '../../../typings/user';
import { roleLabels } from '../../labels/roles';
import { showApiError } from '../../services/api';
import { me } from '../../services/user';
import { setLargeText, textSizeBehavior } from '../../theme/text-size';

function grantText(grant: RoleGrant): string {
  return roleLabels[grant.role];
}

Component({
  behaviors: [textSizeBehavior],
  data: { name: '', roles: [] as string[], address: '' },
  methods: {
    async onShow() {
      try {
        const user = await me();
        this.setData({
          name: user.name,
          roles: user.roles.map(grantText),
          address: user.household?.address ?? '未绑定',
        });
      } catch (error) {
        showApiError(error);
      }
    },
    onLargeTextChange(event: WechatMiniprogram.SwitchChange) {
      setLargeText(event.detail.value);
    },
  },
});
