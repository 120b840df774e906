/** 首页: greets the user and offers what their roles allow; a newcomer binds a household or claims an invite. */
import type { Me } from '../../../typings/user';
import { roleLabels } from '../../labels/roles';
import { showApiError } from '../../services/api';
import { claimInvite, login } from '../../services/user';
import { entriesFor, groupsOf, type HomeGroup } from './entries';
import { textSizeBehavior } from '../../theme/text-size';

interface HomeData {
  loading: boolean;
  name: string;
  address: string;
  /** The masked address of a binding request the worker has not decided yet. */
  pendingAddress: string;
  roleTags: string[];
  groups: HomeGroup[];
  unbound: boolean;
  inviteCode: string;
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    loading: true,
    name: '',
    address: '',
    pendingAddress: '',
    roleTags: [],
    groups: [],
    unbound: false,
    inviteCode: '',
  } as HomeData,

  methods: {
    /** A staff invite may arrive in the launch query (`invite`): it is claimed with the first login. */
    onLoad(query?: Record<string, string | undefined>) {
      return this.load(query?.invite);
    },

    onShow() {
      // Back from binding: the household or the pending request shows without a pull.
      if (!this.data.loading) void this.load();
    },

    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },

    show(me: Me) {
      const roleTags = [
        ...new Set([
          ...me.roles.map((g) => roleLabels[g.role]),
          ...me.streets.map((s) => roleLabels[s.role]),
        ]),
      ];
      this.setData({
        loading: false,
        name: me.name,
        address: me.household?.address ?? '',
        pendingAddress: me.pendingBinding?.address ?? '',
        roleTags,
        groups: groupsOf(entriesFor(me.roles, me.streets)),
        unbound: me.roles.length === 0 && me.streets.length === 0,
      });
    },

    async load(inviteCode?: string): Promise<void> {
      this.setData({ loading: true });
      try {
        this.show(await login(inviteCode));
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

    onBindTap() {
      wx.navigateTo({ url: '/pages/bind-household/index' });
    },

    onInviteInput(event: WechatMiniprogram.Input) {
      this.setData({ inviteCode: event.detail.value });
    },

    async onClaimInvite(): Promise<void> {
      const code = this.data.inviteCode.trim();
      if (!code) return;
      try {
        this.show(await claimInvite(code));
        this.setData({ inviteCode: '' });
        wx.showToast({ title: '已领取', icon: 'success' });
      } catch (error) {
        showApiError(error);
      }
    },
  },
});
