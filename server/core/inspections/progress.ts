/**
 * Progress per micro-grid for the round open now: done (passed), due, overdue (past due and not passed), and
 * failed (waiting for the re-inspection). Staff see the community; a leader the grids they lead.
 */
import type { MicroGridProgress } from '../../../typings/field';
import { microGridLabel } from '../grids/labels';
import { findAll } from '../notices/paging';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { isCommunityStaff } from '../users/permissions';
import { AppError } from '../errors';
import { ledGrids } from '../field/access';
import { roundAt } from './rounds';

export interface ProgressSheet {
  name: string;
  headers: string[];
  rows: Array<Array<string | number>>;
}

export async function inspectionProgress(
  deps: Deps,
  caller: Caller,
  communityId: string,
): Promise<{ month: string; items: MicroGridProgress[] }> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const staff = isCommunityStaff(user, communityId);
  const led = ledGrids(user, communityId);
  if (!staff && led.length === 0) throw new AppError('AUTH.FORBIDDEN');
  const now = deps.clock.now();
  const month = roundAt({ kind: 'monthly' }, now).round;
  const tasks = await findAll(store, 'inspectionTasks', { communityId, round: { in: [month, 'campaign'] } });
  const micros = (await findAll(store, 'microGrids', { communityId })).filter(
    (m) => staff || led.includes(m.gridId),
  );
  const grids = new Map((await findAll(store, 'grids', { communityId })).map((g) => [g._id, g]));
  const at = toIso(now);
  const items = micros
    .sort((a, b) => a.sort - b.sort || (a._id < b._id ? -1 : 1))
    .map((m) => {
      const mine = tasks.filter((t) => t.microGridId === m._id);
      const open = mine.filter((t) => t.state !== 'passed');
      return {
        microGridId: m._id,
        name: microGridLabel(grids.get(m.gridId), m.name),
        done: mine.length - open.length,
        due: open.filter((t) => t.dueAt >= at).length,
        overdue: open.filter((t) => t.dueAt < at).length,
        failed: open.filter((t) => t.state === 'failed').length,
      };
    });
  return { month, items };
}

/** The progress as one sheet for the export. */
export function progressSheet(month: string, items: MicroGridProgress[]): ProgressSheet {
  return {
    name: `排查进度 ${month}`,
    headers: ['微网格', '已完成', '待排查', '已逾期', '有隐患待复查'],
    rows: items.map((i) => [i.name, i.done, i.due, i.overdue, i.failed]),
  };
}
