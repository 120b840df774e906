/**
 * 网格力量 (staff): the community's 1+4+X roster — each grid's leader, each micro-grid's workers with the one
 * primary marked, and the rest of the force by duty. Staff switch a worker on or off duty, set the primary,
 * remove a member (after a confirmation), and add one: a person is invited by name and phone to a place and
 * duty, and claims it with the code on login (someone who already uses the mini-program enters it in 首页).
 */
import type { InviteView, MemberDutyName, MemberView, RosterView } from '../../../../../typings/grid';
import {
  getRoster,
  inviteMember,
  makePrimary,
  removeMember,
  revokeInvite,
  setOnDuty,
} from '../../../../services/grid';
import { textSizeBehavior } from '../../../../theme/text-size';

export const dutyLabels: Record<MemberDutyName, string> = {
  leader: '网格长',
  worker: '网格员',
  police: '民警',
  property: '物业',
  volunteer: '志愿者',
  other: '其他',
};
const duties = Object.keys(dutyLabels) as MemberDutyName[];

interface MemberItem extends MemberView {
  dutyLabel: string;
}

interface GridItem {
  gridId: string;
  name: string;
  exclusive: boolean;
  leaders: MemberItem[];
  force: MemberItem[];
  microGrids: Array<{ microGridId: string; label: string; workers: MemberItem[] }>;
}

interface InviteItem {
  inviteId: string;
  /** 新人 · 网格员 · 第一网格-1号微网格 */
  text: string;
}

const item = (m: MemberView): MemberItem => ({ ...m, dutyLabel: dutyLabels[m.duty] });

function gridsOf(roster: RosterView): GridItem[] {
  return roster.grids.map((g) => ({
    gridId: g.gridId,
    name: g.name,
    exclusive: g.kind === 'exclusive',
    leaders: g.leaders.map(item),
    force: g.force.map(item),
    microGrids: g.microGrids.map((m) => ({ ...m, workers: m.workers.map(item) })),
  }));
}

function inviteText(roster: RosterView, invite: InviteView): string {
  const grid = roster.grids.find((g) => g.gridId === invite.gridId);
  const place =
    grid?.microGrids.find((m) => m.microGridId === invite.microGridId)?.label ?? grid?.name ?? '社区';
  const what = invite.duty ? dutyLabels[invite.duty] : invite.role === 'secretary' ? '书记' : '社区工作人员';
  return `${invite.name} · ${what} · ${place}`;
}

/** The add form: empty, the first grid chosen, a worker's duty. */
const blankForm = () => ({
  name: '',
  phone: '',
  duty: 'worker' as MemberDutyName,
  gridIndex: 0,
  microGridIndex: -1,
  primary: false,
});

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    secretary: '',
    grids: [] as GridItem[],
    invites: [] as InviteItem[],
    duties: duties.map((key) => ({ key, label: dutyLabels[key] })),
    adding: false,
    form: blankForm(),
    newCode: '',
    loading: false,
    error: '',
  },
  methods: {
    onLoad(query: { communityId?: string }) {
      this.setData({ communityId: query.communityId ?? '' });
      void this.run(() => getRoster(this.data.communityId));
    },

    async run(call: () => Promise<RosterView>) {
      this.setData({ loading: true, error: '' });
      try {
        const roster = await call();
        this.setData({
          grids: gridsOf(roster),
          invites: roster.invites.map((i) => ({ inviteId: i.inviteId, text: inviteText(roster, i) })),
          secretary: roster.secretary?.name ?? '未设置',
          loading: false,
        });
      } catch (error) {
        this.setData({ loading: false, error: (error as Error).message || '加载失败' });
      }
    },

    onDutyTap(e: WechatMiniprogram.TouchEvent) {
      const { memberId, onDuty } = e.currentTarget.dataset as { memberId: string; onDuty: boolean };
      void this.run(() => setOnDuty(this.data.communityId, memberId, !onDuty));
    },

    onPrimaryTap(e: WechatMiniprogram.TouchEvent) {
      const { gridId, microGridId, userId } = e.currentTarget.dataset as {
        gridId: string;
        microGridId: string;
        userId: string;
      };
      void this.run(() => makePrimary(this.data.communityId, { gridId, microGridId, userId }));
    },

    /** Removing someone from the roster ends what it gave them: asked first, with their name and duty. */
    onRemoveTap(e: WechatMiniprogram.TouchEvent) {
      const { memberId, name, duty } = e.currentTarget.dataset as {
        memberId: string;
        name: string;
        duty: string;
      };
      wx.showModal({
        title: '移除成员',
        content: `确定将 ${name}（${duty}）移出网格力量？移除后其不再接收该网格的工单。`,
        confirmText: '移除',
        success: (res) => {
          if (res.confirm) void this.run(() => removeMember(this.data.communityId, memberId));
        },
      });
    },

    onRevokeInviteTap(e: WechatMiniprogram.TouchEvent) {
      const inviteId = String(e.currentTarget.dataset.inviteId ?? '');
      void this.run(() => revokeInvite(this.data.communityId, inviteId));
    },

    onAddTap() {
      this.setData({ adding: !this.data.adding, form: blankForm(), newCode: '' });
    },
    onNameInput(e: WechatMiniprogram.Input) {
      this.setData({ 'form.name': e.detail.value });
    },
    onPhoneInput(e: WechatMiniprogram.Input) {
      this.setData({ 'form.phone': e.detail.value });
    },
    onFormDutyTap(e: WechatMiniprogram.TouchEvent) {
      const duty = e.currentTarget.dataset.key as MemberDutyName;
      this.setData({ 'form.duty': duty, 'form.primary': duty === 'worker' && this.data.form.primary });
    },
    onFormGridTap(e: WechatMiniprogram.TouchEvent) {
      this.setData({ 'form.gridIndex': Number(e.currentTarget.dataset.index), 'form.microGridIndex': -1 });
    },
    onFormMicroGridTap(e: WechatMiniprogram.TouchEvent) {
      this.setData({ 'form.microGridIndex': Number(e.currentTarget.dataset.index) });
    },
    onFormPrimaryTap() {
      this.setData({ 'form.primary': !this.data.form.primary });
    },

    async onInviteSubmit() {
      const { form, grids, communityId } = this.data;
      const grid = grids[form.gridIndex];
      const microGrid = grid?.microGrids[form.microGridIndex];
      const missing = !form.name.trim()
        ? '请填写姓名'
        : !grid
          ? '请选择网格'
          : form.duty === 'worker' && !microGrid
            ? '网格员需选择微网格'
            : '';
      if (missing || !grid) {
        this.setData({ error: missing });
        return;
      }
      this.setData({ loading: true, error: '' });
      try {
        const invite = await inviteMember(communityId, {
          name: form.name.trim(),
          ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
          duty: form.duty,
          gridId: grid.gridId,
          ...(microGrid && form.duty !== 'leader' ? { microGridId: microGrid.microGridId } : {}),
          ...(form.duty === 'worker' ? { primary: form.primary } : {}),
        });
        this.setData({
          adding: false,
          form: blankForm(),
          newCode: `${invite.name} 的邀请码：${invite.code}`,
        });
        await this.run(() => getRoster(communityId));
      } catch (error) {
        this.setData({ loading: false, error: (error as Error).message || '邀请失败，请重试' });
      }
    },
  },
});
