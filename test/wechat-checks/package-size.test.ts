/**
 * The packages stay inside WeChat's limits, counted as scripts/package-size.ts counts them: the closure of
 * files reachable from app.json (scripts/package-closure.ts), TypeScript at the size of esbuild's transform
 * of it (types stripped, not minified), TDesign's files read from its miniprogram folder (what pack:npm
 * copies). The fixtures show that the count follows each kind of reference and that a limit can be broken.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { computeClosure } from '../../scripts/package-closure';
import { sizeReport, WECHAT_LIMITS } from '../../scripts/package-size';

const miniprogram = join(__dirname, '..', '..', 'miniprogram');

describe('package sizes of the mini-program', () => {
  const report = sizeReport(miniprogram);

  test('every package is within its limit, together within 20 MB, preloads within 2 MB', () => {
    expect(report.rows.map((r) => r.pkg)).toEqual(expect.arrayContaining(['main', 'worker', 'staff']));
    expect(report.over).toEqual([]);
    expect(report.rows.find((r) => r.pkg === 'main')!.limit).toBe(1.5 * 1024 * 1024);
    expect(report.total.limit).toBe(20 * 1024 * 1024);
  });

  test('every reference resolves and no package uses another subpackage’s files', () => {
    expect(report.problems).toEqual([]);
  });

  test('the closure holds TDesign’s own children, WXS, WXSS imports and compiled scripts', () => {
    const files = computeClosure(miniprogram).files;
    for (const path of [
      'miniprogram_npm/tdesign-miniprogram/cell/cell.js',
      'miniprogram_npm/tdesign-miniprogram/icon/icon.wxml', // cell's own t-icon
      'miniprogram_npm/tdesign-miniprogram/common/utils.wxs',
      'miniprogram_npm/tdesign-miniprogram/common/style/index.wxss',
      'packages/worker/field.wxss', // @import of the field pages
      'pages/home/index.js',
      'services/transport.js',
    ])
      expect(files.get(path)).toBeDefined();
    expect(files.get('pages/home/index.ts')).toBeUndefined();
    expect(files.get('miniprogram_npm/tdesign-miniprogram/dialog/dialog.js')).toBeUndefined(); // not used
    expect(files.get('packages/worker/field.wxss')!.pkg).toBe('worker');
    expect(files.get('miniprogram_npm/tdesign-miniprogram/cell/cell.js')!.pkg).toBe('main');
  });
});

/** A small mini-program in a temp dir: `files` maps paths to contents. */
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pkgsize-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the count on a fixture', () => {
  const page = (extra: Record<string, string> = {}) => ({
    'app.json': JSON.stringify({
      pages: ['pages/a/index'],
      subPackages: [{ root: 'sub', name: 'sub', pages: ['pages/b/index'] }],
      preloadRule: { 'pages/a/index': { packages: ['sub'] } },
    }),
    'pages/a/index.json': '{"usingComponents":{"c":"../../components/c/index"}}',
    'pages/a/index.wxml':
      '<import src="./tpl.wxml"/><wxs src="./f.wxs" module="f"/><image src="/img/big.png"/>',
    'pages/a/tpl.wxml': '<template name="t"><view/></template>',
    'pages/a/f.wxs': "var g = require('./g.wxs'); module.exports = g;",
    'pages/a/g.wxs': 'module.exports = 1;',
    'pages/a/index.wxss': '@import "../../common.wxss";',
    'common.wxss': '.x { color: red; }',
    'pages/a/index.ts': "import { v } from './lib';\nconst n: number = v;\nComponent({ data: { n } });\n",
    'pages/a/lib.ts': `export interface Wide { ${'a'.repeat(2000)}: string }\nexport const v = 1;\n`,
    'components/c/index.json': '{"component":true}',
    'components/c/index.wxml': '<view/>',
    'components/c/index.js': 'Component({});',
    'img/big.png': 'x'.repeat(5000),
    'sub/pages/b/index.json': '{}',
    'sub/pages/b/index.wxml': '<view/>',
    'sub/pages/b/index.js': "require('../../../pages/a/lib');",
    'unused.js': 'x'.repeat(100000),
    ...extra,
  });

  test('follows imports, WXS requires, WXSS imports, images and components; TS at its compiled size', () => {
    const dir = fixture(page());
    try {
      const { files, problems } = computeClosure(dir);
      expect(problems).toEqual([]);
      expect([...files.keys()].sort()).toEqual(
        [
          'app.json',
          'common.wxss',
          'components/c/index.js',
          'components/c/index.json',
          'components/c/index.wxml',
          'img/big.png',
          'pages/a/f.wxs',
          'pages/a/g.wxs',
          'pages/a/index.js',
          'pages/a/index.json',
          'pages/a/index.wxml',
          'pages/a/index.wxss',
          'pages/a/lib.js',
          'pages/a/tpl.wxml',
          'sub/pages/b/index.js',
          'sub/pages/b/index.json',
          'sub/pages/b/index.wxml',
        ].sort(),
      );
      expect(files.get('pages/a/lib.js')!.bytes).toBeLessThan(200); // the 2,000-character interface is gone
      expect(files.get('sub/pages/b/index.js')!.pkg).toBe('sub');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a package over its limit, and a preload over its quota, are reported', () => {
    const dir = fixture(page());
    try {
      const tight = { ...WECHAT_LIMITS, main: 4000, preload: 10 };
      const { over, rows } = sizeReport(dir, tight);
      expect(rows.find((r) => r.pkg === 'main')!.bytes).toBeGreaterThan(5000);
      expect(over).toEqual([
        expect.stringMatching(/^main: /),
        expect.stringMatching(/^preload from main \(sub\)/),
      ]);
      expect(sizeReport(dir).over).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a main page using a subpackage’s file, and a missing file, are problems', () => {
    const dir = fixture(
      page({ 'pages/a/index.wxss': '@import "/sub/s.wxss"; @import "./gone.wxss";', 'sub/s.wxss': '' }),
    );
    try {
      expect(computeClosure(dir).problems).toEqual([
        'main uses sub/s.wxss, which is in package sub',
        'pages/a/index.wxss: ./gone.wxss does not resolve',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
