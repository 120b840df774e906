/** 首页: greets the user and offers what their roles allow. */
import type { Me } from '../../../typings/user';
import { roleLabels } from '../../labels/roles';
import { showApiError } from '../../services/api';
import { login } from '../../services/user';
import { entriesFor, type HomeEntry } from './entries';

interface HomeData {
  loading: boolean;
  name: string;
  address: string;
  roleTags: string[];
  entries: HomeEntry[];
  unbound: boolean;
}

Component({
  data: {
    loading: true,
    name: '',
    address: '',
    roleTags: [],
    entries: [],
    unbound: false,
  } as HomeData,

  methods: {
    onLoad() {
      return this.load();
    },

    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },

    async load(): Promise<void> {
      this.setData({ loading: true });
      try {
        const me: Me = await login();
        const roleTags = [...new Set(me.roles.map((g) => roleLabels[g.role]))];
        this.setData({
          loading: false,
          name: me.name,
          address: me.household?.address ?? '',
          roleTags,
          entries: entriesFor(me.roles),
          unbound: me.roles.length === 0,
        });
      } catch (error) {
        this.setData({ loading: false });
        showApiError(error);
      }
    },

    onEntryTap(
      event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>,
    ) {
      wx.navigateTo({ url: event.currentTarget.dataset.url });
    },
  },
});
