/**
 * 网格力量 (staff): the community's 1+4+X roster — each grid's leader, each micro-grid's workers with the one
 * primary marked, and the rest of the force by duty. Staff switch a worker on or off duty and set the primary.
 */
import type { MemberDutyName, MemberView, RosterView } from '../../../../../typings/grid';
import { getRoster, makePrimary, setOnDuty } from '../../../../services/grid';
import { textSizeBehavior } from '../../../../theme/text-size';

export const dutyLabels: Record<MemberDutyName, string> = {
  leader: '网格长',
  worker: '网格员',
  police: '民警',
  property: '物业',
  volunteer: '志愿者',
  other: '其他',
};

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

Component({
  behaviors: [textSizeBehavior],
  data: {
    communityId: '',
    secretary: '',
    grids: [] as GridItem[],
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
  },
});
