/**
 * The files of the mini-program that WeChat ships, found as DevTools finds them with
 * `ignoreUploadUnusedFiles`: from app.json's pages (and app.ts, app.wxss, app.json, sitemap.json) through
 * `usingComponents` (npm components from miniprogram_npm, TDesign's own children included), scripts and
 * their require/import chains, WXS and its requires, WXML `<import>`/`<include>`/`<wxs>` and static image
 * sources, and WXSS `@import`/`url()`.
 *
 * Sizes are of the files as they ship, before WeChat's own compression: a .ts counts as what esbuild's
 * transform makes of it (types stripped, ES2020 modules, not minified: about what DevTools' TypeScript plugin
 * emits before `minified` shrinks it; its CommonJS wrapping adds a few dozen bytes a file), everything else
 * as its bytes on disk. A file belongs to the
 * subpackage whose root contains it, else to the main package; miniprogram_npm lives at the root, so TDesign
 * counts in the main package.
 *
 * npm components resolve in miniprogram/miniprogram_npm after `npm run pack:npm`; when it is absent (a fresh
 * checkout, the tests), in the package's own `miniprogram` folder under node_modules, which pack:npm copies
 * unchanged. `tslib`, which TDesign's scripts import without declaring it, is provided by DevTools' compiler;
 * it is counted as node_modules/tslib/tslib.es6.js (16 KB when absent) in the main package, an upper bound.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, relative, sep } from 'node:path';
import { transformSync } from 'esbuild';

export interface AppJson {
  pages: string[];
  subPackages?: { root: string; name?: string; pages: string[]; independent?: boolean }[];
  usingComponents?: Record<string, string>;
  sitemapLocation?: string;
  preloadRule?: Record<string, { network?: string; packages: string[] }>;
}

export interface ShippedFile {
  /** Where the file sits in the uploaded package, relative to miniprogramRoot, with its shipped extension. */
  path: string;
  bytes: number;
  /** 'main' or the subpackage's name (its root when it has none). */
  pkg: string;
}

export interface Closure {
  files: Map<string, ShippedFile>;
  /** npm packages the project's own code uses (bare specifiers outside miniprogram_npm). */
  npmPackages: Set<string>;
  /** References that do not resolve, or that cross from one package into another's files. */
  problems: string[];
}

/** The package names of the mini-program, as app.json and preloadRule name them. */
export function packageNames(app: AppJson): { name: string; root: string }[] {
  return (app.subPackages ?? []).map((p) => ({ name: p.name ?? p.root, root: p.root }));
}

const toPosix = (path: string) => path.split(sep).join(posix.sep);
const isRemote = (ref: string) => /^(https?:|data:|cloud:|wxfile:|\/\/)/.test(ref) || ref.includes('{{');

/** The npm package name of a bare specifier: `a/b/c` → `a`, `@s/a/b` → `@s/a`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export function computeClosure(root: string, app: AppJson = readApp(root)): Closure {
  const files = new Map<string, ShippedFile>();
  const npmPackages = new Set<string>();
  const problems: string[] = [];
  const subs = packageNames(app);
  const pkgOf = (shipped: string) =>
    subs.find((s) => shipped.startsWith(`${s.root.replace(/\/$/, '')}/`))?.name ?? 'main';
  const npmRoot = join(root, 'miniprogram_npm');
  const resolveFrom = createRequire(join(root, 'package.json'));

  /** Where an npm package's files are read from: miniprogram_npm when packed, else its miniprogram folder. */
  const npmDirs = new Map<string, string | null>();
  const npmDir = (name: string): string | null => {
    if (npmDirs.has(name)) return npmDirs.get(name) ?? null;
    let dir: string | null = null;
    if (existsSync(join(npmRoot, name))) dir = join(npmRoot, name);
    else {
      try {
        const manifestPath = resolveFrom.resolve(`${name}/package.json`);
        const folder = (JSON.parse(readFileSync(manifestPath, 'utf8')) as { miniprogram?: string })
          .miniprogram;
        if (folder) dir = join(dirname(manifestPath), folder);
      } catch {
        dir = null;
      }
    }
    npmDirs.set(name, dir);
    return dir;
  };

  /** The shipped path of a real file: under miniprogram/, or under miniprogram_npm/<name>/ for npm files. */
  const shippedPath = (real: string): string => {
    if (real.startsWith(root + sep)) return toPosix(relative(root, real));
    for (const [name, dir] of npmDirs)
      if (dir && real.startsWith(dir + sep)) return `miniprogram_npm/${name}/${toPosix(relative(dir, real))}`;
    return toPosix(real);
  };
  const inNpm = (real: string) => shippedPath(real).startsWith('miniprogram_npm/');

  /** Adds a file; returns false if it was there already. `from` is the package whose code refers to it. */
  const add = (real: string, from: string, bytes?: number, shipped = shippedPath(real)): boolean => {
    if (files.has(shipped)) {
      check(shipped, from);
      return false;
    }
    files.set(shipped, { path: shipped, bytes: bytes ?? statSync(real).size, pkg: pkgOf(shipped) });
    if (shipped.startsWith('/'))
      problems.push(`${from} uses ${real}, outside miniprogramRoot: it will not ship`);
    check(shipped, from);
    return true;
  };
  const check = (shipped: string, from: string) => {
    const pkg = pkgOf(shipped);
    if (pkg !== 'main' && pkg !== from) problems.push(`${from} uses ${shipped}, which is in package ${pkg}`);
  };

  /** Resolves a reference made by `fromFile` (real path) to a real path, or null. */
  const resolveRef = (fromFile: string, ref: string, exts: string[]): string | null => {
    let base: string;
    if (ref.startsWith('/')) base = join(root, ref);
    else if (ref.startsWith('.')) base = join(dirname(fromFile), ref);
    else {
      // A bare reference: relative first (WXML/WXSS/usingComponents allow it), then an npm package.
      const local = resolveRef(fromFile, `./${ref}`, exts);
      if (local) return local;
      const name = packageOf(ref);
      if (!inNpm(fromFile)) npmPackages.add(name);
      const dir = npmDir(name);
      if (!dir) return null;
      base = join(dir, ref.slice(name.length + 1) || 'index');
    }
    const candidates = [base, ...exts.map((e) => base + e), ...exts.map((e) => join(base, `index${e}`))];
    return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
  };

  const missing = (fromFile: string, ref: string) =>
    problems.push(`${shippedPath(fromFile)}: ${ref} does not resolve`);

  const visitScript = (real: string, from: string) => {
    const ts = real.endsWith('.ts');
    const source = readFileSync(real, 'utf8');
    const code = ts
      ? transformSync(source, { loader: 'ts', format: 'esm', target: 'es2020', sourcefile: real }).code
      : source;
    const shipped = ts ? shippedPath(real).replace(/\.ts$/, '.js') : shippedPath(real);
    if (!add(real, from, Buffer.byteLength(code), shipped)) return;
    const refs = [
      ...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g),
      // `from '…'`, or a bare `import '…'` at the start of a statement (not the word inside a string such as 'import').
      ...code.matchAll(/(?:\bfrom\s*|^\s*import\s*)["']([^"']+)["']/gm),
      ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1] ?? '');
    for (const ref of new Set(refs)) {
      if (ref === 'tslib' && inNpm(real)) {
        countTslib(from);
        continue;
      }
      const target = resolveRef(real, ref, ['.ts', '.js', '.json']);
      if (!target) missing(real, ref);
      else if (target.endsWith('.json')) add(target, from);
      else visitScript(target, from);
    }
  };

  const countTslib = (from: string) => {
    const shipped = 'miniprogram_npm/tslib/tslib.js';
    try {
      add(join(dirname(resolveFrom.resolve('tslib')), 'tslib.es6.js'), from, undefined, shipped);
    } catch {
      // Not installed here (it comes with another package, not ours): tslib 2's ES module is about 16 KB.
      if (!files.has(shipped)) files.set(shipped, { path: shipped, bytes: 16 * 1024, pkg: 'main' });
    }
  };

  const visitWxs = (real: string, from: string) => {
    if (!add(real, from)) return;
    for (const m of readFileSync(real, 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
      const target = resolveRef(real, m[1] ?? '', []);
      if (target) visitWxs(target, from);
      else missing(real, m[1] ?? '');
    }
  };

  const visitWxss = (real: string, from: string) => {
    if (!add(real, from)) return;
    const css = readFileSync(real, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of css.matchAll(/@import\s+(?:url\()?\s*["']([^"']+)["']/g)) {
      const target = resolveRef(real, m[1] ?? '', ['.wxss']);
      if (target) visitWxss(target, from);
      else missing(real, m[1] ?? '');
    }
    for (const m of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
      const ref = m[1] ?? '';
      if (isRemote(ref) || ref.endsWith('.wxss')) continue;
      const target = resolveRef(real, ref, []);
      if (target) add(target, from);
      else missing(real, ref);
    }
  };

  const visitWxml = (real: string, from: string) => {
    if (!add(real, from)) return;
    const wxml = readFileSync(real, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    for (const m of wxml.matchAll(
      /<(import|include|wxs|image|cover-image)\b[^>]*?\ssrc\s*=\s*["']([^"']*)["']/g,
    )) {
      const [tag, ref] = [m[1] ?? '', m[2] ?? ''];
      if (!ref || isRemote(ref)) continue;
      const exts = tag === 'import' || tag === 'include' ? ['.wxml'] : tag === 'wxs' ? ['.wxs'] : [];
      const target = resolveRef(real, ref, exts);
      if (!target) missing(real, ref);
      else if (tag === 'wxs') visitWxs(target, from);
      else if (tag === 'image' || tag === 'cover-image') add(target, from);
      else visitWxml(target, from);
    }
  };

  /** A page or component: its json, wxml, wxss, script, then its components. `base` has no extension. */
  const visitComponent = (base: string, from: string) => {
    const jsonPath = `${base}.json`;
    if (!add(jsonPath, from)) return;
    const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as {
      usingComponents?: Record<string, string>;
      componentGenerics?: Record<string, { default?: string } | boolean>;
    };
    if (existsSync(`${base}.wxml`)) visitWxml(`${base}.wxml`, from);
    if (existsSync(`${base}.wxss`)) visitWxss(`${base}.wxss`, from);
    const script = [`${base}.ts`, `${base}.js`].find((p) => existsSync(p));
    if (script) visitScript(script, from);
    const refs = [
      ...Object.values(json.usingComponents ?? {}),
      ...Object.values(json.componentGenerics ?? {}).flatMap((g) =>
        typeof g === 'object' && g.default ? [g.default] : [],
      ),
    ];
    for (const ref of refs) {
      if (ref.startsWith('plugin://')) continue;
      const target = resolveRef(jsonPath, ref, ['.json']);
      if (target) visitComponent(target.replace(/\.json$/, ''), from);
      else missing(jsonPath, ref);
    }
  };

  const appJson = join(root, 'app.json');
  add(appJson, 'main');
  const sitemap = join(root, app.sitemapLocation ?? 'sitemap.json');
  if (existsSync(sitemap)) add(sitemap, 'main');
  for (const script of ['app.ts', 'app.js'].map((f) => join(root, f)))
    if (existsSync(script)) {
      visitScript(script, 'main');
      break;
    }
  if (existsSync(join(root, 'app.wxss'))) visitWxss(join(root, 'app.wxss'), 'main');
  for (const ref of Object.values(app.usingComponents ?? {})) {
    const target = resolveRef(appJson, ref, ['.json']);
    if (target) visitComponent(target.replace(/\.json$/, ''), 'main');
    else missing(appJson, ref);
  }
  for (const page of app.pages) visitComponent(join(root, page), 'main');
  for (const sub of app.subPackages ?? [])
    for (const page of sub.pages) visitComponent(join(root, sub.root, page), sub.name ?? sub.root);

  return { files, npmPackages, problems };
}

export function readApp(root: string): AppJson {
  return JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as AppJson;
}
