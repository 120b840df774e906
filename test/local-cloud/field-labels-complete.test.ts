/**
 * Every input field of every action has a Chinese label (server/functions/field-labels.ts), so a validation
 * message always names it: walked from the schemas, where the fuzz test only samples.
 */
import type * as z from 'zod/mini';
import { functions } from '../../server/functions';
import { labelFor } from '../../server/functions/field-labels';

function walk(schema: z.ZodMiniType, path: string[], out: string[][]): void {
  const def = (schema as unknown as { def: Record<string, unknown> & { type: string } }).def;
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodMiniType>)) {
        out.push([...path, key]);
        walk(child, [...path, key], out);
      }
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
      return walk(def.innerType as z.ZodMiniType, path, out);
    case 'pipe':
      return walk(def.in as z.ZodMiniType, path, out);
    case 'array':
      return walk(def.element as z.ZodMiniType, path, out);
    case 'record':
      return walk(def.valueType as z.ZodMiniType, path, out);
    case 'union':
      for (const option of def.options as z.ZodMiniType[]) walk(option, path, out);
      return;
    default:
      return;
  }
}

test('every input field of every action has a Chinese label', () => {
  const missing = new Set<string>();
  const unlabelled = labelFor('', '', ['\u0000']);
  for (const [fn, spec] of Object.entries(functions)) {
    for (const [action, actionSpec] of Object.entries(spec.actions)) {
      const paths: string[][] = [];
      walk(actionSpec.input as z.ZodMiniType, [], paths);
      for (const path of paths) {
        if (labelFor(fn, action, path) === unlabelled) missing.add(`${fn}.${action}: ${path.join('.')}`);
      }
    }
  }
  expect([...missing]).toEqual([]);
});
