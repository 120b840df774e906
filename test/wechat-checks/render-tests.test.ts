/**
 * Every page app.json lists has a render test: a test file under test/ that names the page's path (e.g.
 * 'packages/staff/pages/letters/index') and renders pages with miniprogram-simulate, itself or through a
 * helper it imports (test/support/simulate-page.ts, test/ticket-pages/page-world.ts, …). A page added
 * without one fails here with its path.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readApp } from '../../scripts/package-closure';

const testRoot = resolve(__dirname, '..');
const app = readApp(join(testRoot, '..', 'miniprogram'));
const pages = [
  ...app.pages,
  ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)),
];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const loadsSimulate =
  /require\(\s*['"]miniprogram-simulate['"]\s*\)|^import\s+(?!type\b)[^;]*?from\s+['"]miniprogram-simulate['"]/m;

/** The test modules this file imports for their values (not `import type`), resolved to paths. */
function valueImports(file: string, text: string): string[] {
  const specs = [
    ...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"](\.[^'"]+)['"]/gm),
    ...text.matchAll(/require\(\s*['"](\.[^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? '');
  return specs
    .map((s) => resolve(dirname(file), s))
    .flatMap((p) =>
      [p, `${p}.ts`, join(p, 'index.ts')]
        .filter((c) => c.startsWith(testRoot) && existsSync(c) && c.endsWith('.ts'))
        .slice(0, 1),
    );
}

/** Files under test/ that render with miniprogram-simulate, directly or through what they import. */
function renderingFiles(files: string[]): Set<string> {
  const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  const rendering = new Set(files.filter((f) => loadsSimulate.test(text.get(f) ?? '')));
  for (let grew = true; grew;) {
    grew = false;
    for (const f of files)
      if (!rendering.has(f) && valueImports(f, text.get(f) ?? '').some((i) => rendering.has(i))) {
        rendering.add(f);
        grew = true;
      }
  }
  return rendering;
}

describe('render tests for every page', () => {
  const files = tsFiles(testRoot);
  const rendering = renderingFiles(files);
  const renderTests = [...rendering].filter((f) => f.endsWith('.test.ts'));

  test('the helpers that render pages are recognised as such', () => {
    for (const helper of ['support/simulate-page.ts', 'ticket-pages/page-world.ts'])
      expect(rendering).toContain(join(testRoot, helper));
    // This file reads tests; it names miniprogram-simulate only in words and renders nothing.
    expect(rendering).not.toContain(__filename);
    expect(rendering).not.toContain(join(testRoot, 'wechat-checks', 'wxml-compile.test.ts'));
  });

  test('each page in app.json is named by a test that renders pages', () => {
    expect(pages.length).toBeGreaterThan(10);
    const text = new Map(renderTests.map((f) => [f, readFileSync(f, 'utf8')]));
    const without = pages.filter((page) => ![...text.values()].some((t) => t.includes(page)));
    expect(without).toEqual([]);
  });
});
