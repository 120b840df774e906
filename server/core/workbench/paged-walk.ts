/**
 * One page of tickets, newest first, from a union of indexed queries ("branches"). Each branch is a plain
 * equality query an index serves in order (e.g. communityId + status, ordered by createdAt); the page is the
 * k-way merge of their heads after the cursor. Costs one query per branch, whatever the page number.
 *
 * A predicate no index can serve (the text search) is applied to a bounded window: each branch reads at most
 * `window` tickets past the cursor, and when the window holds fewer matches than a page the answer says how
 * far it searched (`searchedThrough`) and gives a cursor to go on from there. So a search over 100,000
 * tickets never reads more than the window per request.
 */
import type { Query, Where } from '../ports/store';
import type { Store } from '../ports/store';
import type { Ticket } from '../tickets/model';
import type { Cursor } from './cursor';

export interface WalkRequest {
  branches: Where[];
  cursor: Cursor | null;
  /** Inclusive bounds on createdAt (IsoTime). */
  from?: string;
  to?: string;
  limit: number;
  /** A predicate beyond the branches' conditions, applied within the window. */
  match?: (ticket: Ticket) => boolean;
  /** Tickets read per branch when `match` is given. */
  window: number;
}

export interface WalkResult {
  tickets: Ticket[];
  next: Cursor | null;
  /** Set when `match` was given and the window ran out before the page was full. */
  searchedThrough: string | null;
}

/** (createdAt desc, _id desc): the order of every branch's index and of the page. */
export function newerFirst(
  a: Pick<Ticket, 'createdAt' | '_id'>,
  b: Pick<Ticket, 'createdAt' | '_id'>,
): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a._id === b._id ? 0 : a._id < b._id ? 1 : -1;
}

interface BranchRead {
  rows: Ticket[];
  /** The oldest row read, when the branch may hold more beyond it. */
  frontier: Ticket | null;
}

async function readBranch(store: Store, where: Where, req: WalkRequest): Promise<BranchRead> {
  const skip = req.cursor?.ids ?? [];
  const want = (req.match ? Math.max(req.window, req.limit) : req.limit) + skip.length;
  const upper = [req.cursor?.at, req.to].filter((x): x is string => !!x).sort()[0];
  const query: Query = {
    where: upper ? { ...where, createdAt: { lte: upper } } : where,
    orderBy: [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
    limit: want,
  };
  const read = await store.find('tickets', query);
  const last = read[read.length - 1];
  const belowFrom = !!req.from && !!last && last.createdAt < req.from;
  const rows = read.filter(
    (t) =>
      !(req.cursor && t.createdAt === req.cursor.at && skip.includes(t._id)) &&
      !(req.from && t.createdAt < req.from),
  );
  return { rows, frontier: read.length === want && !belowFrom ? (last ?? null) : null };
}

/** Reads the page after the cursor. */
export async function walkTickets(store: Store, req: WalkRequest): Promise<WalkResult> {
  if (req.branches.length === 0) return { tickets: [], next: null, searchedThrough: null };
  const reads = await Promise.all(req.branches.map((where) => readBranch(store, where, req)));
  // Safe to merge down to the newest frontier: no unread row of any branch is newer than it.
  const frontiers = reads.flatMap((r) => (r.frontier ? [r.frontier] : []));
  const stop = frontiers.sort(newerFirst)[0] ?? null;
  const merged = [...new Map(reads.flatMap((r) => r.rows).map((t) => [t._id, t])).values()]
    .filter((t) => !stop || newerFirst(t, stop) <= 0)
    .sort(newerFirst);

  const taken: Ticket[] = [];
  let examined = 0;
  for (const ticket of merged) {
    examined += 1;
    if (!req.match || req.match(ticket)) taken.push(ticket);
    if (taken.length === req.limit) break;
  }
  const more = examined < merged.length || !!stop;
  const last = examined > 0 ? merged[examined - 1] : stop;
  if (!more || !last) return { tickets: taken, next: null, searchedThrough: null };

  const seenAtLast = merged.slice(0, examined).filter((t) => t.createdAt === last.createdAt);
  const carried = req.cursor && req.cursor.at === last.createdAt ? req.cursor.ids : [];
  const ids = [...new Set([...carried, ...seenAtLast.map((t) => t._id)])];
  const next: Cursor = { at: last.createdAt, ids: ids.length ? ids : [last._id] };
  const short = !!req.match && taken.length < req.limit;
  return { tickets: taken, next, searchedThrough: short ? last.createdAt : null };
}
