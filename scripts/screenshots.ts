/**
 * Screenshots of every page of the mini-program, for each role that uses it (scripts/screenshots/shots.ts), as
 * a phone would show them (375×812), for a person to look at: `npx tsx scripts/screenshots.ts [name|role…]`
 * writes PNGs to /tmp/shots/ (SHOTS_DIR to change it), each page at the normal text size (<name>.png) and at
 * a large one (<name>-large.png: wx.getAppBaseInfo reports the 关怀模式 font size, 23.8 px, scale 1.4;
 * SHOTS_FONTS=normal or large for one), and prints what each page said through wx (toasts, navigation,
 * refused calls, wx APIs the shim does not have). Run it with TENCENTCLOUD=true (PLATFORM-NOTES).
 *
 * How: the demo world is built in memory with real calls (scripts/screenshots/world.ts) and served by the
 * local cloud on a loopback port; each page's .ts is bundled with esbuild, its WXML handed to
 * miniprogram-simulate's browser build as a template, its WXSS rewritten for Chromium; a `wx` shim sends
 * wx.request to the local cloud as the shot's openid. Layout, not pixel fidelity: TDesign components are
 * small stubs wearing TDesign's own stylesheets. Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM)
 * and playwright-core (`npm install --no-save playwright-core`). Not part of `npm test`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, posix } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { functions } from '../server/functions';
import { createLocalCloud } from '../server/local-cloud/http';
import { browserCss } from './screenshots/wxss';
import { shotsFor, type Shot } from './screenshots/shots';
import { buildWorld } from './screenshots/world';

const ROOT = join(__dirname, '..');
const MP = join(ROOT, 'miniprogram');
const TDESIGN = join(ROOT, 'node_modules', 'tdesign-miniprogram', 'miniprogram_dist');
const OUT = process.env.SHOTS_DIR ?? '/tmp/shots';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** A component as the browser registers it: children first, each under its own class prefix. */
interface ComponentEntry {
  key: string;
  tag: string;
  prefix: string;
  template: string;
  using: Record<string, string>;
  /** Set for TDesign stand-ins: the definition itself, no bundle. */
  stub?: { properties: Record<string, string> };
  /** The .ts to bundle, for the project's own components and the page. */
  script?: string;
  css: string;
}

/** TDesign stand-ins: the library's class names and stylesheets, a template without its wxs helpers. */
/** Stand-ins' properties name their types ('String'): the browser turns the names back into constructors. */
const TDESIGN_STUBS: Record<string, { template: string; properties: Record<string, string>; wxss: string }> =
  {
    'tdesign-miniprogram/cell/cell': {
      template:
        '<view class="t-cell t-cell--bordered"><view class="t-cell__left"></view><view class="t-cell__title">' +
        '<view class="t-cell__title-text">{{title}}</view><view class="t-cell__description">' +
        '<view wx:if="{{description}}" class="t-cell__description-text">{{description}}</view></view></view>' +
        '<view class="t-cell__note"><text wx:if="{{note}}">{{note}}</text></view>' +
        '<view class="t-cell__right t-cell__right--middle"><text wx:if="{{arrow}}" class="t-cell__right-icon">›</text></view></view>',
      properties: { title: 'String', note: 'String', description: 'String', arrow: 'Boolean' },
      wxss: 'cell/cell.wxss',
    },
    'tdesign-miniprogram/cell-group/cell-group': {
      template:
        '<view wx:if="{{title}}" class="t-cell-group__title">{{title}}</view>' +
        '<view class="t-cell-group t-cell-group--bordered t-cell-group--{{theme}}"><slot/></view>',
      properties: { title: 'String', theme: 'String' },
      wxss: 'cell-group/cell-group.wxss',
    },
    'tdesign-miniprogram/tag/tag': {
      template:
        "<view class=\"t-tag t-tag--{{theme || 'default'}} t-tag--{{variant || 'dark'}} t-tag--medium t-tag--square\">" +
        '<view class="t-tag__text"><slot/></view></view>',
      properties: { theme: 'String', variant: 'String' },
      wxss: 'tag/tag.wxss',
    },
    'tdesign-miniprogram/button/button': {
      template:
        "<view class=\"t-button t-button--{{theme || 'default'}} t-button--{{variant || 'base'}} t-button--{{size || 'medium'}} " +
        "t-button--rectangle {{block ? 't-button--block' : ''}} {{disabled ? 't-button--disabled' : ''}}\">" +
        '<view class="t-button__content"><slot/></view></view>',
      properties: {
        theme: 'String',
        variant: 'String',
        size: 'String',
        block: 'Boolean',
        disabled: 'Boolean',
      },
      wxss: 'button/button.wxss',
    },
    'tdesign-miniprogram/switch/switch': {
      template:
        '<view class="t-switch"><view class="t-switch__body t-switch--medium {{value ? \'t-switch__body--checked\' : \'\'}}">' +
        "<view class=\"t-switch__dot {{value ? 't-switch__dot--checked' : ''}}\"></view></view></view>",
      properties: { value: 'Boolean', label: 'Array' },
      wxss: 'switch/switch.wxss',
    },
  };

const read = (path: string) => readFileSync(path, 'utf8');
const json = (path: string) => JSON.parse(read(path)) as { usingComponents?: Record<string, string> };
const withoutImports = (wxss: string) => wxss.replace(/@import[^;]+;/g, '');
/** A stylesheet with its @imports inlined, as WeChat applies them (the field pages share field.wxss). */
const withImports = (path: string): string =>
  read(path).replace(/@import\s+["']([^"']+)["'];?/g, (_, ref: string) =>
    withImports(ref.startsWith('/') ? join(MP, ref) : join(path, '..', ref)),
  );

/** The page and every component it uses, children before parents. */
function componentsOf(page: string): ComponentEntry[] {
  const entries: ComponentEntry[] = [];
  const seen = new Map<string, string>();
  const visit = (key: string, tag: string): string => {
    const done = seen.get(key);
    if (done) return done;
    const prefix = `c${seen.size}`;
    seen.set(key, key);
    const stub = TDESIGN_STUBS[key];
    if (stub) {
      entries.push({
        key,
        tag,
        prefix,
        template: stub.template,
        using: {},
        stub: { properties: stub.properties },
        css: browserCss(withoutImports(read(join(TDESIGN, stub.wxss))), prefix),
      });
      return key;
    }
    const base = join(MP, key);
    const using: Record<string, string> = {};
    for (const [childTag, path] of Object.entries(json(`${base}.json`).usingComponents ?? {})) {
      const childKey = path.startsWith('tdesign-miniprogram/')
        ? path
        : path.startsWith('/')
          ? path.slice(1)
          : posix.join(posix.dirname(key), path);
      using[childTag] = visit(childKey, childTag);
    }
    entries.push({
      key,
      tag,
      prefix,
      template: read(`${base}.wxml`),
      using,
      script: `${base}.ts`,
      css: browserCss(withImports(`${base}.wxss`), prefix),
    });
    return key;
  };
  visit(page, 'page');
  const last = entries[entries.length - 1];
  if (last) last.key = 'page';
  for (const entry of entries)
    for (const [tag, key] of Object.entries(entry.using)) if (key === page) entry.using[tag] = 'page';
  return entries;
}

/** config/env.ts as the shot needs it: local mode whatever the build, this run's local cloud, the shot's openid. */
const envPlugin: Plugin = {
  name: 'shot-env',
  setup(b) {
    b.onResolve({ filter: /config\/env$/ }, () => ({ path: 'env', namespace: 'shot-env' }));
    b.onLoad({ filter: /.*/, namespace: 'shot-env' }, () => ({
      contents: [
        "const shotEnv = { mode: 'local', localBaseUrl: window.__SHOT__.base, devOpenid: window.__SHOT__.openid };",
        'export const appEnv = () => shotEnv;',
        'export const appEnvFor = () => shotEnv;',
        'export const setAppEnv = () => {};',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/** One script for the page: app.ts (which picks the transport), then each component's and the page's code. */
async function bundle(components: ComponentEntry[]): Promise<string> {
  const lines = ['window.__captureAs("app");', `require(${JSON.stringify(join(MP, 'app.ts'))});`];
  for (const c of components)
    if (c.script)
      lines.push(`window.__captureAs(${JSON.stringify(c.key)});`, `require(${JSON.stringify(c.script)});`);
  const result = await build({
    stdin: { contents: lines.join('\n'), resolveDir: MP, loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
    plugins: [envPlugin],
  });
  return result.outputFiles[0]?.text ?? '';
}

const TAB_PAGES = ['pages/home/index', 'pages/messages/index', 'pages/mine/index'];
const TAB_TEXTS = ['首页', '消息', '我的'];

type Font = 'normal' | 'large';
/** What wx.getAppBaseInfo reports: WeChat's default size, and the size of 关怀模式 (PLATFORM-NOTES). */
const FONT_SETTINGS: Record<Font, { fontSizeSetting: number; fontSizeScaleFactor: number }> = {
  normal: { fontSizeSetting: 17, fontSizeScaleFactor: 1 },
  large: { fontSizeSetting: 23.8, fontSizeScaleFactor: 1.4 },
};

function html(shot: Shot, font: Font, components: ComponentEntry[], base: string, now: string): string {
  const title = (JSON.parse(read(join(MP, `${shot.page}.json`))) as { navigationBarTitleText?: string })
    .navigationBarTitleText;
  const tab = TAB_PAGES.indexOf(shot.page);
  const config = {
    base,
    openid: shot.openid,
    now,
    query: shot.query ?? {},
    font: FONT_SETTINGS[font],
    taps: shot.taps ?? [],
    components: components.map(({ key, tag, prefix, template, using, stub }) => ({
      key,
      tag,
      prefix,
      template,
      using,
      stub,
    })),
  };
  const tabbar =
    tab < 0
      ? ''
      : `<div class="shot-tabbar">${TAB_TEXTS.map((t, i) => `<div class="${i === tab ? 'on' : ''}">${t}</div>`).join('')}</div>`;
  return `<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/builtins.css">
<style>${browserCss(read(join(MP, 'app.wxss')), null)}
${components.map((c) => c.css).join('\n')}</style>
<script>window.__SHOT__ = ${JSON.stringify(config).replace(/</g, '\\u003c')};</script>
<script src="/browser.js"></script>
<script src="/build.js"></script>
<script src="/bundle.js?${encodeURIComponent(shot.name)}"></script>
</head><body class="${tab < 0 ? '' : 'shot-has-tabbar'}">
<div class="shot-nav">${title ?? '网格通'}</div><div id="page"></div>${tabbar}
<script>window.__renderShot().catch((e) => { console.error('[shot] ' + (e && e.stack || e)); window.__SHOT_DONE__ = true; });</script>
</body></html>`;
}

/** Serves the harness: one page per shot, the simulate bundle, the page bundles. Loopback only. */
async function serveHarness(pages: Map<string, { html: string; js: string }>): Promise<Server> {
  const files: Record<string, [string, string]> = {
    '/build.js': [join(ROOT, 'node_modules', 'miniprogram-simulate', 'build.js'), 'text/javascript'],
    '/browser.js': [join(__dirname, 'screenshots', 'browser.js'), 'text/javascript'],
    '/builtins.css': [join(__dirname, 'screenshots', 'builtins.css'), 'text/css'],
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://harness');
    const file = files[url.pathname];
    const shot = pages.get(
      decodeURIComponent(url.pathname === '/bundle.js' ? url.search.slice(1) : url.pathname.slice(1)),
    );
    const send = (type: string, body: string | Buffer) => {
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
      res.end(body);
    };
    if (file) return send(file[1], readFileSync(file[0]));
    if (shot && url.pathname === '/bundle.js') return send('text/javascript', shot.js);
    if (shot) return send('text/html', shot.html);
    res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

// playwright-core is not a dependency of the project: installed with --no-save by whoever takes screenshots.
interface Browser {
  newPage(options: object): Promise<BrowserPage>;
  close(): Promise<void>;
}
interface BrowserPage {
  on(event: 'console', handler: (message: { text(): string }) => void): void;
  on(event: 'pageerror', handler: (error: Error) => void): void;
  goto(url: string): Promise<unknown>;
  waitForFunction(fn: string, arg?: unknown, options?: { timeout: number }): Promise<unknown>;
  screenshot(options: { path: string; fullPage: boolean }): Promise<unknown>;
  close(): Promise<void>;
}

function launchChromium(): Promise<Browser> {
  let playwright: { chromium: { launch(options: object): Promise<Browser> } };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional, not in package.json
    playwright = require('playwright-core') as typeof playwright;
  } catch {
    throw new Error('playwright-core is missing: npm install --no-save playwright-core');
  }
  // Playwright gives each launch a fresh, empty profile of its own (it refuses --user-data-dir).
  return playwright.chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

async function main(): Promise<void> {
  // The local cloud loads @cloudbase/node-sdk, whose init otherwise probes a cloud metadata address and hangs.
  if (process.env.TENCENTCLOUD !== 'true') throw new Error('run with TENCENTCLOUD=true');
  const only = process.argv.slice(2);
  const world = await buildWorld();
  const cloud = createLocalCloud({ deps: world.deps, functions });
  await new Promise<void>((resolve) => cloud.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(cloud.address() as AddressInfo).port}`;
  const now = world.deps.clock.now().toISOString();

  const fonts = (process.env.SHOTS_FONTS ?? 'normal,large').split(',') as Font[];
  const shots = shotsFor(world)
    .filter((s) => only.length === 0 || only.includes(s.name) || only.includes(s.role))
    .flatMap((s) =>
      fonts.map((font) => ({ ...s, font, name: font === 'large' ? `${s.name}-large` : s.name })),
    );
  const pages = new Map<string, { html: string; js: string }>();
  const bundles = new Map<string, string>();
  for (const shot of shots) {
    const components = componentsOf(shot.page);
    const js = bundles.get(shot.page) ?? (await bundle(components));
    bundles.set(shot.page, js);
    pages.set(shot.name, { html: html(shot, shot.font, components, base, now), js });
  }
  const harness = await serveHarness(pages);
  const harnessBase = `http://127.0.0.1:${(harness.address() as AddressInfo).port}`;

  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const shot of shots) {
      const page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
      const said: string[] = [];
      // miniprogram-simulate's bundled less logs this on every load: not something the page said.
      page.on('console', (m) => m.text().startsWith('Less has finished') || said.push(m.text()));
      page.on('pageerror', (e) => said.push(`[pageerror] ${e.message}`));
      await page.goto(`${harnessBase}/${encodeURIComponent(shot.name)}`);
      await page.waitForFunction('window.__SHOT_DONE__ === true', undefined, { timeout: 20_000 });
      const path = join(OUT, `${shot.name}.png`);
      await page.screenshot({ path, fullPage: true });
      await page.close();
      console.log(`${path}${said.length ? `\n  ${said.join('\n  ')}` : ''}`);
    }
  } finally {
    await browser.close();
    harness.closeAllConnections();
    harness.close();
    cloud.closeAllConnections();
    cloud.close();
    world.deps.store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
