/**
 * The authorization matrix (DESIGN §8, issue 10 item 8): every action of every cloud function × the caller's
 * role × the caller's relation to the resource → allowed or refused, run through `invoke` on the demo world.
 *
 * ## The world (test/access/world.ts)
 * One home: micro-grid M (mg_wujiayuan_02_1) in grid G (g_wujiayuan_02) of community A (吴家园社区).
 * Roles are who the caller is with respect to that home:
 *   anonymous   no caller at all (as a timer trigger)        stranger   logged in, no role anywhere
 *   resident    李叔叔, a household in M                     worker     the primary worker of M
 *   leader      the leader of G                              staff      staff of A
 *   secretary   the secretary of A                           otherStaff staff of community B (大砂坪社区)
 *   street      an officer of A's street office (建兰路街道); B lies in another street (a 城关区 one)
 * Relations say where the resource of the cell lies:
 *   own            the caller's own (a ticket they filed, their messages, a notice they composed, themself)
 *   sameMicroGrid  in M, someone else's           sameGrid       in G, outside M (mg_wujiayuan_02_2)
 *   sameCommunity  in A, outside G (grid 1)       otherCommunity in B (大砂坪社区)
 * So otherStaff × otherCommunity is staff of B acting in B: their own community, allowed where staff may; and
 * street × otherCommunity is a community of another street, refused wherever the street office may act.
 *
 * ## A row (one file per function under test/access/rows/<function>.ts; add your action's row there)
 *   row('ticket', 'get', {
 *     allow: { resident: ['own'], worker: ['own', 'sameMicroGrid'], staff: IN_A, otherStaff: ['otherCommunity'] },
 *     relations: ['own'],            // optional: the relations the action has (default all five); an action
 *                                    // about the caller alone (me, feed, inbox) has ['own']
 *     request: async (w, cell) => {  // builds what the cell needs in the world (before the write mark)
 *       const t = await w.ticket(cell, { status: 'assigned' });
 *       return t && { req: { ticketId: t.ticketId }, subject: t.ticketId };   // null: no such resource
 *     },
 *     grants: (data, subject) => …,  // optional: when is an ok answer access? default: any ok answer.
 *                                    // Lists say "the subject is listed", so a list that hides it refuses.
 *     refusedWith: ['TICKET.NOT_FOUND'], // optional: the codes a refusal may carry in this row
 *     ownAnswer: true,               // optional: the answer is the caller's own new thing (submit)
 *     pending: 'issue 10 item 1',    // optional, temporary: violations printed, not failed
 *   })
 * Roles not named in `allow` are refused everywhere. A cell whose request returns null is "n/a" (the role
 * has no such resource, e.g. anonymous has no own ticket) and is not counted in the matrix's size.
 *
 * ## What every cell checks (test/access/run.ts)
 * - the outcome is the row's: allowed → an ok answer that `grants`; refused → an error (or an ok answer that
 *   does not grant) — never INTERNAL, never a validation error (that would be a broken row, not a refusal);
 * - a refused cell wrote nothing: SQLite's total_changes(), files put and pushes attempted are unchanged;
 * - no cell but an `own` one answers with the id or name of a person of a community the caller has no role
 *   or household in (community lines hold);
 * - each cell starts from the same world (the database is restored before every cell).
 * The run fails when an action of server/functions has no row (test/access/complete.test.ts), and prints the
 * matrix size. The README's "Who may do what" is rendered from the rows (`renderMarkdown`) and checked.
 */
import type { FunctionName } from '../../typings/functions';
import type { World } from './world';

import { RELATIONS, ROLES, type Cell, type MatrixRelation, type MatrixRole } from './cells';

export { ALL, IN_A, RELATIONS, ROLES, type Cell, type MatrixRelation, type MatrixRole } from './cells';

export interface Built {
  /** The action's input (without `action`). */
  req: object;
  /** The resource the cell is about, for `grants` (a ticket id, a notice id…). */
  subject?: string;
}

export interface Row {
  fn: FunctionName;
  action: string;
  allow: Partial<Record<MatrixRole, readonly MatrixRelation[]>>;
  relations: readonly MatrixRelation[];
  request(world: World, cell: Cell): Promise<Built | null>;
  grants?(data: unknown, subject: string | undefined): boolean;
  refusedWith?: readonly string[];
  /** The answer is the caller's own new resource (a report just filed): it may name whoever handles it. */
  ownAnswer?: boolean;
  /**
   * Work in progress elsewhere (an issue item another branch is fixing): the row runs and its violations are
   * printed, but do not fail the run. Say what fixes it; remove the mark with the fix.
   */
  pending?: string;
}

export function row(
  fn: FunctionName,
  action: string,
  spec: Omit<Row, 'fn' | 'action' | 'relations'> & { relations?: readonly MatrixRelation[] },
): Row {
  return { fn, action, relations: spec.relations ?? RELATIONS, ...spec };
}

export function isAllowed(r: Row, role: MatrixRole, relation: MatrixRelation): boolean {
  return r.allow[role]?.includes(relation) ?? false;
}

/** Whether a JSON answer names the subject (lists: "the subject is listed"). */
export function mentions(data: unknown, subject: string | undefined): boolean {
  return !!subject && JSON.stringify(data).includes(JSON.stringify(subject));
}

/** The matrix's size: the cells its rows define (n/a cells are found only by running). */
export function cellCount(rows: readonly Row[]): number {
  return rows.reduce((n, r) => n + r.relations.length * ROLES.length, 0);
}

const SHORT: Record<MatrixRelation, string> = {
  own: 'own',
  sameMicroGrid: 'mg',
  sameGrid: 'grid',
  sameCommunity: 'comm',
  otherCommunity: 'other',
};

const ROLE_HEADS: Record<MatrixRole, string> = {
  anonymous: 'anonymous',
  stranger: 'stranger',
  resident: 'resident 居民',
  worker: 'worker 网格员',
  leader: 'leader 网格长',
  staff: 'staff 社区',
  secretary: 'secretary 书记',
  otherStaff: "other community's staff",
  street: 'street 街道',
};

function cellText(r: Row, role: MatrixRole): string {
  const allowed = r.relations.filter((rel) => isAllowed(r, role, rel));
  if (allowed.length === 0) return '—';
  if (r.relations.length === 1) return 'yes';
  if (allowed.length === r.relations.length) return 'all';
  return allowed.map((rel) => SHORT[rel]).join(' ');
}

export const DOC_BEGIN =
  '<!-- who-may-do-what:begin (generated from test/access/rows; checked by test/access/complete.test.ts) -->';
export const DOC_END = '<!-- who-may-do-what:end -->';

/** A section compared as its words: prettier pads table cells and stretches the header rule. */
export function normalizeDoc(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line.trim().startsWith('|')
        ? line
            .trim()
            .split('|')
            .map((cell) => (/^\s*:?-+:?\s*$/.test(cell) ? '---' : cell.trim()))
            .join('|')
        : line.trimEnd(),
    )
    .join('\n');
}

/** The "Who may do what" table: one line per action, one column per role, the relations allowed. */
export function renderMarkdown(rows: readonly Row[]): string {
  const head = `| action | ${ROLES.map((r) => ROLE_HEADS[r]).join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => '---').join('|')}|`;
  const lines = [...rows]
    .sort((a, b) => `${a.fn}.${a.action}`.localeCompare(`${b.fn}.${b.action}`))
    .map((r) => `| \`${r.fn}.${r.action}\` | ${ROLES.map((role) => cellText(r, role)).join(' | ')} |`);
  return [
    DOC_BEGIN,
    '',
    "Relations to the resource: own = the caller's own; mg = in the caller's micro-grid; grid = in the",
    "caller's grid; comm = in the caller's community; other = in another community; all = every one of them;",
    'yes = an action about the caller alone. Staff of another community act in their own community only;',
    "the street office's officer oversees the communities of its street (A), not those of another street (B).",
    `The matrix has ${cellCount(rows)} cells (${rows.length} actions × ${ROLES.length} roles × their relations).`,
    '',
    head,
    rule,
    ...lines,
    '',
    DOC_END,
  ].join('\n');
}
