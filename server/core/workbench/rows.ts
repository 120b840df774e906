/** Workbench lines: the ticket's card plus where it is and who has it, in words (no ids shown to people). */
import type { WorkbenchRow } from '../../../typings/workbench';
import { microGridLabel } from '../grids/labels';
import type { Store } from '../ports/store';
import type { Ticket } from '../tickets/model';
import { summaryOf } from '../tickets/views';

const EXCERPT = 60;

function excerptOf(text: string): string {
  const chars = [...text];
  return chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join('')}…` : text;
}

/** The lines of a page: two by-id queries for the labels of its grids and micro-grids, whatever its size. */
export async function rowsOf(store: Store, tickets: Ticket[], now: Date): Promise<WorkbenchRow[]> {
  const microIds = [...new Set(tickets.flatMap((t) => (t.microGridId ? [t.microGridId] : [])))];
  const gridIds = [...new Set(tickets.flatMap((t) => (t.gridId ? [t.gridId] : [])))];
  const [micros, grids] = await Promise.all([
    microIds.length ? store.find('microGrids', { where: { _id: { in: microIds } } }) : [],
    gridIds.length ? store.find('grids', { where: { _id: { in: gridIds } } }) : [],
  ]);
  const microOf = new Map(micros.map((m) => [m._id, m]));
  const gridOf = new Map(grids.map((g) => [g._id, g]));
  return tickets.map((t) => {
    const micro = t.microGridId ? microOf.get(t.microGridId) : undefined;
    const grid = t.gridId ? gridOf.get(t.gridId) : undefined;
    return {
      ...summaryOf(t, now),
      microGridLabel: micro ? microGridLabel(grid, micro.name) : (grid?.name ?? null),
      assigneeName: t.assignee?.name ?? null,
      excerpt: excerptOf(t.description),
    };
  });
}
