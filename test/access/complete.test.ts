/**
 * The matrix covers every action: an action added to a function without its rows fails here. And the README's
 * "Who may do what" in the README is the matrix rendered.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functions } from '../../server/functions';
import { cellCount, DOC_BEGIN, DOC_END, normalizeDoc, renderMarkdown, row, ROLES } from './matrix';
import { allRows, rowsByFunction } from './rows';
import { runMatrix } from './run';

const ROOT = join(__dirname, '..', '..');

test('every action of every function has its row, and no row names an action that does not exist', () => {
  const actions = Object.values(functions).flatMap((spec) =>
    Object.keys(spec.actions).map((a) => `${spec.name}.${a}`),
  );
  const rowed = allRows.map((r) => `${r.fn}.${r.action}`);
  expect(actions.filter((a) => !rowed.includes(a))).toEqual([]);
  expect(rowed.filter((r) => !actions.includes(r))).toEqual([]);
  expect(rowed.filter((r, i) => rowed.indexOf(r) !== i)).toEqual([]);
  for (const [fn, rows] of Object.entries(rowsByFunction)) expect(rows.every((r) => r.fn === fn)).toBe(true);
  console.log(
    `authorization matrix: ${cellCount(allRows)} cells = ${allRows.length} actions × ${ROLES.length} roles × their relations` +
      (allRows.some((r) => r.pending)
        ? `; pending rows: ${allRows
            .filter((r) => r.pending)
            .map((r) => `${r.fn}.${r.action} (${r.pending})`)
            .join(', ')}`
        : ''),
  );
});

test('"Who may do what" in the README is the matrix rendered', () => {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = text.indexOf(DOC_BEGIN);
  const end = text.indexOf(DOC_END);
  expect(start).toBeGreaterThanOrEqual(0);
  // Regenerate with: npx tsx scripts/who-may-do-what.ts
  expect(normalizeDoc(text.slice(start, end + DOC_END.length))).toBe(normalizeDoc(renderMarkdown(allRows)));
});

test('the matrix can fail: a row that allows too much, or refuses what is allowed, is reported', async () => {
  const wrong = [
    row('ticket', 'get', {
      relations: ['sameGrid'],
      allow: { resident: ['sameGrid'] },
      request: async (w, c) => {
        const t = await w.ticket(c, { status: 'assigned' });
        return t && { req: { ticketId: t.ticketId }, subject: t.ticketId };
      },
    }),
    row('user', 'me', { relations: ['own'], allow: {}, request: async () => ({ req: {} }) }),
  ];
  const run = await runMatrix(wrong);
  expect(run.violations).toEqual(
    expect.arrayContaining([
      'ticket.get × resident × sameGrid: should be allowed, got TICKET.NOT_FOUND 找不到这张工单，可能已撤销或您无权查看，请返回列表刷新',
      'user.me × resident × own: should be refused, was allowed',
    ]),
  );
}, 60_000);
