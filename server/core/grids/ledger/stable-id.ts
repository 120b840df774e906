/**
 * Ids derived from natural keys (community + grid name, estate + building name, building + unit + room…), so
 * that importing the same file twice finds the same documents instead of making new ones.
 */

/** FNV-1a, 2 × 32 bits: enough to keep a community's keys apart; ids stay short and ASCII. */
function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36);
}

/** e.g. stableId('building', estateId, '3号楼') → building_1k2j3h4g5f */
export function stableId(prefix: string, ...key: string[]): string {
  return `${prefix}_${hash(key.join('\u0000'))}`;
}
