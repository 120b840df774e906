/**
 * `npm run deploy`: one command for everything an environment needs. Its dry run prints the plan with no
 * network and no credentials (the management SDK is not even loaded); the plan covers every function with
 * its variables and trigger, every collection with its indexes, and both sets of security rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../scripts/deploy';
import { deployPlan, readRc, REQUIRED_VARIABLES, substitute } from '../../scripts/deploy-plan';
import { collectionNames, collections } from '../../server/core/store/collections';

jest.mock('@cloudbase/manager-node', () => {
  throw new Error('the management SDK was loaded');
});

const root = join(__dirname, '..', '..');

describe('npm run deploy', () => {
  test('--dry-run prints the whole plan and sends nothing, with no credentials at all', async () => {
    const lines: string[] = [];
    const code = await main(['--dry-run'], { GRIDLINK_APPID: 'wx123' }, (line) => lines.push(line));
    expect(code).toBe(0);
    const text = lines.join('\n');
    for (const fn of readRc().functions)
      expect(text).toMatch(
        new RegExp(
          `function ${fn.name}  Nodejs20\\.19 .*GRIDLINK_APPID=set GRIDLINK_MINIPROGRAM_STATE=NOT SET`,
        ),
      );
    expect(text).toMatch(/function scheduler .* trigger everyMinute \(timer "0 \*\/1 \* \* \* \* \*"\)/);
    for (const name of collectionNames) {
      expect(text).toContain(`collection ${name}  `);
      expect(text).toContain(`database rule ${name}  CUSTOM {"read":false,"write":false}`);
    }
    expect(text).toContain(
      'storage rule  CUSTOM {"read":"auth.openid != null","write":"resource.openid == auth.openid"}',
    );
    expect(text).toMatch(/MANUAL .*DevTools/);
    expect(text).toMatch(/warning: GRIDLINK_PUSH_TEMPLATES, GRIDLINK_MINIPROGRAM_STATE not set/);
  });

  test('without credentials a real deploy stops before sending anything', async () => {
    const lines: string[] = [];
    expect(await main([], {}, (line) => lines.push(line))).toBe(2);
    expect(lines.at(-1)).toMatch(/ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY/);
  });

  test('every declared index becomes a CloudBase index, unique ones unique', () => {
    const plan = deployPlan({});
    const users = plan.find((s) => s.kind === 'collection' && s.name === 'users');
    expect(users).toMatchObject({
      indexes: expect.arrayContaining([
        {
          IndexName: 'ix_openid',
          MgoKeySchema: { MgoIndexKeys: [{ Name: 'openid', Direction: '1' }], MgoIsUnique: true },
        },
      ]),
    });
    const total = plan.reduce((n, s) => n + (s.kind === 'collection' ? s.indexes.length : 0), 0);
    expect(total).toBe(Object.values(collections).reduce((n, c) => n + c.indexes.length, 0));
  });

  test('cloudbaserc.json: Node 20.19 everywhere, the three variables on every function, the timer trigger', () => {
    const rc = readRc();
    for (const fn of rc.functions) {
      expect(fn.runtime).toBe('Nodejs20.19');
      expect(Object.keys(fn.envVariables ?? {}).sort()).toEqual([...REQUIRED_VARIABLES].sort());
      expect(substitute(fn.envVariables!.GRIDLINK_APPID!, { GRIDLINK_APPID: 'wx1' })).toBe('wx1');
    }
    const scheduler = rc.functions.find((f) => f.name === 'scheduler');
    expect(scheduler?.triggers).toEqual([{ name: 'everyMinute', type: 'timer', config: '0 */1 * * * * *' }]);
  });

  test("the README's claim about security rules matches the rules files", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const rules = JSON.parse(readFileSync(join(root, 'database', 'security-rules.json'), 'utf8')) as {
      collections: Record<string, { read: unknown; write: unknown }>;
    };
    const allDenied = Object.values(rules.collections).every((r) => r.read === false && r.write === false);
    expect(allDenied).toBe(true);
    expect(readme).toContain('clients may neither read nor write any collection');
    expect(readme).not.toMatch(/clients read only their own records/);
  });
});
