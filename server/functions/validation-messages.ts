/**
 * zod's issues turned into sentences a person reads: the field by its Chinese name (field-labels.ts), what is
 * wrong in plain words — 「问题描述」最多 1000 字, 「照片」最多 9 张, 缺少「分类」. Built from the issue's code
 * and numbers alone: no validator wording, no input value, no field key reaches the message.
 */
import type * as z from 'zod/mini';
import { labelFor, type FieldLabel } from './field-labels';

type Issue = z.core.$ZodIssue;

const TYPE_WORDS: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '“是”或“否”',
  array: '列表',
  object: '一组内容',
  record: '一组内容',
  date: '日期',
  null: '空值',
};

/** Whether the input has nothing at `path` (a required field left out). */
function missingAt(input: unknown, path: readonly PropertyKey[]): boolean {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return true;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined;
}

function limitSentence(
  issue: Issue & { origin?: string },
  field: FieldLabel,
  name: string,
  max: boolean,
): string {
  const bound = Number((issue as { maximum?: unknown; minimum?: unknown })[max ? 'maximum' : 'minimum']);
  switch (issue.origin) {
    case 'string':
      if (!max && bound <= 1) return `请填写${name}`;
      return `${name}${max ? '最多' : '至少'} ${bound} 字`;
    case 'array':
    case 'set':
      return `${name}${max ? '最多' : '至少'} ${bound} ${field.unit ?? '项'}`;
    case 'number':
    case 'int':
    case 'bigint':
      return `${name}${max ? '不能大于' : '不能小于'} ${bound}`;
    default:
      return `${name}${max ? '太长' : '太短'}`;
  }
}

/** One issue as one sentence, for the field it concerns in `fn`.`action`. */
export function issueSentence(fn: string, action: string, issue: Issue, input: unknown): string {
  const names = issue.path.filter((key): key is string => typeof key === 'string');
  const field = labelFor(fn, action, names);
  const last = issue.path[issue.path.length - 1];
  const name = typeof last === 'number' ? `「${field.label}」第 ${last + 1} 项` : `「${field.label}」`;
  switch (issue.code) {
    case 'invalid_type':
      if (missingAt(input, issue.path)) return `缺少${name}`;
      return `${name}应为${TYPE_WORDS[issue.expected] ?? '正确的格式'}`;
    case 'too_big':
      return limitSentence(issue, field, name, true);
    case 'too_small':
      return limitSentence(issue, field, name, false);
    case 'invalid_value':
      return missingAt(input, issue.path) ? `缺少${name}` : `${name}不是可选的值`;
    case 'invalid_union':
      if (missingAt(input, issue.path)) return `缺少${name}`;
      return 'discriminator' in issue && issue.discriminator ? `${name}不是可选的值` : `${name}格式不对`;
    case 'invalid_format':
      return issue.format === 'datetime'
        ? `${name}应为带时区的时间，如 2026-06-20T09:00:00+08:00`
        : `${name}格式不对`;
    case 'invalid_key':
      return `${name}中有一项的名称不合法`;
    case 'unrecognized_keys':
      return `${name}中有无法识别的内容`;
    case 'not_multiple_of':
      return `${name}的数值不对`;
    case 'custom':
      // A refinement's message is written in this project, in Chinese, to follow the field's name.
      return /^[\u4e00-\u9fff]/.test(issue.message) ? `${name}${issue.message}` : `${name}的内容有误`;
    default:
      return `${name}的内容有误`;
  }
}
