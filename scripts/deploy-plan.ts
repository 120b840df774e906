/**
 * What `npm run deploy` does to a CloudBase environment, as data: the plan is computed from the repository
 * alone (cloudbaserc.json, the built bundles, server/core/store/collections.ts, database/*.json), so that
 * `--dry-run` can print it with no network and a test can check it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collections, type CollectionName } from '../server/core/store/collections';

const root = resolve(__dirname, '..');

export interface RcFunction {
  name: string;
  handler: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  envVariables?: Record<string, string>;
  triggers?: Array<{ name: string; type: string; config: string }>;
}

export interface CloudbaseRc {
  envId: string;
  functionRoot: string;
  functions: RcFunction[];
}

export interface IndexPlan {
  IndexName: string;
  MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: '1' }>; MgoIsUnique: boolean };
}

export type Step =
  | { kind: 'build' }
  | { kind: 'function'; fn: RcFunction; envVariables: Record<string, string>; openapi: string[] }
  | { kind: 'collection'; name: CollectionName; indexes: IndexPlan[] }
  | { kind: 'databaseRule'; collection: string; rule: string }
  | { kind: 'storageRule'; rule: string }
  | { kind: 'manual'; what: string };

/** The variables each function needs (cloudbaserc.json names them as {{env.NAME}}). */
export const REQUIRED_VARIABLES = ['GRIDLINK_PUSH_TEMPLATES', 'GRIDLINK_APPID', 'GRIDLINK_MINIPROGRAM_STATE'];

export function readRc(): CloudbaseRc {
  return JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as CloudbaseRc;
}

/** `{{env.NAME}}` → the value in `env`; a variable that is not set stays empty. */
export function substitute(value: string, env: NodeJS.ProcessEnv): string {
  return value.replace(/\{\{env\.([A-Z0-9_]+)\}\}/g, (_, name: string) => env[name] ?? '');
}

/** CloudBase index names: the fields joined, as the console would name them. */
export function indexPlan(fields: string[], unique = false): IndexPlan {
  return {
    IndexName: `ix_${fields.join('_').replace(/\./g, '_')}`,
    MgoKeySchema: { MgoIndexKeys: fields.map((Name) => ({ Name, Direction: '1' })), MgoIsUnique: unique },
  };
}

function declaredOpenApis(functionRoot: string, name: string): string[] {
  const file = join(root, functionRoot, name, 'config.json');
  if (!existsSync(file)) return [];
  const config = JSON.parse(readFileSync(file, 'utf8')) as { permissions?: { openapi?: string[] } };
  return config.permissions?.openapi ?? [];
}

export function deployPlan(env: NodeJS.ProcessEnv): Step[] {
  const rc = readRc();
  const dbRules = JSON.parse(readFileSync(join(root, 'database', 'security-rules.json'), 'utf8')) as {
    collections: Record<string, { read: unknown; write: unknown }>;
  };
  const storage = JSON.parse(readFileSync(join(root, 'database', 'storage-rules.json'), 'utf8')) as {
    read: unknown;
    write: unknown;
  };
  const steps: Step[] = [{ kind: 'build' }];
  for (const fn of rc.functions)
    steps.push({
      kind: 'function',
      fn,
      envVariables: Object.fromEntries(
        Object.entries(fn.envVariables ?? {}).map(([k, v]) => [k, substitute(v, env)]),
      ),
      openapi: declaredOpenApis(rc.functionRoot, fn.name),
    });
  for (const [name, spec] of Object.entries(collections) as Array<
    [CollectionName, { indexes: Array<{ fields: string[]; unique?: boolean }> }]
  >)
    steps.push({
      kind: 'collection',
      name,
      indexes: spec.indexes.map((ix) => indexPlan(ix.fields, ix.unique)),
    });
  for (const [collection, rule] of Object.entries(dbRules.collections))
    steps.push({
      kind: 'databaseRule',
      collection,
      rule: JSON.stringify({ read: rule.read, write: rule.write }),
    });
  steps.push({ kind: 'storageRule', rule: JSON.stringify({ read: storage.read, write: storage.write }) });
  const withApis = steps.flatMap((s) => (s.kind === 'function' && s.openapi.length ? [s] : []));
  steps.push({
    kind: 'manual',
    what:
      'open-API permissions (config.json permissions.openapi) are applied only when WeChat DevTools uploads a ' +
      'function. project.config.json points DevTools at dist/functions/ (the bundles this deploy built): in ' +
      'DevTools, right-click each of ' +
      withApis.map((s) => s.fn.name).join(', ') +
      ' → 「上传并部署：云端安装依赖」 once after this deploy, and again whenever config.json changes. Declared: ' +
      withApis.map((s) => `${s.fn.name} [${s.openapi.join(', ')}]`).join('; '),
  });
  return steps;
}

/** The plan as lines a person reads: what would change, with variable values shown only as set / NOT SET. */
export function describePlan(steps: Step[]): string[] {
  return steps.map((step) => {
    switch (step.kind) {
      case 'build':
        return 'build   npm run build → dist/functions/<name>/ (bundle, package.json, config.json)';
      case 'function': {
        const { fn } = step;
        const vars = Object.entries(step.envVariables)
          .map(([k, v]) => `${k}=${v ? 'set' : 'NOT SET'}`)
          .join(' ');
        const triggers = (fn.triggers ?? [])
          .map((t) => ` trigger ${t.name} (${t.type} "${t.config}")`)
          .join('');
        return `function ${fn.name}  ${fn.runtime} ${fn.timeout}s ${fn.memorySize}MB installDependency=${fn.installDependency} ${vars}${triggers}`;
      }
      case 'collection':
        return `collection ${step.name}  indexes: ${step.indexes.map((ix) => `${ix.IndexName}${ix.MgoKeySchema.MgoIsUnique ? ' (unique)' : ''}`).join(', ') || 'none'}`;
      case 'databaseRule':
        return `database rule ${step.collection}  CUSTOM ${step.rule}`;
      case 'storageRule':
        return `storage rule  CUSTOM ${step.rule}`;
      case 'manual':
        return `MANUAL  ${step.what}`;
    }
  });
}
