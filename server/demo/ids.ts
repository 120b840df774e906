/** The demo's readable ids and openids, in one place so that tests and docs can name them. */

/** 2 → '02': grid numbers in ids sort as text. */
export function pad2(no: number): string {
  return String(no).padStart(2, '0');
}

export const demoIds = {
  community: (c: string) => `c_${c}`,
  grid: (c: string, grid: number) => `g_${c}_${pad2(grid)}`,
  microGrid: (c: string, grid: number, micro: number) => `mg_${c}_${pad2(grid)}_${micro}`,
  estate: (c: string, estate: string) => `e_${c}_${estate}`,
  building: (c: string, estate: string, no: number) => `b_${c}_${estate}_${no}`,
  household: (c: string, estate: string, building: number, unit: number, room: string) =>
    `h_${c}_${estate}_${building}_${unit}_${room}`,
  /** A member: the place (grid, or grid and micro-grid), the duty, and for workers and extras a 1-based index. */
  member: (c: string, grid: number, micro: number | null, duty: string, index: number | null) =>
    ['m', c, pad2(grid), micro, duty, index].filter((part) => part !== null).join('_'),
  /** dev-worker-wujiayuan-02-2 → u_worker_wujiayuan_02_2 */
  user: (openid: string) => `u_${openid.replace(/^dev-/, '').replace(/-/g, '_')}`,
};

/** Second and later workers of a micro-grid get -b, -c… so the first keeps the short openid. */
function suffix(index: number): string {
  return index === 0 ? '' : `-${String.fromCharCode(97 + index)}`;
}

export const demoOpenids = {
  staff: (c: string, index: number) => `dev-staff-${c}${index === 0 ? '' : `-${index + 1}`}`,
  secretary: (c: string) => `dev-secretary-${c}`,
  leader: (c: string, grid: number) => `dev-leader-${c}-${pad2(grid)}`,
  worker: (c: string, grid: number, micro: number, index: number) =>
    `dev-worker-${c}-${pad2(grid)}-${micro}${suffix(index)}`,
  extra: (c: string, duty: string, grid: number, micro: number | undefined) =>
    `dev-${duty}-${c}-${pad2(grid)}${micro === undefined ? '' : `-${micro}`}`,
};
