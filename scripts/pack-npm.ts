/**
 * What DevTools' 构建 npm does for this project, without DevTools: for every dependency of the mini-program's
 * own package.json (miniprogram/package.json, the one project.config.json's packNpmRelationList names), copy
 * the package's `miniprogram` folder to miniprogram/miniprogram_npm/<name>. `npm run pack:npm`.
 *
 * Packages are found as Node finds them from miniprogram/: its own node_modules (after `npm install` there,
 * which DevTools needs), else the root's (where `npm install` at the root put the same version). DevTools
 * would bundle a plain (non-mini-program) package too; this script refuses one instead, so that the two never
 * differ: the mini-program needs only TDesign.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
export const MINIPROGRAM = join(root, 'miniprogram');

interface Manifest {
  dependencies?: Record<string, string>;
  miniprogram?: string;
}

const readManifest = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Manifest;

/** The dependencies DevTools builds: those of miniprogram/package.json. */
export function miniprogramDependencies(miniprogram = MINIPROGRAM): Record<string, string> {
  return readManifest(join(miniprogram, 'package.json')).dependencies ?? {};
}

/**
 * Copies each dependency of `<source>/package.json` into `<target>/miniprogram_npm/`; returns the names
 * packed. Throws for a dependency that is not a mini-program package or is not installed.
 */
export function packNpm(target = MINIPROGRAM, source = MINIPROGRAM): string[] {
  const resolveFrom = createRequire(join(source, 'package.json'));
  const packed: string[] = [];
  for (const name of Object.keys(miniprogramDependencies(source))) {
    let manifestPath: string;
    try {
      manifestPath = resolveFrom.resolve(`${name}/package.json`);
    } catch {
      throw new Error(`${name} is not installed: run npm install (at the root, or in miniprogram/)`);
    }
    const dir = dirname(manifestPath);
    const folder = readManifest(manifestPath).miniprogram;
    if (!folder)
      throw new Error(
        `${name} is not a mini-program package (no "miniprogram" folder in its package.json): DevTools would bundle it, this script does not`,
      );
    const from = join(dir, folder);
    if (!existsSync(from)) throw new Error(`${name}: its miniprogram folder ${folder} is missing`);
    const to = join(target, 'miniprogram_npm', name);
    rmSync(to, { recursive: true, force: true });
    mkdirSync(to, { recursive: true });
    cpSync(from, to, { recursive: true });
    packed.push(name);
  }
  return packed;
}

if (resolve(process.argv[1] ?? '') === __filename) {
  console.log(`packed into miniprogram/miniprogram_npm: ${packNpm().join(', ') || 'nothing'}`);
}
