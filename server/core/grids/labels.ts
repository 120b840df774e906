/** How people name a micro-grid: "第二网格-2号微网格". */
export function microGridLabel(gridName: string, microGridName: string): string {
  // Ledgers often name micro-grids in full already; do not repeat the grid.
  return microGridName.startsWith(gridName) ? microGridName : `${gridName}-${microGridName}`;
}
