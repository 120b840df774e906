/**
 * What app.json must declare for what the code does: the privacy APIs it calls (requiredPrivateInfos), the
 * words of the location prompt, and preloadRule fetching each role's subpackages from the pages that role
 * lands on — the home for every role's first hop, and a subpackage page for a hop into another subpackage.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entriesByRole } from '../../miniprogram/pages/home/entries';
import { packageNames, readApp } from '../../scripts/package-closure';

const root = join(__dirname, '..', '..', 'miniprogram');
const app = readApp(root) as ReturnType<typeof readApp> & {
  permission?: Record<string, { desc?: string }>;
  requiredPrivateInfos?: string[];
};
const subs = packageNames(app);
const packageOfPage = (page: string) => subs.find((s) => page.startsWith(`${s.root}/`))?.name ?? 'main';
const preloaded = (page: string) => new Set(app.preloadRule?.[page]?.packages ?? []);

/** The APIs WeChat counts as private information (地理位置 and 地址), each to be listed when called. */
const PRIVATE_INFO_APIS = [
  'getFuzzyLocation',
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'miniprogram_npm' || e.name === 'node_modules') return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? sources(path) : /\.(ts|wxs)$/.test(e.name) ? [path] : [];
  });
}

describe('app.json declares what the code does', () => {
  const code = sources(root).map((f) => readFileSync(f, 'utf8'));
  const called = PRIVATE_INFO_APIS.filter((api) => code.some((c) => new RegExp(`\\bwx\\.${api}\\(`).test(c)));

  test('requiredPrivateInfos lists exactly the privacy APIs the code calls, fuzzy never with precise', () => {
    expect(called.length).toBeGreaterThan(0);
    expect([...(app.requiredPrivateInfos ?? [])].sort()).toEqual([...called].sort());
    if (called.includes('getFuzzyLocation'))
      expect(
        called.filter((a) => /Location/.test(a) && a !== 'getFuzzyLocation' && a !== 'chooseLocation'),
      ).toEqual([]);
  });

  test('the location prompt says, in at most 30 characters, what the location is for', () => {
    if (!called.some((a) => /Location|Poi/.test(a))) return;
    const desc = app.permission?.['scope.userLocation']?.desc ?? '';
    expect(desc).toMatch(/[\u4e00-\u9fa5]/);
    expect([...desc].length).toBeLessThanOrEqual(30);
  });

  test('every preloadRule names a page of app.json and packages that exist', () => {
    const pages = [
      ...app.pages,
      ...(app.subPackages ?? []).flatMap((p) => p.pages.map((x) => `${p.root}/${x}`)),
    ];
    const names = new Set(subs.flatMap((s) => [s.name, s.root]).concat('__APP__'));
    for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
      expect(pages).toContain(page);
      for (const pkg of rule.packages) expect(names).toContain(pkg);
      expect(rule.packages).not.toContain(packageOfPage(page));
    }
  });

  test('the home, where every role lands, preloads the subpackages of every role’s entries', () => {
    const home = preloaded('pages/home/index');
    for (const [role, entries] of Object.entries(entriesByRole)) {
      const needed = [...new Set(entries.map((e) => packageOfPage(e.url.replace(/^\//, ''))))].filter(
        (p) => p !== 'main',
      );
      expect({ role, missing: needed.filter((p) => !home.has(p)) }).toEqual({ role, missing: [] });
    }
  });

  test('a subpackage page that opens another subpackage’s page preloads that subpackage', () => {
    const missing: string[] = [];
    for (const sub of app.subPackages ?? [])
      for (const page of sub.pages) {
        const path = `${sub.root}/${page}`;
        const text = ['ts', 'wxml'].map((ext) => {
          try {
            return readFileSync(join(root, `${path}.${ext}`), 'utf8');
          } catch {
            return '';
          }
        });
        const targets = new Set(
          [...text.join('\n').matchAll(/\/(packages\/[a-z-]+\/pages\/[a-z-]+\/index)/g)].map((m) =>
            packageOfPage(m[1]!),
          ),
        );
        for (const target of targets)
          if (target !== 'main' && target !== packageOfPage(path) && !preloaded(path).has(target))
            missing.push(`${path} → ${target}`);
      }
    expect(missing).toEqual([]);
  });
});
