/**
 * Which screenshots scripts/screenshots.ts takes: every page of app.json, for each role that uses it, on the
 * world of scripts/screenshots/world.ts (焦家湾社区). Each is taken at the normal text size and again at a large
 * one (the WeChat font setting of 关怀模式). A page of app.json without a row here is shot anyway, as the role
 * of its package sees it with the community in its query; add a row for the role, query and taps it needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  COMMUNITY,
  COMMUNITY_STAFF,
  LEADER,
  NEWCOMER,
  RESIDENT,
  SECRETARY,
  STREET,
  WORKER,
  type World,
} from './world';

export type Role = 'resident' | 'newcomer' | 'worker' | 'leader' | 'staff' | 'secretary' | 'street';

export const OPENIDS: Record<Role, string> = {
  resident: RESIDENT,
  newcomer: NEWCOMER,
  worker: WORKER,
  leader: LEADER,
  staff: COMMUNITY_STAFF,
  secretary: SECRETARY,
  street: STREET,
};

export interface Shot {
  name: string;
  role: Role;
  /** The page's path under miniprogram/, without extension. */
  page: string;
  openid: string;
  query?: Record<string, string>;
  /** Selectors tapped in turn after the page has loaded (simulate's querySelector on the page). */
  taps?: string[];
}

/** The ids a shot needs from the world. */
export type ShotWorld = Pick<
  World,
  'resolvedTicketId' | 'waitingTicketId' | 'noticeId' | 'inspectionTaskId' | 'careVisit' | 'household'
>;

const W = 'packages/worker/pages';
const S = 'packages/staff/pages';

export function shotsFor(world: ShotWorld): Shot[] {
  const resolved = { id: world.resolvedTicketId };
  const waiting = { id: world.waitingTicketId };
  const community = { communityId: COMMUNITY };
  const rows: Array<[Role, string, string, Record<string, string>?, string[]?]> = [
    // Every role lands on the home, and has 消息 and 我的.
    ...(['resident', 'newcomer', 'worker', 'leader', 'staff', 'secretary', 'street'] as Role[]).flatMap(
      (role): Array<[Role, string, string]> => [
        [role, `home-${role}`, 'pages/home/index'],
        [role, `mine-${role}`, 'pages/mine/index'],
      ],
    ),
    ['resident', 'messages-resident', 'pages/messages/index'],
    ['worker', 'messages-worker', 'pages/messages/index'],
    ['resident', 'notices', 'pages/notices/index'],
    ['resident', 'notice-detail', 'pages/notice-detail/index', { noticeId: world.noticeId }],
    ['resident', 'notice-subscriptions', 'pages/notice-subscriptions/index'],
    ['resident', 'report', 'pages/report/index'],
    ['resident', 'report-nearby', 'pages/report/index', {}, ['#category-fireLane']],
    ['resident', 'report-missing', 'pages/report/index', {}, ['.submit-btn']],
    ['resident', 'my-tickets', 'pages/my-tickets/index'],
    ['resident', 'my-tickets-done', 'pages/my-tickets/index', {}, ['#tab-done']],
    ['resident', 'ticket-detail-resolved', 'pages/ticket-detail/index', resolved],
    ['resident', 'ticket-detail-waiting', 'pages/ticket-detail/index', waiting],
    ['newcomer', 'bind-household', 'pages/bind-household/index'],
    ['worker', 'inbox', `${W}/inbox/index`],
    ['worker', 'inbox-resolved', `${W}/inbox/index`, {}, ['#tab-done']],
    ['worker', 'worker-ticket-waiting', `${W}/ticket/index`, waiting],
    ['worker', 'worker-ticket-resolved', `${W}/ticket/index`, resolved],
    ['worker', 'visits', `${W}/visits/index`],
    ['worker', 'visits-households', `${W}/visits/index`, {}, ['.task']],
    ['worker', 'field-due', `${W}/field-due/index`],
    [
      'worker',
      'inspection-walk',
      `${W}/inspection-walk/index`,
      world.inspectionTaskId ? { taskId: world.inspectionTaskId } : {},
    ],
    ['worker', 'care-visit', `${W}/care-visit/index`, world.careVisit ?? {}],
    ['worker', 'worklog', `${W}/worklog/index`],
    ['worker', 'bind-requests', `${W}/bind-requests/index`],
    ['leader', 'leader-home', `${W}/leader-home/index`, community],
    ['leader', 'inbox-leader', `${W}/inbox/index`],
    ['leader', 'workbench-leader', `${S}/workbench/index`, community],
    ['staff', 'workbench', `${S}/workbench/index`, community],
    ['staff', 'duty-queue', `${S}/duty-queue/index`, community],
    ['staff', 'grid-map', `${S}/grid-map/index`, community],
    ['staff', 'members', `${S}/members/index`, community],
    ['staff', 'household-codes', `${S}/household-codes/index`, community],
    [
      'staff',
      'household-members',
      `${S}/household-members/index`,
      { ...community, householdId: world.household.householdId, address: world.household.address },
    ],
    ['staff', 'notice-compose', `${S}/notice-compose/index`, community],
    ['staff', 'notice-coverage', `${S}/notice-coverage/index`, { noticeId: world.noticeId }],
    ['staff', 'groups', `${S}/groups/index`, community],
    ['staff', 'field-setup', `${S}/field-setup/index`, community],
    ['staff', 'field-progress', `${S}/field-progress/index`, community],
    ['staff', 'worklogs', `${S}/worklogs/index`, community],
    ['staff', 'figures', `${S}/figures/index`, community],
    ['secretary', 'secretary-home', `${S}/secretary-home/index`, community],
    ['secretary', 'letters', `${S}/letters/index`, community],
    ['street', 'communities', 'packages/street/pages/communities/index'],
    // The ranking with its first community opened: 查看统计 / 查看工单.
    ['street', 'ranking', 'packages/street/pages/ranking/index', undefined, ['#line-0']],
    // The office with the invite form open, as an officer starts inviting a colleague.
    ['street', 'office', 'packages/street/pages/office/index', undefined, ['.open-invite']],
  ];
  const listed = rows.map(([role, name, page, query, taps]) => ({
    name,
    role,
    page,
    openid: OPENIDS[role],
    ...(query ? { query } : {}),
    ...(taps ? { taps } : {}),
  }));
  // A page added to app.json without a row above still gets its shot, as its package's role would see it.
  const shown = new Set(listed.map((s) => s.page));
  const defaults = pagesOfApp()
    .filter((page) => !shown.has(page))
    .map((page): Shot => {
      const role: Role = page.startsWith('packages/worker/')
        ? 'worker'
        : page.startsWith('packages/staff/')
          ? 'staff'
          : page.startsWith('packages/street/')
            ? 'street'
            : 'resident';
      return {
        name: page.replace(/^packages\/|\/index$/g, '').replace(/\//g, '-'),
        role,
        page,
        openid: OPENIDS[role],
        query: community,
      };
    });
  return [...listed, ...defaults];
}

/** Every page of app.json, subpackage pages with their root. */
export function pagesOfApp(): string[] {
  const app = JSON.parse(readFileSync(join(__dirname, '..', '..', 'miniprogram', 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
  };
  return [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((x) => `${p.root}/${x}`))];
}
