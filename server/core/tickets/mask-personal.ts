/**
 * Phone numbers and room numbers in free text, masked for readers who do not need them (followers, DESIGN §8):
 * 13812345678 → 138****5678, 0931-8123456 → 0931-*******, 3单元702 → 3单元***, 702室 → ***室. Buildings,
 * units and estates stay: they say where the problem is, not who lives there.
 */

/** Mobiles: 11 digits from 1[3-9], optionally grouped 3-4-4 by spaces or dashes, optionally +86. */
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g;
/** Landlines: an area code 0xx(x) and 7–8 digits, optionally with a dash or space, or in brackets. */
const LANDLINE = /(?<!\d)(\(?0\d{2,3}\)?)[- ]?(\d{7,8})(?!\d)/g;
/** Any other run of 7 or more digits could be a number to call or an id: masked whole. */
const LONG_DIGITS = /\d{7,}/g;
/** A room after a unit or a building: 3单元702, 2号楼702, 5栋1202, 3单元 702. */
const ROOM_AFTER = /(\d+\s*(?:单元|号楼|栋|幢|楼))\s*(\d{3,4})(?![\d室号])/g;
/** A room named as one: 702室, 702房, 702号房, 1202号. */
const ROOM_NAMED = /(?<!\d)\d{3,4}(\s*(?:室|号房|房|户))/g;
/** Building-unit-room written with dashes: 3-1-502. */
const DASHED = /(?<![\d-])(\d{1,3}-\d{1,2}-)\d{3,4}(?![\d-])/g;

export function maskPersonalText(text: string): string {
  return text
    .replace(MOBILE, (_m, head: string, _mid: string, tail: string) => `${head}****${tail}`)
    .replace(LANDLINE, (_m, area: string, number: string) => `${area}-${'*'.repeat(number.length)}`)
    .replace(LONG_DIGITS, (m) => '*'.repeat(m.length))
    .replace(DASHED, (_m, head: string) => `${head}***`)
    .replace(ROOM_AFTER, (_m, head: string) => `${head}***`)
    .replace(ROOM_NAMED, (_m, suffix: string) => `***${suffix}`);
}
