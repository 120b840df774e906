/**
 * The ticket workbench (issue 11 item 1): staff see every ticket of their community, a grid leader every
 * ticket of their grids, filtered and searched, a page at a time in cursor order; and the originals a
 * duplicate may be merged into. Acting from it uses the ticket's own actions (reassign, reject, merge).
 */
import type { WorkbenchActions, WorkbenchPage, WorkbenchScope } from '../../../typings/workbench';
import { AppError } from '../errors';
import { microGridLabel } from '../grids/labels';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { requireReadable } from '../tickets/access';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { decodeCursor, encodeCursor } from './cursor';
import { branchesFor, dayBounds, matchesWords, searchWords } from './filter';
import { walkTickets } from './paged-walk';
import { rowsOf } from './rows';
import { placeWheres, scopeOf } from './scope';

type Req<K extends keyof WorkbenchActions> = WorkbenchActions[K]['req'];

export const PAGE_SIZE = 20;
/** Tickets a text search reads per branch and request: the bound on its cost. */
export const SEARCH_WINDOW = 300;

/** One page of the caller's workbench. */
export async function workbenchPage(
  deps: Deps,
  caller: Caller,
  input: Req<'workbench'>,
): Promise<WorkbenchPage> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const scope = await scopeOf(store, user, input.communityId);
  const { filter } = input;
  const bounds = dayBounds(filter);
  const cursor = decodeCursor(input.cursor);
  const now = deps.clock.now();
  const places = await placeWheres(store, scope, filter);
  const branches = branchesFor(places, filter, toIso(now));
  const words = searchWords(filter.text);
  const walked = await walkTickets(store, {
    branches,
    cursor,
    ...bounds,
    limit: input.limit ?? PAGE_SIZE,
    match: words.length ? matchesWords(words) : undefined,
    window: Math.max(PAGE_SIZE, Math.ceil(SEARCH_WINDOW / branches.length)),
  });
  return {
    rows: await rowsOf(store, walked.tickets, now),
    next: walked.next ? encodeCursor(walked.next) : null,
    searchedThrough: walked.searchedThrough,
  };
}

/** What the filters offer: the grids and micro-grids in scope, and the people who may hold its tickets. */
export async function workbenchScope(
  deps: Deps,
  caller: Caller,
  input: Req<'workbenchScope'>,
): Promise<WorkbenchScope> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const scope = await scopeOf(store, user, input.communityId);
  const community = await store.get('communities', input.communityId);
  if (!community) throw new AppError('COMMUNITY.NOT_FOUND');
  const where = { communityId: community._id };
  const [allGrids, micros] = await Promise.all([
    store.find('grids', { where, orderBy: [['sort', 'asc']] }),
    store.find('microGrids', { where, orderBy: [['sort', 'asc']] }),
  ]);
  const grids = scope.kind === 'community' ? allGrids : allGrids.filter((g) => scope.gridIds.includes(g._id));
  const members = grids.length
    ? await store.find('members', { where: { gridId: { in: grids.map((g) => g._id) } } })
    : [];
  const handlers = members.filter((m) => m.duty === 'leader' || m.duty === 'worker');
  const userIds = [...new Set(handlers.map((m) => m.userId))];
  const users = userIds.length ? await store.find('users', { where: { _id: { in: userIds } } }) : [];
  const nameOf = new Map(users.map((u) => [u._id, u.name]));
  const people = userIds.flatMap((userId) => {
    const name = nameOf.get(userId);
    const leads = handlers.some((m) => m.userId === userId && m.duty === 'leader');
    return name ? [{ userId, name, roleLabel: leads ? '网格长' : '网格员' }] : [];
  });
  return {
    communityId: community._id,
    communityName: community.name,
    kind: scope.kind,
    grids: grids.map((g) => ({
      gridId: g._id,
      name: g.name,
      microGrids: micros
        .filter((m) => m.gridId === g._id)
        .map((m) => ({ microGridId: m._id, label: microGridLabel(g, m.name) })),
    })),
    people,
  };
}

/**
 * The originals a duplicate may be merged into (staff only, as merging): every unfinished ticket of its
 * community, assigned or not, newest first, searched by words; the duplicate itself never.
 */
export async function mergeCandidates(
  deps: Deps,
  caller: Caller,
  input: Req<'mergeCandidates'>,
): Promise<WorkbenchPage> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const duplicate = await store.get('tickets', input.ticketId);
  const relations = requireReadable(user, duplicate);
  if (!relations.has('staff')) throw new AppError('AUTH.FORBIDDEN');
  const dup = duplicate!;
  const words = searchWords(input.text);
  const now = deps.clock.now();
  const category = input.category ?? null;
  const walked = await walkTickets(store, {
    // `open`: not closed, cancelled or rejected — exactly what a merge may target (moderate.ts).
    branches: [{ communityId: dup.communityId, open: true, category: category ?? { ne: 'secretaryLetter' } }],
    cursor: decodeCursor(input.cursor),
    limit: PAGE_SIZE,
    match: (t) => t._id !== dup._id && (words.length === 0 || matchesWords(words)(t)),
    // Without words only the duplicate itself is skipped: one ticket more than a page is enough.
    window: words.length ? SEARCH_WINDOW : PAGE_SIZE + 1,
  });
  return {
    rows: await rowsOf(store, walked.tickets, now),
    next: walked.next ? encodeCursor(walked.next) : null,
    searchedThrough: words.length ? walked.searchedThrough : null,
  };
}
