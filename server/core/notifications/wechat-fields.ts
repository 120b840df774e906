/**
 * Subscribe-message field values within WeChat's limits (sendMessage "参数值内容限制"): a value over its limit
 * or of the wrong kind is refused with 47003 for the whole message, so every value is cut and cleaned here.
 * The field type is the key's prefix: thing1 → thing, character_string2 → character_string.
 */
import type { FieldSource } from './templates';
import { shanghai } from '../time/shanghai';

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const ELLIPSIS = '…';

/** Control characters and line breaks: WeChat shows one line per field. */
function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts to at most `max` characters (code points) without splitting a character or an emoji cluster. */
export function truncateText(text: string, max: number, ellipsis = ELLIPSIS): string {
  const clean = oneLine(text);
  if ([...clean].length <= max) return clean;
  const room = max - [...ellipsis].length;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(clean)) {
    const size = [...segment].length;
    if (used + size > room) break;
    out += segment;
    used += size;
  }
  return out.trimEnd() + ellipsis;
}

/** 2026年6月20日 14:05 in Asia/Shanghai: the format WeChat's time and date fields accept. */
export function wechatTime(iso: string): string {
  return shanghai(iso).format('YYYY年M月D日 HH:mm');
}

type FieldType =
  | 'thing'
  | 'phrase'
  | 'time'
  | 'date'
  | 'character_string'
  | 'number'
  | 'letter'
  | 'name'
  | 'symbol'
  | 'other';

export function fieldType(key: string): FieldType {
  const prefix = key.replace(/\d+$/, '');
  const known: FieldType[] = [
    'thing',
    'phrase',
    'time',
    'date',
    'character_string',
    'number',
    'letter',
    'name',
    'symbol',
  ];
  return (known as string[]).includes(prefix) ? (prefix as FieldType) : 'other';
}

const HAN = /\p{Script=Han}/u;

/** A value WeChat accepts for a field of this key: never empty, never over the limit. */
export function fieldValue(key: string, raw: string, source: FieldSource): string {
  switch (fieldType(key)) {
    case 'thing':
      return truncateText(raw, 20) || '无';
    case 'phrase': {
      // 5 个以内纯汉字: anything else (digits, punctuation) makes WeChat refuse the message.
      const han = [...raw].filter((c) => HAN.test(c)).join('');
      return truncateText(han, 5, '') || '有更新';
    }
    case 'time':
    case 'date':
      return source === 'time' || source === 'deadline' ? wechatTime(raw) : truncateText(raw, 20);
    case 'character_string':
      // 32 位以内数字、字母或符号: no Chinese, no spaces.
      return truncateText(raw.replace(/[^\x21-\x7e]/g, ''), 32, '') || '-';
    case 'number':
      return truncateText(raw.replace(/[^0-9.]/g, ''), 32, '') || '0';
    case 'letter':
      return truncateText(raw.replace(/[^A-Za-z]/g, ''), 32, '') || 'A';
    case 'name': {
      const hasHan = [...raw].some((c) => HAN.test(c));
      return truncateText(raw.replace(/\s+/g, ''), hasHan ? 10 : 20, '') || '网格员';
    }
    case 'symbol':
      return truncateText(raw, 5, '');
    default:
      return truncateText(raw, 20) || '无';
  }
}
