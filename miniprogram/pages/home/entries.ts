/** What the home offers each role: one table, exhaustive over the contract's Role union. */
import type { CommunityRole, Role, RoleGrant, StreetGrant } from '../../../typings/user';

/** Where an entry sits on the home: staff hold fifteen, so they come in groups. */
export type HomeSection = 'service' | 'tickets' | 'field' | 'households' | 'grid' | 'notices' | 'street';

export const homeSectionLabels = {
  service: '居民服务',
  tickets: '工单',
  field: '排查走访',
  households: '住户',
  grid: '网格',
  notices: '通知宣传',
  street: '街道',
} as const satisfies Record<HomeSection, string>;

export interface HomeEntry {
  key: string;
  section: HomeSection;
  title: string;
  note: string;
  url: string;
}

const report: HomeEntry = {
  key: 'report',
  section: 'service',
  title: '随手拍',
  note: '飞线充电、下水井堵塞、停水……拍下来，网格员来办',
  url: '/pages/report/index',
};
const myTickets: HomeEntry = {
  key: 'my-tickets',
  section: 'service',
  title: '我的工单',
  note: '进度、时限和办理经过',
  url: '/pages/my-tickets/index',
};
const notices: HomeEntry = {
  key: 'notices',
  section: 'service',
  title: '政策通知',
  note: '医保、就业、安全、健康',
  url: '/pages/notices/index',
};
const inbox: HomeEntry = {
  key: 'inbox',
  section: 'tickets',
  title: '工单收件箱',
  note: '待签收、办理中、已超时',
  url: '/packages/worker/pages/inbox/index',
};
const visits: HomeEntry = {
  key: 'visits',
  section: 'field',
  title: '入户走访',
  note: '通知尚未送达的住户',
  url: '/packages/worker/pages/visits/index',
};
const bindRequests: HomeEntry = {
  key: 'bind-requests',
  section: 'households',
  title: '住户申请',
  note: '居民绑定住户的申请，核实后通过',
  url: '/packages/worker/pages/bind-requests/index',
};
const fieldDue: HomeEntry = {
  key: 'field-due',
  section: 'field',
  title: '排查与走访',
  note: '到期的排查任务和关怀走访',
  url: '/packages/worker/pages/field-due/index',
};
const worklog: HomeEntry = {
  key: 'worklog',
  section: 'field',
  title: '工作日志',
  note: '系统记下的每日工作，可补充备注',
  url: '/packages/worker/pages/worklog/index',
};
const householdCodes: HomeEntry = {
  key: 'household-codes',
  section: 'households',
  title: '住户码',
  note: '每户一码，打印张贴或发放',
  url: '/packages/staff/pages/household-codes/index',
};
const households: HomeEntry = {
  key: 'households',
  section: 'households',
  title: '住户与成员',
  note: '各户绑定的居民、入户规则',
  url: '/packages/staff/pages/households/index',
};
const dutyQueue: HomeEntry = {
  key: 'duty-queue',
  section: 'tickets',
  title: '值班台',
  note: '无法定位和被退回的工单',
  url: '/packages/staff/pages/duty-queue/index',
};
const letters: HomeEntry = {
  key: 'letters',
  section: 'tickets',
  title: '书记信箱',
  note: '居民写给书记的信',
  url: '/packages/staff/pages/letters/index',
};
const gridMap: HomeEntry = {
  key: 'grid-map',
  section: 'grid',
  title: '网格地图',
  note: '网格、微网格边界与归属查询',
  url: '/packages/staff/pages/grid-map/index',
};
const members: HomeEntry = {
  key: 'members',
  section: 'grid',
  title: '网格力量',
  note: '网格长、网格员与“1+4+X”名册',
  url: '/packages/staff/pages/members/index',
};
const importFiles: HomeEntry = {
  key: 'import',
  section: 'grid',
  title: '导入网格图与台账',
  note: '上传文件，先看变化再确认',
  url: '/packages/staff/pages/import/index',
};
const compose: HomeEntry = {
  key: 'notice-compose',
  section: 'notices',
  title: '发布通知',
  note: '政策宣传到户到人',
  url: '/packages/staff/pages/notice-compose/index',
};
const noticeList: HomeEntry = {
  key: 'notice-list',
  section: 'notices',
  title: '我的通知',
  note: '草稿、定时发布、已发布的覆盖情况',
  url: '/packages/staff/pages/notice-list/index',
};
const groups: HomeEntry = {
  key: 'groups',
  section: 'notices',
  title: '网格群',
  note: '微信群绑定与通知转发',
  url: '/packages/staff/pages/groups/index',
};

const figures: HomeEntry = {
  key: 'figures',
  section: 'tickets',
  title: '工单统计',
  note: '响应率、解决率、满意率，按网格和月份',
  url: '/packages/staff/pages/figures/index',
};
const fieldSetup: HomeEntry = {
  key: 'field-setup',
  section: 'field',
  title: '排查模板与关怀人群',
  note: '排查清单、关怀走访的人群和周期',
  url: '/packages/staff/pages/field-setup/index',
};
const fieldProgress: HomeEntry = {
  key: 'field-progress',
  section: 'field',
  title: '排查进度',
  note: '本月各微网格排查完成情况',
  url: '/packages/staff/pages/field-progress/index',
};
const worklogs: HomeEntry = {
  key: 'worklogs',
  section: 'field',
  title: '工作日志台账',
  note: '网格员每月工作日志，导出 Excel',
  url: '/packages/staff/pages/worklogs/index',
};

const workbench: HomeEntry = {
  key: 'workbench',
  section: 'tickets',
  title: '工单工作台',
  note: '全部工单：筛选、搜索、改派、合并',
  url: '/packages/staff/pages/workbench/index',
};
const leaderHome: HomeEntry = {
  key: 'leader-home',
  section: 'tickets',
  title: '网格长首页',
  note: '本网格在办、超时和督办工单',
  url: '/packages/worker/pages/leader-home/index',
};
const secretaryHome: HomeEntry = {
  key: 'secretary-home',
  section: 'tickets',
  title: '书记首页',
  note: '督办工单与书记信箱',
  url: '/packages/staff/pages/secretary-home/index',
};

const streetCommunities: HomeEntry = {
  key: 'street-communities',
  section: 'street',
  title: '街道社区',
  note: '辖区社区排名，新建社区并设置网格',
  url: '/packages/street/pages/communities/index',
};
const streetFigures: HomeEntry = {
  key: 'street-figures',
  section: 'street',
  title: '社区考核排名',
  note: '响应率、按期办结率、满意率……逐社区排名',
  url: '/packages/street/pages/ranking/index',
};
const streetOffice: HomeEntry = {
  key: 'street-office',
  section: 'street',
  title: '街道工作人员',
  note: '本街道的工作人员：邀请新同事、移除离开的人',
  url: '/packages/street/pages/office/index',
};

export const entriesByRole = {
  resident: [report, myTickets, notices],
  worker: [inbox, fieldDue, visits, bindRequests, worklog],
  leader: [leaderHome, inbox, workbench, fieldDue, visits, bindRequests, worklog],
  staff: [
    workbench,
    dutyQueue,
    compose,
    noticeList,
    gridMap,
    members,
    importFiles,
    households,
    householdCodes,
    bindRequests,
    groups,
    figures,
    fieldSetup,
    fieldProgress,
    worklogs,
  ],
  secretary: [secretaryHome, letters, workbench, figures, dutyQueue, compose, noticeList, groups],
  street: [streetFigures, streetCommunities, streetOffice],
} as const satisfies Record<Role, readonly HomeEntry[]>;

/**
 * Each role's own page, offered in 我的 as 我的工作台: a worker's inbox, a leader's and the secretary's homes, the
 * staff workbench, the street office's ranking. A resident's is the home tab itself.
 */
export const roleHomes = {
  resident: null,
  worker: inbox,
  leader: leaderHome,
  staff: workbench,
  secretary: secretaryHome,
  street: streetFigures,
} as const satisfies Record<Role, HomeEntry | null>;

const ORDER: CommunityRole[] = ['resident', 'worker', 'leader', 'staff', 'secretary'];

/** Pages of roles that act for a community open on that community. */
const SCOPED: ReadonlySet<Role> = new Set<Role>(['worker', 'leader', 'staff', 'secretary']);

/**
 * The entries for everything the user holds, each once, residents' first; the first community wins. A street
 * officer's pages come last and open on their (first) street.
 */
export function entriesFor(roles: RoleGrant[], streets: StreetGrant[] = []): HomeEntry[] {
  const seen = new Set<string>();
  const out: HomeEntry[] = [];
  const street = streets[0];
  const add = (entry: HomeEntry, url: string) => {
    if (seen.has(entry.key)) return;
    seen.add(entry.key);
    out.push({ ...entry, url });
  };
  for (const role of ORDER) {
    for (const grant of roles.filter((g) => g.role === role)) {
      for (const entry of entriesByRole[role]) {
        if (seen.has(entry.key)) continue;
        seen.add(entry.key);
        out.push(
          SCOPED.has(role) ? { ...entry, url: `${entry.url}?communityId=${grant.communityId}` } : entry,
        );
      }
    }
  }
  if (street)
    for (const entry of entriesByRole.street) add(entry, `${entry.url}?streetId=${street.streetId}`);
  return out;
}

/**
 * The own page of every role the user holds, each once, in the home's order; scoped to the grant's community, a
 * street officer's to their (first) street.
 */
export function homesFor(roles: RoleGrant[], streets: StreetGrant[] = []): HomeEntry[] {
  const out: HomeEntry[] = [];
  for (const role of ORDER) {
    const home: HomeEntry | null = roleHomes[role];
    const grant = roles.find((g) => g.role === role);
    if (home && grant) out.push({ ...home, url: `${home.url}?communityId=${grant.communityId}` });
  }
  const street = streets[0];
  if (street) out.push({ ...roleHomes.street, url: `${roleHomes.street.url}?streetId=${street.streetId}` });
  return out;
}

export interface HomeGroup {
  section: HomeSection;
  title: string;
  entries: HomeEntry[];
}

/** The entries in groups, each group where its first entry came, entries in their order within it. */
export function groupsOf(entries: HomeEntry[]): HomeGroup[] {
  const groups: HomeGroup[] = [];
  for (const entry of entries) {
    let group = groups.find((g) => g.section === entry.section);
    if (!group)
      groups.push((group = { section: entry.section, title: homeSectionLabels[entry.section], entries: [] }));
    group.entries.push(entry);
  }
  return groups;
}
