/**
 * What DevTools checks when it opens the project: every page named in app.json exists with its file set,
 * every usingComponents entry resolves (local components, or TDesign after npm packing), tab pages sit in
 * the main package, and pages use Component() so that they can be tested.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..', 'miniprogram');
const tdesignDist = join(__dirname, '..', '..', 'node_modules', 'tdesign-miniprogram', 'miniprogram_dist');

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string }[] };
  usingComponents?: Record<string, string>;
}

const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as AppJson;
const allPages = [
  ...app.pages,
  ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)),
];

function readJson(path: string): { component?: boolean; usingComponents?: Record<string, string> } {
  return JSON.parse(readFileSync(path, 'utf8')) as {
    component?: boolean;
    usingComponents?: Record<string, string>;
  };
}

/** Resolves a usingComponents value as DevTools would; returns the component's path without extension, or null. */
function resolveComponent(fromDir: string, value: string): string | null {
  const local = value.startsWith('/') ? join(root, value) : join(fromDir, value);
  if (existsSync(`${local}.json`)) return local;
  if (value.startsWith('tdesign-miniprogram/')) {
    const packed = join(tdesignDist, value.slice('tdesign-miniprogram/'.length));
    if (existsSync(`${packed}.json`)) return packed;
  }
  return null;
}

describe('app.json and components', () => {
  test.each(allPages)('page %s exists as a Component() page with its four files', (page) => {
    for (const ext of ['ts', 'wxml', 'wxss', 'json'])
      expect(existsSync(join(root, `${page}.${ext}`))).toBe(true);
    expect(readJson(join(root, `${page}.json`))).toMatchObject({ usingComponents: expect.any(Object) });
    const script = readFileSync(join(root, `${page}.ts`), 'utf8');
    expect(script).toMatch(/\bComponent\(/);
    expect(script).not.toMatch(/\bPage\(/);
  });

  test('tab pages are in the main package', () => {
    for (const tab of app.tabBar?.list ?? []) expect(app.pages).toContain(tab.pagePath);
  });

  test('every usingComponents entry of app.json, pages and components resolves', () => {
    const unresolved: string[] = [];
    const seen = new Set<string>();
    const visit = (componentPath: string) => {
      if (seen.has(componentPath)) return;
      seen.add(componentPath);
      if (componentPath.startsWith(tdesignDist)) return;
      const json = readJson(`${componentPath}.json`);
      for (const [tag, value] of Object.entries(json.usingComponents ?? {})) {
        const resolved = resolveComponent(dirname(componentPath), value);
        if (!resolved) unresolved.push(`${componentPath.slice(root.length + 1)}: <${tag}> → ${value}`);
        else visit(resolved);
      }
    };
    for (const [tag, value] of Object.entries(app.usingComponents ?? {})) {
      if (!resolveComponent(root, value)) unresolved.push(`app.json: <${tag}> → ${value}`);
    }
    for (const page of allPages) visit(join(root, page));
    expect(unresolved).toEqual([]);
  });

  test('a home entry opens only pages that app.json declares', async () => {
    const { entriesByRole } = await import('../../miniprogram/pages/home/entries');
    const urls = Object.values(entriesByRole).flatMap((entries) =>
      entries.map((e) => e.url.replace(/^\//, '').replace(/\?.*$/, '')),
    );
    const missing = [...new Set(urls)].filter((url) => !allPages.includes(url));
    expect(missing).toEqual([]);
  });

  test('every page a notification opens is declared in app.json', async () => {
    const { ticketPages } = await import('../../server/core/tickets/notify');
    const links = Object.values(ticketPages).map((page) => page('tk_1'));
    const publish = readFileSync(join(__dirname, '../../server/core/notices/publish.ts'), 'utf8');
    links.push(...[...publish.matchAll(/page: `\/?([^`?]+)/g)].map((m) => m[1]!));
    expect(links.length).toBeGreaterThan(3);
    const missing = links
      .map((link) => link.replace(/^\//, '').replace(/\?.*$/, ''))
      .filter((p) => !allPages.includes(p));
    expect(missing).toEqual([]);
  });
});
