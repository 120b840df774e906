/** Chinese display names of the demo's places. */

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals: 2 → 二, 10 → 十, 15 → 十五, 21 → 二十一. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new Error(`chineseNumber: ${n} is out of range`);
  const tens = Math.floor(n / 10);
  const ones = DIGITS[n % 10] ?? '';
  if (tens === 0) return ones;
  return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${ones}`;
}

/** 第二网格 */
export function communityGridName(no: number): string {
  return `第${chineseNumber(no)}网格`;
}

/** 海亮实验学校专属网格 */
export function exclusiveGridName(unitName: string): string {
  return `${unitName}专属网格`;
}

/** 第二网格-2号微网格, 吴家园小学-1号微网格 */
export function microGridName(label: string, micro: number): string {
  return `${label}-${micro}号微网格`;
}

/** 3号楼 */
export function buildingName(no: number): string {
  return `${no}号楼`;
}

/** 1单元 */
export function unitName(unit: number): string {
  return `${unit}单元`;
}
