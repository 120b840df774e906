/**
 * How people name grids and micro-grids, in one place: the map, routing, the roster, notices and the
 * workbench all show the same words for the same micro-grid (issue 11 item 5).
 */
import type { Grid } from './model';

export type GridNaming = Pick<Grid, 'name' | 'kind' | 'unitName'>;

/** A grid as people call it: an exclusive grid by its unit (海亮实验学校), a community grid by its name. */
export function gridLabel(grid: GridNaming): string {
  return grid.kind === 'exclusive' ? (grid.unitName ?? grid.name) : grid.name;
}

/** "第二网格-2号微网格", "海亮实验学校-1号微网格"; the micro-grid's own name when its grid is unknown. */
export function microGridLabel(grid: GridNaming | null | undefined, microGridName: string): string {
  if (!grid) return microGridName;
  const prefix = gridLabel(grid);
  // Ledgers often name micro-grids in full already; do not repeat the grid.
  return microGridName.startsWith(prefix) ? microGridName : `${prefix}-${microGridName}`;
}
