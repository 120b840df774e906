/**
 * scripts/screenshots.ts takes a shot of every page of app.json (a page without a row in
 * scripts/screenshots/shots.ts gets a default one), each row names a page app.json has, and each role of the
 * demo has its home and 我的.
 */
import { join } from 'node:path';
import { readApp } from '../../scripts/package-closure';
import { OPENIDS, shotsFor } from '../../scripts/screenshots/shots';

const app = readApp(join(__dirname, '..', '..', 'miniprogram'));
const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((x) => `${p.root}/${x}`))];
const shots = shotsFor({
  resolvedTicketId: 'tk_resolved',
  waitingTicketId: 'tk_waiting',
  noticeId: 'ntc_1',
  inspectionTaskId: 'ist_1',
  careVisit: { dueId: 'cdu_1', place: '1号楼', reason: '独居老人' },
  household: { householdId: 'h_1', address: '1号楼 1单元 101' },
});

test('every page of app.json has a screenshot', () => {
  const shot = new Set(shots.map((s) => s.page));
  expect(pages.filter((p) => !shot.has(p))).toEqual([]);
});

test('every shot is of a page app.json declares', () => {
  expect(shots.filter((s) => !pages.includes(s.page)).map((s) => s.name)).toEqual([]);
});

test('every role has its home and 我的, and names are unique', () => {
  for (const role of Object.keys(OPENIDS))
    for (const page of ['pages/home/index', 'pages/mine/index'])
      expect(shots.some((s) => s.role === role && s.page === page)).toBe(true);
  expect(new Set(shots.map((s) => s.name)).size).toBe(shots.length);
});
