/** Roles decide, labels display (issue 10 item 7): the server's and the mini-program's role words agree. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { roleLabels as clientLabels } from '../../miniprogram/labels/roles';
import { roleLabels as serverLabels } from '../../server/core/users/role-labels';

const ROOT = join(__dirname, '..', '..');

test('one table of role words on each side, and both say the same', () => {
  expect(serverLabels).toEqual(clientLabels);
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'miniprogram_npm') return [];
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test("no behaviour compares Chinese words: no `=== '…'` with a Chinese literal in server/ or miniprogram/", () => {
  const compare =
    /(?:[!=]==?\s*'[^']*\p{Script=Han}[^']*')|(?:'[^']*\p{Script=Han}[^']*'\s*[!=]==?)|case\s+'[^']*\p{Script=Han}/u;
  const offenders = [...sources(join(ROOT, 'server')), ...sources(join(ROOT, 'miniprogram'))].flatMap(
    (file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => [line, i] as const)
        .filter(([line]) => compare.test(line))
        .map(([line, i]) => `${file.slice(ROOT.length + 1)}:${i + 1}: ${line.trim()}`),
  );
  expect(offenders).toEqual([]);
});
