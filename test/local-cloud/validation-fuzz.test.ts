/**
 * Malformed input to every action of every function, through `invoke`: every refusal is a sentence in
 * Chinese that names the field by its Chinese name, with no validator English and no input echoed, and no
 * input makes a reply INTERNAL. Deterministic (a seeded PRNG) and bounded; the count of replies is printed.
 */
import type * as z from 'zod/mini';
import { fieldLabels } from '../../server/functions/field-labels';
import { invoke } from '../../server/functions/define';
import { functions } from '../../server/functions';
import { createHarness, type Harness } from '../support/harness';

const CASES_PER_ACTION = 40;
const CALLER = { openid: 'dev-staff-wujiayuan' };

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Reading zod's definitions to build inputs: its internals are typed per schema kind, so this walk is loose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- zod 4 `_zod.def` differs per schema kind
type Def = any;
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** A value the schema (mostly) accepts, so that one mutation makes one field wrong. */
function sample(schema: z.ZodMiniType, rand: () => number): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return def.format === 'datetime' ? '2026-06-20T09:00:00+08:00' : '测试内容-abcd';
    case 'number':
      return 1;
    case 'boolean':
      return rand() < 0.5;
    case 'enum':
      return Object.values(def.entries)[0];
    case 'literal':
      return def.values[0];
    case 'optional':
      return rand() < 0.3 ? undefined : sample(def.innerType, rand);
    case 'nullable':
      return rand() < 0.3 ? null : sample(def.innerType, rand);
    case 'array':
      return [sample(def.element, rand)];
    case 'record':
      return { k: sample(def.valueType, rand) };
    case 'union':
      return sample(def.options[Math.floor(rand() * def.options.length)], rand);
    case 'pipe':
      return sample(def.in, rand);
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape as Record<string, z.ZodMiniType>)
          .map(([key, value]) => [key, sample(value, rand)])
          .filter(([, value]) => value !== undefined),
      );
    default:
      return null;
  }
}

/** Every path into a value: where a mutation can land. */
function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
}

const WRONG: Array<() => unknown> = [
  () => undefined,
  () => null,
  () => 12345,
  () => -1e12,
  () => 1.5,
  () => '',
  () => '   ',
  () => 'x'.repeat(6000),
  () => '中'.repeat(1200),
  () => ({}),
  () => ({ nested: { deeper: [1, 2] } }),
  () => [],
  () => Array.from({ length: 600 }, () => 'local://tickets/a.jpg'),
  () => true,
  () => 'constructor',
  () => 'local://../../etc/passwd',
  () => '2026-13-45',
];

function mutate(value: unknown, path: Array<string | number>, wrong: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    // A second mutation may aim under a value the first replaced: then it changes nothing.
    const next = node[key];
    if (!next || typeof next !== 'object') return copy;
    node = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (wrong === undefined) delete node[last];
  else node[last] = wrong;
  return copy;
}

const LABELS = new Set(Object.values(fieldLabels).map((f) => `「${f.label}」`));

function violation(message: string): string | null {
  if (!/[\u4e00-\u9fff]/.test(message)) return 'not Chinese';
  if (![...LABELS].some((label) => message.includes(label))) return 'names no field in Chinese';
  if (/[A-Za-z]{2,}/.test(message)) return 'English or an id';
  if (/期望|实际接收|数值过|无效输入|Invalid|expected/i.test(message)) return 'validator wording';
  return null;
}

describe('validation messages under fuzzed input', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('answers every malformed input of every action in plain Chinese naming the field, never INTERNAL', async () => {
    const rand = prng(20260620);
    const problems: string[] = [];
    let replies = 0;
    let refusals = 0;
    for (const [fn, spec] of Object.entries(functions)) {
      for (const [action, actionSpec] of Object.entries(spec.actions)) {
        const base = sample(actionSpec.input, rand) as Record<string, unknown>;
        const paths = pathsOf(base);
        const inputs: unknown[] = [{}];
        for (let n = 0; n < CASES_PER_ACTION; n++) {
          const wrong = WRONG[Math.floor(rand() * WRONG.length)]!();
          const path = paths.length > 0 ? paths[Math.floor(rand() * paths.length)]! : ['extra'];
          let input = mutate(base, path, wrong);
          // Every fifth case: a second field wrong too.
          if (n % 5 === 4 && paths.length > 1)
            input = mutate(input, paths[Math.floor(rand() * paths.length)]!, WRONG[n % WRONG.length]!());
          inputs.push(input);
        }
        for (const input of inputs) {
          const result = await invoke(spec, h.deps, CALLER, { ...(input as object), action });
          replies++;
          if (result.ok) continue;
          const where = `${fn}.${action} ${JSON.stringify(input).slice(0, 160)}`;
          if (result.error.code === 'INTERNAL') problems.push(`INTERNAL at ${where}`);
          if (result.error.code !== 'VALIDATION.FAILED') continue;
          refusals++;
          if (process.env.FUZZ_SHOW) console.log(`${fn}.${action}: ${result.error.message}`);
          const wrong = violation(result.error.message);
          if (wrong) problems.push(`${wrong}: "${result.error.message}" at ${where}`);
        }
      }
    }
    console.log(
      `validation fuzz: ${replies} fuzzed replies, ${refusals} VALIDATION.FAILED, ${problems.length} problems`,
    );
    expect(problems.slice(0, 15)).toEqual([]);
    expect(refusals).toBeGreaterThan(replies / 2);
  });
});

describe('validation messages, one by one', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const submit = {
    clientRequestId: 'messages-0001',
    category: 'garbage',
    description: '垃圾桶满了',
    photos: [],
    place: { kind: 'building', buildingId: 'b_jiaojiawan_6413_2' },
  };
  const refusal = async (fn: keyof typeof functions, event: Record<string, unknown>) => {
    const result = await invoke(functions[fn], h.deps, { openid: 'dev-resident-liu' }, event);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.code).toBe('VALIDATION.FAILED');
    return result.error.message;
  };

  it.each([
    ['「问题描述」最多 1000 字', { description: '长'.repeat(1001) }],
    ['「照片」最多 9 张', { photos: Array.from({ length: 10 }, (_, i) => `local://tickets/${i}.jpg`) }],
    ['缺少「分类」', { category: undefined }],
    ['「分类」不是可选的值', { category: 'ufo' }],
    ['请填写「问题描述」', { description: '   ' }],
    ['「纬度」不能大于 90', { place: { kind: 'point', point: { lat: 100, lng: 103.8 } } }],
    ['「位置方式」不是可选的值', { place: { kind: 'teleport' } }],
    ['「照片」第 1 项不是有效的文件编号', { photos: ['local://../x.jpg'] }],
  ])('a submission is refused with %s', async (sentence, change) => {
    expect(await refusal('ticket', { action: 'submit', ...submit, ...change })).toBe(sentence);
  });

  it('names the field by what it means in the action: a resolve note is the 办结说明', async () => {
    const message = await refusal('ticket', {
      action: 'resolve',
      ticketId: 't1',
      version: 1,
      note: '长'.repeat(1001),
      photos: [],
    });
    expect(message).toBe('「办结说明」最多 1000 字');
  });

  it('counts the other wrong fields instead of listing them', async () => {
    expect(await refusal('ticket', { action: 'rate', ticketId: '', stars: 9, comment: 3 })).toBe(
      '请填写「工单」（另有 2 处需要修改）',
    );
  });
});
