/**
 * Bundles every cloud function with esbuild into dist/functions/<name>/ — index.js, a
 * package.json with only the runtime dependencies the bundle leaves out, and config.json with the WeChat
 * open-API permissions — the folder cloudbaserc.json deploys (`tcb fn deploy <name>`; it uploads, never builds).
 * Also writes dist/database/collections.json: the collections and indexes to create in CloudBase.
 */
import { build, type Plugin } from 'esbuild';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { collections } from '../server/core/store/collections';

/**
 * Left out of the bundle and installed by CloudBase: large SDKs with dynamic requires, and pdfkit, which
 * reads its font metrics from files beside its own code.
 */
export const EXTERNAL = ['@cloudbase/node-sdk', 'wx-server-sdk', 'pdfkit'];
/**
 * Left out too, and installed only for the bundles that load them (on first use, server/adapters/ledger/excel.ts):
 * inside a bundle, exceljs's megabyte would be read and compiled at every cold start.
 */
export const LAZY_EXTERNAL = ['exceljs'];

/** The runtime dependencies a built bundle requires: the SDKs always, a lazy one where its code asks for it. */
export function bundleDependencies(code: string): string[] {
  return [...EXTERNAL, ...LAZY_EXTERNAL.filter((dep) => code.includes(`require("${dep}")`))];
}
/**
 * The WeChat open APIs a function may call (subscribe messages, content checks, mini-program codes): each bundle
 * declares in config.json exactly those its code calls, or WeChat answers -604101. DevTools applies config.json on
 * upload; `tcb fn deploy` and manager-node do not (README § Deploying says how to apply it).
 */
export const OPENAPI = ['subscribeMessage.send', 'security.msgSecCheck', 'wxacode.getUnlimited'];

/** The open APIs a built bundle calls: wx-server-sdk's `cloud.openapi.<group>.<name>(…)` in its code. */
export function openApisCalledBy(code: string): string[] {
  return OPENAPI.filter((api) => code.includes(`.openapi.${api}(`));
}
/** Files a function reads at run time, copied beside its bundle: the code sheets' font (user function). */
const ASSETS: Record<string, Array<{ from: string; to: string }>> = {
  user: [{ from: 'assets/fonts/NotoSansSC-GB2312.ttf', to: 'fonts/NotoSansSC-GB2312.ttf' }],
};

const root = resolve(__dirname, '..');

/**
 * JSON data (the holiday table of chinese-days, 43 KB) bundled as one string handed to JSON.parse rather than
 * as an object literal: V8 reads a JSON string several times faster than it parses the same literal as
 * JavaScript, and every cold start pays for it.
 */
const jsonAsParse: Plugin = {
  name: 'json-as-parse',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, (args) => ({
      contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8'))))});`,
      loader: 'js',
    }));
  },
};

export function functionNames(): string[] {
  const dir = join(root, 'cloudfunctions');
  return readdirSync(dir).filter((name) => existsSync(join(dir, name, 'index.ts')));
}

/** A built bundle: its size, and the source files esbuild put in it (repository-relative, as its metafile says). */
export interface BuiltFunction {
  name: string;
  bytes: number;
  inputs: string[];
}

export async function buildFunctions(outDir = join(root, 'dist')): Promise<BuiltFunction[]> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const functionsDir = join(outDir, 'functions');
  rmSync(functionsDir, { recursive: true, force: true });
  const built: BuiltFunction[] = [];
  for (const name of functionNames()) {
    const target = join(functionsDir, name);
    mkdirSync(target, { recursive: true });
    const result = await build({
      entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
      outfile: join(target, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: [...EXTERNAL, ...LAZY_EXTERNAL],
      // import() of a lazy dependency becomes a deferred require(): CommonJS all through, as the runtime loads it.
      supported: { 'dynamic-import': false },
      minify: true,
      sourcemap: false,
      logLevel: 'warning',
      metafile: true,
      plugins: [jsonAsParse],
    });
    const code = readFileSync(join(target, 'index.js'), 'utf8');
    const dependencies = Object.fromEntries(
      bundleDependencies(code).map((dep) => [dep, pkg.dependencies[dep] ?? '*']),
    );
    writeFileSync(
      join(target, 'package.json'),
      JSON.stringify({ name: `gridlink-${name}`, private: true, main: 'index.js', dependencies }, null, 2) +
        '\n',
    );
    writeFileSync(
      join(target, 'config.json'),
      JSON.stringify({ permissions: { openapi: openApisCalledBy(code) } }, null, 2) + '\n',
    );
    for (const asset of ASSETS[name] ?? []) {
      mkdirSync(dirname(join(target, asset.to)), { recursive: true });
      copyFileSync(join(root, asset.from), join(target, asset.to));
    }
    built.push({
      name,
      bytes: readFileSync(join(target, 'index.js')).length,
      inputs: Object.keys(result.metafile.inputs),
    });
  }
  mkdirSync(join(outDir, 'database'), { recursive: true });
  writeFileSync(join(outDir, 'database', 'collections.json'), JSON.stringify(collections, null, 2) + '\n');
  return built;
}
