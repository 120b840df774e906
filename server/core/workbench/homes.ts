/**
 * The leader's home (their grids' open, overdue and escalated tickets) and the secretary's (top escalations
 * 督办 and the 书记信箱 letters, which are hers alone). Counts are index counts; lists are short pages.
 */
import type { TicketStatus } from '../../../typings/ticket';
import type { LeaderHome, SecretaryHome, WorkbenchActions } from '../../../typings/workbench';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Where } from '../ports/store';
import { letterSummaryOf } from '../tickets/views';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { holds } from '../users/permissions';
import { branchesFor } from './filter';
import { walkTickets } from './paged-walk';
import { rowsOf } from './rows';

type Req<K extends keyof WorkbenchActions> = WorkbenchActions[K]['req'];

/** How many of each list a home shows; the workbench has the rest. */
export const HOME_LIST = 5;
const LETTERS = 20;
const SIGN_FOR: TicketStatus[] = ['submitted', 'assigned', 'returned'];
const RESOLVE: TicketStatus[] = ['accepted', 'processing'];
/** 在办: in the grid's hands. A resolved ticket waits for the reporter's 确认, not for the grid. */
const IN_HAND: TicketStatus[] = [...SIGN_FOR, ...RESOLVE];
const NOT_LETTER = { ne: 'secretaryLetter' } as const;

/** A grid leader's home: their grids in this community. */
export async function leaderHome(deps: Deps, caller: Caller, input: Req<'leaderHome'>): Promise<LeaderHome> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const gridIds = [
    ...new Set(
      user.roles.flatMap((g) =>
        g.role === 'leader' && g.communityId === input.communityId && g.gridId ? [g.gridId] : [],
      ),
    ),
  ];
  if (gridIds.length === 0) throw new AppError('AUTH.FORBIDDEN');
  const now = deps.clock.now();
  const nowIso = toIso(now);
  const inGrids: Where = { gridId: { in: gridIds }, category: NOT_LETTER };
  const places = gridIds.map((gridId) => ({ gridId }));
  const [grids, open, lateToSign, lateToResolve, escalated, openWalk, overdueWalk, escalatedWalk] =
    await Promise.all([
      store.find('grids', { where: { _id: { in: gridIds } } }),
      store.count('tickets', { ...inGrids, status: { in: IN_HAND } }),
      store.count('tickets', { ...inGrids, status: { in: SIGN_FOR }, signForBy: { lt: nowIso } }),
      store.count('tickets', { ...inGrids, status: { in: RESOLVE }, resolveBy: { lt: nowIso } }),
      store.count('tickets', { ...inGrids, open: true, escalationLevel: { gte: 1 } }),
      walkTickets(store, {
        // One branch per grid and status: the same tickets the count counts.
        branches: places.flatMap((p) =>
          IN_HAND.map((status): Where => ({ ...p, status, category: NOT_LETTER })),
        ),
        cursor: null,
        limit: HOME_LIST,
        window: HOME_LIST,
      }),
      walkTickets(store, {
        branches: branchesFor(places, { overdue: true }, nowIso),
        cursor: null,
        limit: HOME_LIST,
        window: HOME_LIST,
      }),
      walkTickets(store, {
        // Open and escalated, one branch per grid and level: the same tickets the count counts.
        branches: places.flatMap((p) =>
          [1, 2].map((level): Where => ({ ...p, open: true, escalationLevel: level, category: NOT_LETTER })),
        ),
        cursor: null,
        limit: HOME_LIST,
        window: HOME_LIST,
      }),
    ]);
  const [openRows, overdueRows, escalatedRows] = await Promise.all([
    rowsOf(store, openWalk.tickets, now),
    rowsOf(store, overdueWalk.tickets, now),
    rowsOf(store, escalatedWalk.tickets, now),
  ]);
  return {
    communityId: input.communityId,
    grids: grids.map((g) => ({ gridId: g._id, name: g.name })),
    counts: { open, overdue: lateToSign + lateToResolve, escalated },
    open: openRows,
    overdue: overdueRows,
    escalated: escalatedRows,
  };
}

/** The secretary's home: escalations to her, the longest escalated first, and her letters. */
export async function secretaryHome(
  deps: Deps,
  caller: Caller,
  input: Req<'secretaryHome'>,
): Promise<SecretaryHome> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  if (!holds(user, 'secretary', input.communityId)) throw new AppError('AUTH.FORBIDDEN');
  const community = await store.get('communities', input.communityId);
  if (!community) throw new AppError('COMMUNITY.NOT_FOUND');
  const communityId = community._id;
  const now = deps.clock.now();
  const [toSecretary, toLeader, openLetters, escalations, letters] = await Promise.all([
    store.count('tickets', { communityId, escalationLevel: 2, open: true }),
    store.count('tickets', { communityId, escalationLevel: 1, open: true }),
    store.count('tickets', { communityId, category: 'secretaryLetter', open: true }),
    store.find('tickets', {
      where: { communityId, escalationLevel: 2, open: true },
      orderBy: [['escalatedAt', 'asc']],
      limit: HOME_LIST * 2,
    }),
    store.find('tickets', {
      where: { communityId, category: 'secretaryLetter' },
      orderBy: [['createdAt', 'desc']],
      limit: LETTERS,
    }),
  ]);
  return {
    communityId,
    communityName: community.name,
    counts: { escalatedToSecretary: toSecretary, escalatedToLeader: toLeader, openLetters },
    escalations: await rowsOf(store, escalations, now),
    letters: letters.map((t) => letterSummaryOf(t, now)),
  };
}
