/**
 * The matrix's world (see matrix.ts for the roles and relations): the demo seeded, a resident in each place a
 * resource can lie, and builders that bring a ticket or a notice to a state through the real actions, placed
 * where the cell's relation says. The database is snapshotted once and restored before every cell.
 */
import type { ApiResult } from '../../typings/common';
import type { FunctionName } from '../../typings/functions';
import type { NoticeAudience, StaffNoticeView } from '../../typings/notice';
import type { TicketCategory, TicketDetail, TicketPlace, TicketStatus } from '../../typings/ticket';
import type { User } from '../../server/core/users/model';
import { withRoles } from '../../server/core/users/role-keys';
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { createHarness, type Harness } from '../support/harness';
import type { Cell, MatrixRelation, MatrixRole } from './cells';

export const A = 'c_wujiayuan';
export const B = 'c_dashaping';

/** Where a resource lies, and who lives and works there. */
export interface Slot {
  communityId: string;
  gridId: string;
  microGridId: string;
  buildingId: string;
  householdId: string;
  /** Where the building stands: a point inside the micro-grid. */
  point: { lat: number; lng: number };
  /** A resident of the slot's household (not the caller). */
  resident: string;
  /** The micro-grid's primary worker, the grid's leader, the community's staff and secretary. */
  worker: string;
  leader: string;
  staff: string;
  secretary: string;
}

export const CALLERS: Record<Exclude<MatrixRole, 'anonymous'>, string> = {
  stranger: 'matrix-stranger',
  resident: 'dev-resident-li',
  worker: 'dev-worker-wujiayuan-02-1',
  leader: 'dev-leader-wujiayuan-02',
  staff: 'dev-staff-wujiayuan',
  secretary: 'dev-secretary-wujiayuan',
  otherStaff: 'dev-staff-dashaping',
  street: 'dev-street-jianlanlu',
};

const PLACES: Record<Exclude<MatrixRelation, 'own'>, { communityId: string; microGridId: string }> = {
  sameMicroGrid: { communityId: A, microGridId: 'mg_wujiayuan_02_1' },
  sameGrid: { communityId: A, microGridId: 'mg_wujiayuan_02_2' },
  sameCommunity: { communityId: A, microGridId: 'mg_wujiayuan_01_1' },
  otherCommunity: { communityId: B, microGridId: 'mg_dashaping_01_1' },
};

/** A point no polygon holds: the report waits in the reporter's community duty queue. */
const NOWHERE = { lat: 36.2, lng: 104.2 };

export interface TicketRef {
  ticketId: string;
  version: number;
  detail: TicketDetail;
}

export interface World {
  h: Harness;
  /** The slot a relation names; `own` is the home micro-grid (the caller's own things lie there). */
  slot(relation: MatrixRelation): Slot;
  openidOf(role: MatrixRole): string | null;
  userId(openid: string): Promise<string>;
  /** Calls as an openid (null: no caller); the raw answer. */
  call(openid: string | null, fn: FunctionName, action: string, req: object): Promise<ApiResult<unknown>>;
  /** Calls and returns the data; throws (a broken row, not a refusal) otherwise. */
  ok<T = unknown>(openid: string | null, fn: FunctionName, action: string, req: object): Promise<T>;
  /**
   * A ticket where the cell's relation puts it, brought to `status` by its own people. `own`: filed by the
   * caller (null for anonymous). Category: propertyService unless named.
   */
  ticket(
    cell: Cell,
    opts: { status: TicketStatus; category?: TicketCategory; place?: TicketPlace },
  ): Promise<TicketRef | null>;
  /** A notice composed by the slot's staff (own: by the caller, null unless they are staff of A) to the slot's micro-grid. */
  notice(
    cell: Cell,
    opts: { state: 'draft' | 'published' | 'withdrawn'; audience?: 'microGrid' | 'community' },
  ): Promise<StaffNoticeView | null>;
  /** Restores the world as it was after set-up. */
  restore(): void;
  /** Everything written so far: SQLite rows changed, files put, pushes attempted. */
  writes(): { rows: number; files: number; pushes: number };
  /** The communities a user belongs to (roles and household). */
  communitiesOf(userId: string): Set<string>;
  /** Every user with a community: id, name, communities. */
  people: Array<{ userId: string; name: string; communities: Set<string> }>;
}

let serial = 0;
const requestId = () => `matrix-${(serial += 1).toString(36).padStart(6, '0')}`;

export async function buildWorld(): Promise<World> {
  const h = await createHarness();
  const { store } = h.deps;
  // The snapshot and the write counter below are SQLite's own: the matrix runs on the local store.
  if (!(store instanceof SqliteStore)) throw new Error('the authorization matrix runs on the SQLite store');

  const call = (openid: string | null, fn: FunctionName, action: string, req: object) =>
    (openid
      ? h.as(openid).call(fn, action as never, req as never)
      : h.anonymous(fn, action as never, req as never)) as Promise<ApiResult<unknown>>;
  const ok = async <T>(openid: string | null, fn: FunctionName, action: string, req: object) => {
    const result = await call(openid, fn, action, req);
    if (!result.ok)
      throw new Error(
        `set-up ${fn}.${action} as ${openid} failed: ${result.error.code} ${result.error.message}`,
      );
    return result.data as T;
  };

  await ok(CALLERS.stranger, 'user', 'login', { name: '陌生人' });

  const userByOpenid = async (openid: string) => {
    const [u] = await store.find('users', { where: { openid }, limit: 1 });
    if (!u) throw new Error(`no user ${openid}`);
    return u;
  };
  const openidOfUser = async (userId: string) => {
    const u = await store.get('users', userId);
    if (!u) throw new Error(`no user ${userId}`);
    return u.openid;
  };

  /** A resident written straight into the store: the world does not depend on how binding works. */
  const addResident = async (openid: string, name: string, householdId: string, communityId: string) => {
    const at = h.clock.now().toISOString();
    const user: User = {
      _id: `u_${openid.replace(/-/g, '_')}`,
      openid,
      name,
      phone: null,
      ...withRoles([{ role: 'resident', communityId }]),
      householdId,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await store.insert('users', user);
  };

  const slots = {} as Record<MatrixRelation, Slot>;
  const names: Record<Exclude<MatrixRelation, 'own'>, string> = {
    sameMicroGrid: '邻居甲',
    sameGrid: '邻居乙',
    sameCommunity: '邻居丙',
    otherCommunity: '砂坪住户',
  };
  const liHousehold = (await userByOpenid(CALLERS.resident)).householdId!;
  for (const relation of Object.keys(PLACES) as Array<Exclude<MatrixRelation, 'own'>>) {
    const { communityId, microGridId } = PLACES[relation];
    const microGrid = await store.get('microGrids', microGridId);
    if (!microGrid) throw new Error(`no micro-grid ${microGridId}`);
    const households = await store.find('households', { where: { microGridId }, limit: 5 });
    const household = households.find((x) => x._id !== liHousehold)!;
    const openid = `matrix-resident-${relation}`;
    await addResident(openid, names[relation], household._id, communityId);
    const members = await store.find('members', { where: { microGridId, duty: 'worker' } });
    const worker = [...members].sort((a, b) => Number(b.primary) - Number(a.primary))[0]!;
    const [leader] = await store.find('members', { where: { gridId: microGrid.gridId, duty: 'leader' } });
    // Someone of the place's staff who is not a caller of the matrix: `own` is the caller's alone.
    const staff = (
      await store.find('users', {
        where: { roleKeys: { has: `staff:${communityId}` } },
        orderBy: [['openid', 'asc']],
      })
    ).find((u) => !Object.values(CALLERS).includes(u.openid));
    const community = await store.get('communities', communityId);
    const secretary = await openidOfUser(community!.secretaryUserId!);
    const building = await store.get('buildings', household.buildingId);
    slots[relation] = {
      communityId,
      gridId: microGrid.gridId,
      microGridId,
      buildingId: household.buildingId,
      householdId: household._id,
      point: building!.location!,
      resident: openid,
      worker: await openidOfUser(worker.userId),
      leader: await openidOfUser(leader!.userId),
      staff: staff?.openid ?? secretary,
      secretary,
    };
  }
  const home = (await store.get('households', liHousehold))!;
  const homeBuilding = (await store.get('buildings', home.buildingId))!;
  slots.own = {
    ...slots.sameMicroGrid,
    householdId: home._id,
    buildingId: home.buildingId,
    point: homeBuilding.location!,
  };
  if (slots.own.worker !== CALLERS.worker || slots.own.leader !== CALLERS.leader)
    throw new Error('the home micro-grid is not worked by the matrix worker and leader');

  const allUsers = await store.find('users');
  const households = new Map((await store.find('households')).map((x) => [x._id, x.communityId]));
  // A street officer belongs to the communities of their street (the office oversees them).
  const streetCommunities = new Map<string, string[]>();
  for (const street of await store.find('streets')) {
    const communities = await store.find('communities', { where: { streetId: street._id } });
    for (const userId of street.officerUserIds)
      streetCommunities.set(userId, [
        ...(streetCommunities.get(userId) ?? []),
        ...communities.map((c) => c._id),
      ]);
  }
  const people = allUsers.map((u) => ({
    userId: u._id,
    name: u.name,
    communities: new Set([
      ...u.roles.map((g) => g.communityId),
      ...(streetCommunities.get(u._id) ?? []),
      ...(u.householdId && households.get(u.householdId) ? [households.get(u.householdId)!] : []),
    ]),
  }));
  const communitiesOf = (userId: string) =>
    people.find((p) => p.userId === userId)?.communities ?? new Set<string>();

  // Writes are counted where they land: SQLite's own counter, and every file put and push attempt.
  // The matrix counts SQLite's own writes: it runs on the harness's default store.
  if (!(store instanceof SqliteStore)) throw new Error('the matrix world needs the SQLite store');
  const { db } = store;
  const totalChanges = db.prepare('SELECT total_changes() AS n');
  let filesPut = 0;
  const put = h.deps.files.put.bind(h.deps.files);
  h.deps.files.put = (path, bytes, type) => {
    filesPut += 1;
    return put(path, bytes, type);
  };
  const writes = () => ({
    rows: (totalChanges.get() as { n: number }).n,
    files: filesPut,
    pushes: h.deps.push.attempts.length,
  });

  // The snapshot: a copy of every table in an attached in-memory database, copied back before each cell —
  // only the tables written since the last restore, which triggers note (copying all of them, indexes and
  // all, was most of a matrix's time).
  const tables = (
    db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'").all() as Array<{
      name: string;
    }>
  ).map((t) => t.name);
  db.exec("ATTACH DATABASE ':memory:' AS snap");
  for (const t of tables) db.exec(`CREATE TABLE snap."${t}" AS SELECT * FROM main."${t}"`);
  // No key and no OR IGNORE: an outer statement's conflict clause (the store's upsert) overrides a trigger's.
  db.exec('CREATE TEMP TABLE dirty (name TEXT)');
  for (const t of tables)
    for (const op of ['INSERT', 'UPDATE', 'DELETE'])
      db.exec(
        `CREATE TEMP TRIGGER "dirty_${t}_${op}" AFTER ${op} ON main."${t}" ` +
          `BEGIN INSERT INTO temp.dirty SELECT '${t}' ` +
          `WHERE NOT EXISTS (SELECT 1 FROM temp.dirty WHERE name = '${t}'); END`,
      );
  const dirtyTables = db.prepare('SELECT name FROM temp.dirty').pluck();
  const restore = db.transaction(() => {
    for (const t of dirtyTables.all() as string[]) {
      db.exec(`DELETE FROM main."${t}"`);
      db.exec(`INSERT INTO main."${t}" SELECT * FROM snap."${t}"`);
    }
    db.exec('DELETE FROM temp.dirty');
  });

  const openidOf = (role: MatrixRole) => (role === 'anonymous' ? null : CALLERS[role]);

  async function ticket(
    cell: Cell,
    opts: { status: TicketStatus; category?: TicketCategory; place?: TicketPlace },
  ): Promise<TicketRef | null> {
    const s = slots[cell.relation];
    const reporter = cell.relation === 'own' ? cell.openid : s.resident;
    if (!reporter) return null;
    const place: TicketPlace =
      opts.place ??
      (opts.status === 'submitted'
        ? { kind: 'point', point: NOWHERE }
        : { kind: 'building', buildingId: s.buildingId });
    const submitted = await call(reporter, 'ticket', 'submit', {
      clientRequestId: requestId(),
      category: opts.category ?? 'propertyService',
      description: '楼道灯坏了，晚上看不见',
      photos: [],
      place,
    });
    // Someone with no home files from nowhere: there is no community to queue it in (no such resource).
    if (!submitted.ok && submitted.error.code === 'TICKET.PLACE_INVALID') return null;
    if (!submitted.ok) throw new Error(`set-up submit as ${reporter}: ${submitted.error.code}`);
    let detail = submitted.data as TicketDetail;
    const step = async (who: string, action: string, extra: object = {}) => {
      detail = await ok<TicketDetail>(who, 'ticket', action, {
        ticketId: detail.ticketId,
        version: detail.version,
        ...extra,
      });
    };
    const handler = detail.assignee ? await openidOfUser(detail.assignee.userId) : s.worker;
    switch (opts.status) {
      case 'submitted':
      case 'assigned':
        break;
      case 'accepted':
        await step(handler, 'accept');
        break;
      case 'processing':
        await step(handler, 'accept');
        await step(handler, 'progress', { note: '已联系物业', photos: [] });
        break;
      case 'resolved':
      case 'closed':
        await step(handler, 'accept');
        await step(handler, 'resolve', { note: '已修好', photos: [] });
        if (opts.status === 'closed') await step(reporter, 'confirm');
        break;
      case 'returned':
        await step(handler, 'return', { reason: '不属于本网格' });
        break;
      case 'cancelled':
        await step(reporter, 'cancel');
        break;
      case 'rejected':
        await step(s.staff, 'reject', { reason: '重复提交' });
        break;
    }
    if (detail.status !== opts.status)
      throw new Error(`set-up ticket is ${detail.status}, not ${opts.status}`);
    return { ticketId: detail.ticketId, version: detail.version, detail };
  }

  async function notice(
    cell: Cell,
    opts: { state: 'draft' | 'published' | 'withdrawn'; audience?: 'microGrid' | 'community' },
  ): Promise<StaffNoticeView | null> {
    const s = slots[cell.relation];
    const composer =
      cell.relation === 'own'
        ? cell.role === 'staff' || cell.role === 'secretary'
          ? cell.openid
          : null
        : s.staff;
    if (!composer) return null;
    const audience: NoticeAudience =
      opts.audience === 'community'
        ? { scope: 'community', gridIds: [], microGridIds: [], tags: [] }
        : { scope: 'places', gridIds: [], microGridIds: [s.microGridId], tags: [] };
    let view = await ok<StaffNoticeView>(composer, 'notice', 'compose', {
      communityId: s.communityId,
      audience,
      title: '医保缴费提醒',
      body: [{ kind: 'paragraph', spans: [{ kind: 'text', text: '请于月底前缴费。' }] }],
      category: 'medicalInsurance',
      coverFileId: null,
      attachments: [],
    });
    if (opts.state === 'draft') return view;
    view = await ok<StaffNoticeView>(composer, 'notice', 'publish', {
      noticeId: view.noticeId,
      version: view.version,
    });
    if (opts.state === 'withdrawn')
      view = await ok<StaffNoticeView>(composer, 'notice', 'withdraw', {
        noticeId: view.noticeId,
        version: view.version,
        reason: '内容有误',
      });
    if (view.state !== opts.state) throw new Error(`set-up notice is ${view.state}, not ${opts.state}`);
    return view;
  }

  return {
    h,
    slot: (relation) => slots[relation],
    openidOf,
    userId: async (openid) => (await userByOpenid(openid))._id,
    call,
    ok,
    ticket,
    notice,
    restore,
    writes,
    communitiesOf,
    people,
  };
}
