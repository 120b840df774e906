/**
 * Loading pages from the mini-program's root (so that components named from the root, /components/…, resolve as
 * in WeChat): WeChat's wcc then compiles every template under the root, and with miniprogram_npm present (after
 * `npm run pack:npm`) TDesign's hundreds of templates overflow the compiler's 1 MB output buffer (ENOBUFS).
 * Pages are tested with TDesign stand-ins, so the templates to compile are the mini-program's own.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const miniprogramRoot = join(__dirname, '../../miniprogram');

function ownFiles(extension: string): string[] {
  return (readdirSync(miniprogramRoot, { recursive: true }) as string[])
    .map((file) => file.split('\\').join('/'))
    .filter(
      (file) =>
        file.endsWith(extension) && !file.startsWith('miniprogram_npm/') && !file.startsWith('node_modules/'),
    );
}

/** simulate.load options for a page of the mini-program, its root as rootPath. */
export function fromMiniprogramRoot(): {
  rootPath: string;
  compilerOptions: { wxmlList: string[]; wxsList: string[] };
} {
  return {
    rootPath: miniprogramRoot,
    compilerOptions: { wxmlList: ownFiles('.wxml'), wxsList: ownFiles('.wxs') },
  };
}
