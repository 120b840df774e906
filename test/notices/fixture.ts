/** The notices' test fixture: the demo harness, a staff member of 吴家园社区, and notices to publish. */
import type { NoticeAudience, NoticeContent, StaffNoticeView } from '../../typings/notice';
import type { User } from '../../server/core/users/model';
import { createHarness, type Actor, type Harness } from '../support/harness';

export const COMMUNITY = 'c_wujiayuan';
export const STAFF = 'dev-staff-wujiayuan';
/** 李叔叔, 吴家园西区 3号楼 (第二网格). */
export const LI = 'dev-resident-li';
export const LI_HOUSEHOLD = 'h_wujiayuan_wjyxi_3_1_502';
/** 王奶奶, 吴家园东区 (第一网格). */
export const WANG = 'dev-resident-wujiayuan-1';
/** 杨大爷, 建兰花园 (第三网格). */
export const YANG = 'dev-resident-wujiayuan-2';

export function content(over: Partial<NoticeContent> = {}): NoticeContent {
  return {
    title: '城乡居民医保缴费提醒',
    body: [
      {
        kind: 'paragraph',
        spans: [
          { kind: 'text', text: '2027年度城乡居民医保开始缴费，' },
          { kind: 'text', text: '截止日期为12月31日', bold: true },
          { kind: 'text', text: '。' },
        ],
      },
    ],
    category: 'medicalInsurance',
    coverFileId: null,
    attachments: [],
    ...over,
  };
}

export const wholeCommunity: NoticeAudience = { scope: 'community', gridIds: [], microGridIds: [], tags: [] };

export function grids(...gridIds: string[]): NoticeAudience {
  return { scope: 'places', gridIds, microGridIds: [], tags: [] };
}

export interface NoticeWorld {
  h: Harness;
  staff: Actor;
  /** Composes and publishes at once. */
  publish(audience?: NoticeAudience, over?: Partial<NoticeContent>): Promise<StaffNoticeView>;
  /** A second resident bound to an existing household (a family member). */
  addResident(openid: string, householdId: string): Promise<Actor>;
}

export async function noticeWorld(now?: string): Promise<NoticeWorld> {
  const h = await createHarness(now ? { now } : {});
  const staff = h.as(STAFF);
  return {
    h,
    staff,
    async publish(audience = wholeCommunity, over = {}) {
      const draft = await staff.ok('notice', 'compose', {
        communityId: COMMUNITY,
        audience,
        ...content(over),
      });
      return staff.ok('notice', 'publish', { noticeId: draft.noticeId, version: draft.version });
    },
    async addResident(openid, householdId) {
      const at = h.clock.now().toISOString();
      const user: User = {
        _id: `u_${openid}`,
        openid,
        name: '家人',
        phone: null,
        roles: [{ role: 'resident', communityId: COMMUNITY }],
        roleKeys: [`resident:${COMMUNITY}`],
        householdId,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      await h.deps.store.insert('users', user);
      return h.as(openid);
    },
  };
}
