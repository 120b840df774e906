/** `npm run build` gives CloudBase a deployable folder per cloud function, and cloudbaserc.json names them all. */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildFunctions,
  EXTERNAL,
  functionNames,
  LAZY_EXTERNAL,
  type BuiltFunction,
} from '../../scripts/build-functions';

const root = join(__dirname, '..', '..');
const outDir = join(root, 'dist', 'test-build');

describe('cloud function build', () => {
  let built: BuiltFunction[];

  beforeAll(async () => {
    built = await buildFunctions(outDir);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  test('every function folder is bundled into an entry exporting main, with only runtime dependencies', () => {
    expect(built.map((b) => b.name).sort()).toEqual(functionNames().sort());
    for (const { name } of built) {
      const dir = join(outDir, 'functions', name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      // The functions that read or write spreadsheets: ledgers (grid), coverage (notice), figures (ticket), the 台账 (field).
      const lazy = ['grid', 'notice', 'ticket', 'field'].includes(name) ? LAZY_EXTERNAL : [];
      expect(Object.keys(pkg.dependencies).sort()).toEqual([...EXTERNAL, ...lazy].sort());
      // The bundle is CommonJS built at test time: load it the way CloudBase's runtime will.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(join(dir, 'index.js')) as { main?: unknown };
      expect(typeof mod.main).toBe('function');
      const code = readFileSync(join(dir, 'index.js'), 'utf8');
      expect(code).not.toMatch(/better-sqlite3/);
      // Loaded on first use only: no exceljs inside any bundle (cold start), required lazily where spreadsheets are.
      expect(code).not.toContain('xl/workbook.xml');
      expect(code.includes('require("exceljs")')).toBe(lazy.length > 0);
    }
  });

  test('every bundle validates with zod/mini and carries none of classic zod (cold start)', () => {
    // Classic zod attaches every method to every schema instance: its module and that work at every cold start.
    for (const { name, inputs } of built) {
      const zod = inputs.filter((path) => path.includes('node_modules/zod/'));
      expect({
        name,
        classic: zod.filter((path) => /node_modules\/zod\/(v4\/classic|v3)\//.test(path)),
      }).toEqual({
        name,
        classic: [],
      });
      expect({ name, mini: zod.some((path) => path.includes('node_modules/zod/v4/mini/')) }).toEqual({
        name,
        mini: true,
      });
    }
  });

  test('cloudbaserc.json deploys exactly the functions that exist, from the build folder', () => {
    const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as {
      functionRoot: string;
      functions: { name: string; handler: string }[];
    };
    expect(rc.functionRoot).toBe('./dist/functions');
    expect(rc.functions.map((f) => f.name).sort()).toEqual(functionNames().sort());
    for (const fn of rc.functions) expect(fn.handler).toBe('index.main');
  });

  test('the collections and their indexes are written out for the CloudBase console', () => {
    expect(existsSync(join(outDir, 'database', 'collections.json'))).toBe(true);
    const declared = JSON.parse(readFileSync(join(outDir, 'database', 'collections.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(declared)).toEqual(expect.arrayContaining(['users', 'households', 'outbox']));
  });
});
