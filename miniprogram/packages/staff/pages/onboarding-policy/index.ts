/**
 * 入户规则 (staff): how residents join a household with its household code 住户码 — one person per code, or up to
 * a number of members per household — and whether the micro-grid's worker approves each binding first.
 */
import type { OnboardingMode, OnboardingPolicy } from '../../../../../typings/user';
import { onboardingPolicy, setOnboardingPolicy } from '../../../../services/households';
import { textSizeBehavior } from '../../../../theme/text-size';

/** The server takes 1–20 members a household. */
const MIN_MEMBERS = 1;
const MAX_MEMBERS = 20;

export const modeLabels = {
  singleUse: { title: '一码一人', note: '住户码绑定一人后失效，家人需另发新码' },
  memberLimit: { title: '一户多人', note: '同一住户码可供家人共用，直到达到人数上限' },
} as const satisfies Record<OnboardingMode, { title: string; note: string }>;

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    modes: (Object.keys(modeLabels) as OnboardingMode[]).map((key) => ({ key, ...modeLabels[key] })),
    policy: null as OnboardingPolicy | null,
    /** Changed since loaded or saved. */
    dirty: false,
    minMembers: MIN_MEMBERS,
    maxMembers: MAX_MEMBERS,
    loaded: false,
    busy: false,
    saved: '',
    error: '',
  },
  methods: {
    async onLoad(query: { communityId?: string }) {
      this.setData({ communityId: query.communityId ?? '' });
      try {
        this.setData({ policy: await onboardingPolicy(this.data.communityId), loaded: true });
      } catch (error) {
        this.setData({ loaded: true, error: (error as Error).message || '加载失败，请返回重试' });
      }
    },
    change(patch: Partial<OnboardingPolicy>) {
      if (!this.data.policy) return;
      this.setData({ policy: { ...this.data.policy, ...patch }, dirty: true, saved: '' });
    },
    onModeTap(e: WechatMiniprogram.TouchEvent) {
      this.change({ mode: e.currentTarget.dataset.key as OnboardingMode });
    },
    onLessTap() {
      const limit = this.data.policy?.memberLimit ?? MIN_MEMBERS;
      if (limit > MIN_MEMBERS) this.change({ memberLimit: limit - 1 });
    },
    onMoreTap() {
      const limit = this.data.policy?.memberLimit ?? MIN_MEMBERS;
      if (limit < MAX_MEMBERS) this.change({ memberLimit: limit + 1 });
    },
    onApprovalTap() {
      this.change({ approval: !this.data.policy?.approval });
    },
    async onSaveTap() {
      const { policy, communityId } = this.data;
      if (!policy || this.data.busy || !this.data.dirty) return;
      this.setData({ busy: true, error: '' });
      try {
        const saved = await setOnboardingPolicy(communityId, policy);
        this.setData({ policy: saved, dirty: false, saved: '已保存，新的规则对之后的绑定生效' });
      } catch (error) {
        this.setData({ error: (error as Error).message || '保存失败，请重试' });
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});
