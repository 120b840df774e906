/**
 * What DevTools' 构建 npm does for this project, without DevTools: for every runtime dependency that is a
 * mini-program package (its package.json names a `miniprogram` folder), copy that folder to
 * miniprogram/miniprogram_npm/<name>. TDesign is the one we use. `npm run pack:npm`.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');

/** Copies each mini-program package into `<target>/miniprogram_npm/`; returns the names packed. */
export function packNpm(target = join(root, 'miniprogram')): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const packed: string[] = [];
  for (const name of Object.keys(pkg.dependencies ?? {})) {
    const dir = join(root, 'node_modules', name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { miniprogram?: string };
    if (!manifest.miniprogram) continue;
    const from = join(dir, manifest.miniprogram);
    if (!existsSync(from))
      throw new Error(`${name}: its miniprogram folder ${manifest.miniprogram} is missing`);
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
