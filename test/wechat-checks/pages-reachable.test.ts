/**
 * No dead ends: every page in app.json can be reached by tapping through from the tab pages, for some role.
 * Per role the walk starts at the tab pages with what the home (entriesByRole) and 我的 (roleHomes) offer that
 * role, then follows every page path written in a page's script or template — its folder, the files it imports
 * from inside miniprogram/ (services excepted: their paths are share cards and server-made links, not taps) and
 * its local components. Role-dependent tables (pages/home/entries.ts) are followed only through the role's rows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { entriesByRole, roleHomes } from '../../miniprogram/pages/home/entries';

const root = join(__dirname, '..', '..', 'miniprogram');

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string }[] };
}
const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as AppJson;
const allPages = [
  ...app.pages,
  ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)),
];
const tabPages = (app.tabBar?.list ?? []).map((t) => t.pagePath);

/** Role-dependent tables: walked through the role's rows only. */
const ROLE_TABLES = new Set([join(root, 'pages/home/entries.ts')]);
const SERVICES = join(root, 'services');

const PAGE_PATH = /\/((?:pages|packages\/[a-z0-9-]+\/pages)\/[a-z0-9-]+\/index)\b/g;
const IMPORT = /(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g;

/** The files behind a page: its folder's scripts and templates, their imports, its local components. */
function filesOf(page: string): string[] {
  const seen = new Set<string>();
  const queue: string[] = [];
  const add = (file: string) => {
    if (seen.has(file) || ROLE_TABLES.has(file) || file.startsWith(SERVICES) || !file.startsWith(root))
      return;
    if (!existsSync(file)) return;
    seen.add(file);
    queue.push(file);
  };
  const addFolder = (dir: string) => {
    for (const name of readdirSync(dir)) if (/\.(ts|wxml)$/.test(name)) add(join(dir, name));
    const json = join(dir, 'index.json');
    if (!existsSync(json)) return;
    const using = (JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> })
      .usingComponents;
    for (const value of Object.values(using ?? {})) {
      if (value.startsWith('tdesign-miniprogram/')) continue;
      const target = value.startsWith('/') ? join(root, value) : resolve(dir, value);
      if (existsSync(dirname(target))) addFolder(dirname(target));
    }
  };
  addFolder(join(root, dirname(page)));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!file.endsWith('.ts')) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT))
      add(`${resolve(dirname(file), spec!)}.ts`);
  }
  return [...seen];
}

const linksCache = new Map<string, string[]>();
/** Every page path written in the page's files. */
function linksOf(page: string): string[] {
  let links = linksCache.get(page);
  if (!links) {
    links = [
      ...new Set(
        filesOf(page).flatMap((file) =>
          [...readFileSync(file, 'utf8').matchAll(PAGE_PATH)].map((m) => m[1]!),
        ),
      ),
    ];
    linksCache.set(page, links);
  }
  return links;
}

type RoleName = keyof typeof entriesByRole;
const roles = Object.keys(entriesByRole) as RoleName[];

/** The pages a role reaches, each with the path of taps that first reached it. */
function walk(role: RoleName): Map<string, string[]> {
  const fromRole: Record<string, string[]> = {
    'pages/home/index': entriesByRole[role].map((e) => e.url.slice(1)),
    'pages/mine/index': [roleHomes[role]].flatMap((e) => (e ? [e.url.slice(1)] : [])),
  };
  const reached = new Map<string, string[]>(tabPages.map((p) => [p, [p]]));
  const queue = [...tabPages];
  while (queue.length > 0) {
    const page = queue.shift()!;
    for (const next of [...linksOf(page), ...(fromRole[page] ?? [])]) {
      if (reached.has(next)) continue;
      reached.set(next, [...reached.get(page)!, next]);
      queue.push(next);
    }
  }
  return reached;
}

const walks = new Map(roles.map((role) => [role, walk(role)]));

describe('every page can be reached by navigation', () => {
  test('every page path written in the pages is a page of app.json', () => {
    const unknown = allPages.flatMap((page) =>
      linksOf(page)
        .filter((link) => !allPages.includes(link))
        .map((link) => `${page} → ${link}`),
    );
    expect(unknown).toEqual([]);
  });

  test.each(roles)('every page the home offers a %s opens', (role) => {
    for (const entry of [...entriesByRole[role], ...[roleHomes[role]].flatMap((e) => (e ? [e] : []))])
      expect(allPages).toContain(entry.url.slice(1));
  });

  test('a leader reaches the leader home, the secretary hers, staff the workbench, each from home and 我的', () => {
    expect(entriesByRole.leader[0].url).toBe('/packages/worker/pages/leader-home/index');
    expect(entriesByRole.secretary[0].url).toBe('/packages/staff/pages/secretary-home/index');
    expect(roleHomes.leader?.url).toBe(entriesByRole.leader[0].url);
    expect(roleHomes.secretary?.url).toBe(entriesByRole.secretary[0].url);
    expect(roleHomes.staff?.url).toBe('/packages/staff/pages/workbench/index');
  });

  test('staff reach the notice list, and from it the compose and coverage pages', () => {
    const staff = walks.get('staff')!;
    expect(staff.get('packages/staff/pages/notice-coverage/index')).toEqual([
      'pages/home/index',
      'packages/staff/pages/notice-list/index',
      'packages/staff/pages/notice-coverage/index',
    ]);
    expect(staff.has('packages/staff/pages/notice-compose/index')).toBe(true);
  });

  test('no page of app.json is out of every role’s reach', () => {
    const reachable = new Set(roles.flatMap((role) => [...walks.get(role)!.keys()]));
    const unreachable = allPages.filter((page) => !reachable.has(page));
    expect(unreachable).toEqual([]);
  });
});
