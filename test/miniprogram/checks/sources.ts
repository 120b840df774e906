/** The mini-program's own style and template files (not miniprogram_npm), read for the static checks. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const miniprogramRoot = join(__dirname, '..', '..', '..', 'miniprogram');

function walk(dir: string, ext: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'miniprogram_npm' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, ext, out);
    else if (entry.name.endsWith(ext)) out.push(path);
  }
  return out;
}

/** Paths relative to miniprogram/, sorted, of every file ending in `ext` (".wxss", ".wxml"). */
export function sourceFiles(ext: string): string[] {
  return walk(miniprogramRoot, ext, [])
    .map((path) => relative(miniprogramRoot, path))
    .sort();
}

export function readSource(file: string): string {
  return readFileSync(join(miniprogramRoot, file), 'utf8');
}

/** Every page of app.json, main package and subpackages, as 'pages/home/index'. */
export function appPages(): string[] {
  const app = JSON.parse(readSource('app.json')) as {
    pages: string[];
    subPackages?: Array<{ root: string; pages: string[] }>;
  };
  return [
    ...app.pages,
    ...(app.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`)),
  ];
}
