/**
 * DevTools' 构建 npm, as this project configures it, and `npm run pack:npm` give the mini-program the same
 * miniprogram_npm: TDesign only. project.config.json's packNpmRelationList names miniprogram/package.json,
 * whose dependencies are exactly the npm packages the shipped mini-program code uses, at the root's versions.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { computeClosure } from '../../scripts/package-closure';
import { miniprogramDependencies, packNpm } from '../../scripts/pack-npm';

const repo = join(__dirname, '..', '..');
const miniprogram = join(repo, 'miniprogram');
const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;

describe('the npm packages of the mini-program', () => {
  test('packNpmRelationList names the mini-program’s own package.json, inside miniprogramRoot', () => {
    const config = readJson<{
      miniprogramRoot: string;
      setting: {
        packNpmManually: boolean;
        packNpmRelationList: { packageJsonPath: string; miniprogramNpmDistDir: string }[];
      };
    }>(join(repo, 'project.config.json'));
    expect(config.setting.packNpmManually).toBe(true);
    expect(config.setting.packNpmRelationList).toHaveLength(1);
    const [relation] = config.setting.packNpmRelationList;
    expect(normalize(join(repo, relation!.packageJsonPath))).toBe(join(miniprogram, 'package.json'));
    expect(normalize(join(repo, relation!.miniprogramNpmDistDir))).toBe(
      normalize(join(repo, config.miniprogramRoot)),
    );
  });

  test('its dependencies are exactly what the shipped code uses, none of the back end', () => {
    const used = [...computeClosure(miniprogram).npmPackages].sort();
    expect(used).toEqual(['tdesign-miniprogram']);
    expect(Object.keys(miniprogramDependencies()).sort()).toEqual(used);
  });

  test('each at the root package.json’s version and locked to the root lock’s', () => {
    const rootDeps = readJson<{ dependencies: Record<string, string> }>(
      join(repo, 'package.json'),
    ).dependencies;
    type Lock = { packages: Record<string, { version?: string }> };
    const rootLock = readJson<Lock>(join(repo, 'package-lock.json'));
    const lock = readJson<Lock>(join(miniprogram, 'package-lock.json'));
    for (const [name, range] of Object.entries(miniprogramDependencies())) {
      expect(rootDeps[name]).toBe(range);
      expect(lock.packages[`node_modules/${name}`]?.version).toBe(
        rootLock.packages[`node_modules/${name}`]?.version,
      );
    }
  });

  test('packing copies TDesign into miniprogram_npm with each component whole', () => {
    const target = mkdtempSync(join(tmpdir(), 'packnpm-'));
    try {
      expect(packNpm(target)).toEqual(['tdesign-miniprogram']);
      for (const file of [
        'button/button.js',
        'button/button.json',
        'button/button.wxml',
        'cell/cell.js',
        'tag/tag.json',
      ])
        expect(existsSync(join(target, 'miniprogram_npm', 'tdesign-miniprogram', file))).toBe(true);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });

  test('a plain package, which DevTools would bundle and pack:npm would not, is refused by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'packnpm-plain-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ dependencies: { 'plain-lib': '1.0.0' } }));
      mkdirSync(join(dir, 'node_modules', 'plain-lib'), { recursive: true });
      writeFileSync(
        join(dir, 'node_modules', 'plain-lib', 'package.json'),
        JSON.stringify({ name: 'plain-lib', main: 'index.js' }),
      );
      expect(() => packNpm(dir, dir)).toThrow(/plain-lib is not a mini-program package/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a value import of a package counts as using it; a type-only import does not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'npm-use-'));
    try {
      writeFileSync(join(dir, 'app.json'), JSON.stringify({ pages: ['pages/a/index'] }));
      mkdirSync(join(dir, 'pages', 'a'), { recursive: true });
      writeFileSync(join(dir, 'pages', 'a', 'index.json'), '{"usingComponents":{}}');
      writeFileSync(join(dir, 'pages', 'a', 'index.wxml'), '<view/>');
      writeFileSync(
        join(dir, 'pages', 'a', 'index.ts'),
        "import type { Dayjs } from 'dayjs';\nimport { z } from 'zod';\nexport const s: Dayjs | null = null;\nexport const n = z.number();\n",
      );
      expect([...computeClosure(dir).npmPackages]).toEqual(['zod']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
