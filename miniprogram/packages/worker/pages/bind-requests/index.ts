/**
 * 住户申请 (workers, leaders, staff): residents asking to join a household of the caller's micro-grids. The
 * worker knows their households: they check the applicant (the members already there help) and approve or
 * deny; the resident is told either way.
 */
import type { BindRequestView } from '../../../../../typings/user';
import { ApiCallError } from '../../../../services/api';
import { approveBindRequest, bindRequests, denyBindRequest } from '../../../../services/user';
import { timeText } from '../../../../pages/notices/categories';
import { textSizeBehavior } from '../../../../theme/text-size';

type Row = BindRequestView & { membersText: string; timeText: string };

function rowOf(request: BindRequestView): Row {
  return {
    ...request,
    membersText: request.householdMembers.length
      ? `本户已有：${request.householdMembers.join('、')}`
      : '本户尚无绑定成员',
    timeText: `申请于 ${timeText(request.requestedAt)}`,
  };
}

const messageOf = (error: unknown) =>
  error instanceof ApiCallError ? error.message : '出了点问题，请稍后重试';

Component({
  behaviors: [textSizeBehavior],
  data: {
    loading: true,
    requests: [] as Row[],
    reasons: {} as Record<string, string>,
    busy: '',
    error: '',
  },
  methods: {
    onLoad() {
      return this.load();
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh());
    },
    async load(): Promise<void> {
      try {
        this.setData({ loading: false, requests: (await bindRequests()).map(rowOf), error: '' });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },
    onReason(e: WechatMiniprogram.Input) {
      const { id } = e.currentTarget.dataset as { id: string };
      this.setData({ reasons: { ...this.data.reasons, [id]: e.detail.value } });
    },
    onApprove(e: WechatMiniprogram.TouchEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      return this.decide(id, () => approveBindRequest(id), '已通过');
    },
    onDeny(e: WechatMiniprogram.TouchEvent) {
      const { id } = e.currentTarget.dataset as { id: string };
      return this.decide(id, () => denyBindRequest(id, this.data.reasons[id]?.trim() || undefined), '已拒绝');
    },
    async decide(id: string, act: () => Promise<BindRequestView>, done: string): Promise<void> {
      if (this.data.busy) return;
      this.setData({ busy: id, error: '' });
      try {
        await act();
        wx.showToast({ title: done, icon: 'success' });
        this.setData({ busy: '', requests: this.data.requests.filter((r) => r.requestId !== id) });
      } catch (error) {
        this.setData({ busy: '', error: messageOf(error) });
        // Decided by someone else meanwhile: the list is refreshed to show what is left.
        if (error instanceof ApiCallError && error.code === 'BIND_REQUEST.DECIDED') await this.load();
      }
    },
  },
});
