/**
 * A synthetic community with many tickets, for the workbench and dashboard benches: `grids` × `microPerGrid`
 * micro-grids with one worker each and a leader per grid, one staff member, and `count` tickets filed over a
 * year (one every few minutes, distinct instants), most of them closed as in a community that has run for a
 * while. Deterministic: the same arguments give the same documents. Insert with `seedTickets`.
 */
import type { TicketCategory, TicketStatus } from '../../typings/ticket';
import type { Grid, Member, MicroGrid } from '../../server/core/grids/model';
import type { Store } from '../../server/core/ports/store';
import type { Ticket } from '../../server/core/tickets/model';
import { toIso } from '../../server/core/time/shanghai';
import type { User } from '../../server/core/users/model';
import { syntheticCommunity } from './synthetic-map';

export interface BigCommunity {
  communityId: string;
  staffOpenid: string;
  gridIds: string[];
  microGridIds: string[];
  workerIds: string[];
  /** The instant after the last ticket: "now" for the bench. */
  now: string;
}

const START_MS = Date.parse('2025-06-20T08:00:00+08:00');
const STEP_MS = 5 * 60_000;
const CATEGORIES: TicketCategory[] = [
  'flyingWireCharging',
  'gasLeak',
  'fireLane',
  'electricalSafety',
  'sewerBlocked',
  'waterSupply',
  'streetLight',
  'roadDamage',
  'garbage',
  'sanitation',
  'propertyService',
  'neighborDispute',
  'other',
];
/** Out of 100: most tickets of a year are closed; a few are in hand, waiting or ended otherwise. */
const STATUS_SHARES: Array<[TicketStatus, number]> = [
  ['closed', 84],
  ['resolved', 3],
  ['processing', 4],
  ['accepted', 2],
  ['assigned', 2],
  ['submitted', 1],
  ['returned', 1],
  ['rejected', 2],
  ['cancelled', 1],
];
const PLACES = ['1号楼', '2号楼', '3号楼', '5号楼', '8号楼', '12号楼'];
const WORDS = [
  '垃圾没人清运',
  '路灯不亮',
  '下水井堵塞',
  '楼道堆放杂物',
  '电动车飞线充电',
  '道路坑洼',
  '噪音扰民',
];

/** A small deterministic generator (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function statusOf(r: number): TicketStatus {
  let acc = 0;
  for (const [status, share] of STATUS_SHARES) {
    acc += share / 100;
    if (r < acc) return status;
  }
  return 'closed';
}

function person(id: string, name: string, roles: User['roles']): User {
  return {
    _id: id,
    openid: id,
    name,
    phone: null,
    roles,
    roleKeys: roles.map((g) => `${g.role}:${g.communityId}`),
    householdId: null,
    createdAt: toIso(new Date(START_MS)),
    updatedAt: toIso(new Date(START_MS)),
    version: 1,
  };
}

/** Inserts the community, its map, people and `count` tickets in batches; returns what the bench needs. */
export async function seedTickets(
  store: Store,
  options: { key: string; count: number; grids?: number; microPerGrid?: number },
): Promise<BigCommunity> {
  const { key, count } = options;
  const gridsN = options.grids ?? 20;
  const microN = options.microPerGrid ?? 5;
  const community = syntheticCommunity(key, `${key}社区`);
  const communityId = community._id;
  const grids: Grid[] = [];
  const micros: MicroGrid[] = [];
  const members: Member[] = [];
  const users: User[] = [person(`staff_${key}`, '工作人员', [{ role: 'staff', communityId }])];
  for (let g = 0; g < gridsN; g++) {
    const gridId = `g_${key}_${g}`;
    grids.push({
      _id: gridId,
      communityId,
      name: `第${g + 1}网格`,
      kind: 'community',
      unitName: null,
      boundary: null,
      sort: g,
    });
    const leaderId = `u_${key}_leader_${g}`;
    users.push(person(leaderId, `网格长${g + 1}`, [{ role: 'leader', communityId, gridId }]));
    members.push({
      _id: `m_${leaderId}`,
      communityId,
      gridId,
      microGridId: null,
      userId: leaderId,
      duty: 'leader',
      primary: true,
      onDuty: true,
    });
    for (let m = 0; m < microN; m++) {
      const microGridId = `mg_${key}_${g}_${m}`;
      micros.push({
        _id: microGridId,
        communityId,
        gridId,
        name: `${m + 1}号微网格`,
        boundary: null,
        sort: m,
      });
      const workerId = `u_${key}_worker_${g}_${m}`;
      users.push(
        person(workerId, `网格员${g + 1}-${m + 1}`, [{ role: 'worker', communityId, gridId, microGridId }]),
      );
      members.push({
        _id: `m_${workerId}`,
        communityId,
        gridId,
        microGridId,
        userId: workerId,
        duty: 'worker',
        primary: true,
        onDuty: true,
      });
    }
  }
  await store.insert('communities', community);
  await store.insertMany('grids', grids);
  await store.insertMany('microGrids', micros);
  await store.insertMany('users', users);
  await store.insertMany('members', members);

  const random = prng(20260620);
  const BATCH = 2_000;
  for (let start = 0; start < count; start += BATCH) {
    const batch: Ticket[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const g = Math.floor(random() * gridsN);
      const m = Math.floor(random() * microN);
      const status = statusOf(random());
      const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)]!;
      const created = START_MS + i * STEP_MS;
      const at = toIso(new Date(created));
      const workerId = `u_${key}_worker_${g}_${m}`;
      const handed = status !== 'submitted' && status !== 'returned';
      const open = !['closed', 'rejected', 'cancelled'].includes(status);
      const e = random();
      const place = `${PLACES[i % PLACES.length]} ${1 + (i % 4)}单元`;
      batch.push({
        _id: `tk_${key}_${i.toString(36).padStart(6, '0')}`,
        clientRequestId: `bench-${i}`,
        reporterUserId: `r_${key}_${i % 5_000}`,
        reporterName: '居民',
        followerUserIds: [],
        category,
        urgent: category === 'gasLeak',
        status,
        open,
        description: `${WORDS[i % WORDS.length]}，第${i}号反映`,
        contentHeld: false,
        photos: [],
        place: { kind: 'building', buildingId: `b_${key}_${g}_${m}` },
        placeText: place,
        location: null,
        buildingId: `b_${key}_${g}_${m}`,
        communityId,
        gridId: `g_${key}_${g}`,
        microGridId: `mg_${key}_${g}_${m}`,
        assignee: handed
          ? { userId: workerId, name: `网格员${g + 1}-${m + 1}`, role: 'worker', roleLabel: '网格员' }
          : null,
        assigneeUserId: handed && open ? workerId : null,
        routingRule: 'address',
        routingReason: '楼栋登记在本微网格',
        returnedByUserIds: [],
        coHandlers: [],
        rating: null,
        mergedIntoTicketId: null,
        signForBy: toIso(new Date(created + 2 * 3_600_000)),
        resolveBy: toIso(new Date(created + 72 * 3_600_000)),
        escalateAt: null,
        escalationLevel: open && e < 0.2 ? (e < 0.05 ? 2 : 1) : 0,
        escalatedAt: open && e < 0.2 ? toIso(new Date(created + 3 * 3_600_000)) : null,
        autoCloseAt: null,
        deadlines: { signForHours: 2, resolveHours: 72 },
        autoCloseDays: 7,
        createdAt: at,
        updatedAt: at,
        version: 1,
      });
    }
    await store.insertMany('tickets', batch);
  }
  return {
    communityId,
    staffOpenid: `staff_${key}`,
    gridIds: grids.map((g) => g._id),
    microGridIds: micros.map((m) => m._id),
    workerIds: users.filter((u) => u.roles[0]?.role === 'worker').map((u) => u._id),
    now: toIso(new Date(START_MS + count * STEP_MS)),
  };
}
