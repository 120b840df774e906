/**
 * Compiles WXML with WeChat's own compiler (wcc, shipped in the miniprogram-compiler package) so that a
 * template DevTools would refuse fails here first, with its file, line and column.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const WCC = join(__dirname, '..', 'node_modules', 'miniprogram-compiler', 'bin', 'linux', 'wcc');

/** Every .wxml below `root`, skipping packed npm components (compiled by their authors). */
export function wxmlFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'miniprogram_npm' || name === 'node_modules') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...wxmlFiles(root, full));
    else if (name.endsWith('.wxml')) out.push(relative(root, full));
  }
  return out.sort();
}

/** Compiles the files together, as DevTools does; `error` is wcc's own message ("file:line:col: …"). */
export function compileWxml(
  root: string,
  files = wxmlFiles(root),
): { ok: true; bytes: number } | { ok: false; error: string } {
  chmodSync(WCC, 0o755);
  // "0": no component table — tags are checked for syntax, not resolved (app-json checks resolve them).
  const res = spawnSync(WCC, ['-d', '-cc', '0', ...files, '-gn', '$gwx'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.error) return { ok: false, error: res.error.message };
  if (res.status !== 0)
    return { ok: false, error: `${res.stderr.toString()}${res.stdout.toString()}`.trim() };
  return { ok: true, bytes: res.stdout.length };
}
