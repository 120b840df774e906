/** 我的: who I am, my roles in words, my household. */
import type { RoleGrant } from '../../../typings/user';
import { roleLabels } from '../../labels/roles';
import { showApiError } from '../../services/api';
import { me } from '../../services/user';

function grantText(grant: RoleGrant): string {
  return roleLabels[grant.role];
}

Component({
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
  },
});
