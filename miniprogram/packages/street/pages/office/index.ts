/**
 * 街道工作人员: the street office's own officers. It lists them (name, masked phone) and removes one after a
 * confirmation (the last one stays: the server refuses, with its message); it invites a colleague by name and
 * optional phone and shows the code once, large, with 复制 and the words to hand it over; and it revokes an
 * invite not yet claimed. The colleague enters the code in the mini-program (首页「工作人员邀请码」).
 */
import type { NewOfficerInvite, OfficeView } from '../../../../../typings/grid';
import { timeText } from '../../../../tickets/times';
import { inviteOfficer, officeView, removeOfficer, revokeOfficerInvite } from '../../../../services/street';
import { textSizeBehavior } from '../../../../theme/text-size';

type Input = WechatMiniprogram.Input;
type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, Record<string, string>>;

interface OfficerRow {
  userId: string;
  name: string;
  /** 139****5678 · 本人 */
  meta: string;
  self: boolean;
}

interface InviteRow {
  inviteId: string;
  name: string;
  /** 139****5678 · 6月20日 09:00 邀请 */
  meta: string;
}

const PHONE = /^1\d{10}$/;

function officerRows(view: OfficeView): OfficerRow[] {
  return view.officers.map((o) => ({
    userId: o.userId,
    name: o.name,
    meta: [o.phone ?? '未留手机号', ...(o.self ? ['本人'] : [])].join(' · '),
    self: o.self,
  }));
}

function inviteRows(view: OfficeView): InviteRow[] {
  return view.invites.map((i) => ({
    inviteId: i.inviteId,
    name: i.name,
    meta: `${i.phone ? `${i.phone} · ` : ''}${timeText(i.createdAt)} 邀请`,
  }));
}

Component({
  behaviors: [textSizeBehavior],
  data: {
    streetName: '',
    officers: [] as OfficerRow[],
    invites: [] as InviteRow[],
    loading: false,
    loaded: false,
    error: '',
    inviting: false,
    name: '',
    phone: '',
    missing: '',
    acting: false,
    /** The code just made, shown once. */
    newCode: '',
    newName: '',
  },

  methods: {
    onLoad() {
      return this.load();
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      return this.load();
    },

    async load(): Promise<void> {
      this.setData({ loading: true, error: '' });
      try {
        this.show(await officeView());
      } catch (error) {
        this.setData({ error: (error as { message?: string }).message || '加载失败，请下拉重试' });
      } finally {
        this.setData({ loading: false, loaded: true });
      }
    },

    show(view: OfficeView) {
      this.setData({ streetName: view.name, officers: officerRows(view), invites: inviteRows(view) });
    },

    /** Runs a change; its refusal (the last officer, an invite already claimed) is said in a dialog. */
    async act(call: () => Promise<OfficeView>): Promise<boolean> {
      this.setData({ acting: true });
      try {
        this.show(await call());
        return true;
      } catch (error) {
        wx.showModal({
          title: '未完成',
          content: (error as { message?: string }).message || '操作失败，请重试',
          showCancel: false,
        });
        return false;
      } finally {
        this.setData({ acting: false });
      }
    },

    /** Removing ends what the office gave them: asked first, by name; removing oneself says so. */
    onRemoveTap(event: Tap) {
      const { userId, name, self } = event.currentTarget.dataset;
      const oneself = self === 'true';
      wx.showModal({
        title: oneself ? '退出街道工作人员' : '移除工作人员',
        content: oneself
          ? `确定将您本人移出${this.data.streetName}工作人员？移出后您不能再查看和设置本街道的社区。`
          : `确定将 ${name} 移出${this.data.streetName}工作人员？移出后其不能再查看和设置本街道的社区。`,
        confirmText: '移除',
        success: (res) => {
          if (!res.confirm) return;
          void this.act(() => removeOfficer(userId!)).then((done) => {
            if (!done) return;
            wx.showToast({ title: '已移除', icon: 'success' });
            if (oneself) wx.reLaunch({ url: '/pages/home/index' });
          });
        },
      });
    },

    onRevokeTap(event: Tap) {
      const { inviteId } = event.currentTarget.dataset;
      void this.act(() => revokeOfficerInvite(inviteId!)).then((done) => {
        if (done) wx.showToast({ title: '已撤销', icon: 'success' });
      });
    },

    onOpenInvite() {
      this.setData({ inviting: true, missing: '', newCode: '', newName: '' });
    },
    onCloseInvite() {
      this.setData({ inviting: false, missing: '' });
    },
    onNameInput(event: Input) {
      this.setData({ name: event.detail.value });
    },
    onPhoneInput(event: Input) {
      this.setData({ phone: event.detail.value });
    },

    async onInviteSubmit(): Promise<void> {
      const name = this.data.name.trim();
      const phone = this.data.phone.trim();
      if (!name || (phone && !PHONE.test(phone))) {
        this.setData({ missing: !name ? '请填写姓名' : '手机号应为 11 位数字，请重新填写' });
        return;
      }
      this.setData({ acting: true, missing: '' });
      try {
        const invite: NewOfficerInvite = await inviteOfficer(name, phone || undefined);
        this.setData({ inviting: false, name: '', phone: '', newCode: invite.code, newName: invite.name });
        this.show(await officeView());
      } catch (error) {
        this.setData({ missing: (error as { message?: string }).message || '邀请失败，请重试' });
      } finally {
        this.setData({ acting: false });
      }
    },

    onCopyCode() {
      wx.setClipboardData({ data: this.data.newCode });
    },
  },
});
