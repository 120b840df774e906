/**
 * Replacing a community's map with a file: what the file names is created or updated, what it leaves out is
 * retired. A dry run answers the plan and writes nothing; the real run refuses (GRID.NOT_EMPTY, nothing
 * written) while a grid or micro-grid to retire still holds buildings or members, so no building loses its
 * micro-grid. Retired ones stay as documents for their tickets' history.
 */
import type { MapPlanItem, MapReplacePlan } from '../../../typings/grid';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { bumpGridMapVersion } from '../routing/index-cache';
import { codePrefixOf } from '../street/communities';
import { toIso } from '../time/shanghai';
import type { CoordinateSystem } from './coordinates';
import { requireStaffOf } from './imports';
import { microGridLabel } from './labels';
import { planBoundaries, writeBoundaries } from './ledger/import-boundaries';
import { canonical } from './ledger/upsert';
import type { Grid, MicroGrid } from './model';
import { occupantsOf } from './retire';

/** Plans (and unless `dryRun`, applies) the replacement of the community's map by the file. */
export async function replaceGridMap(
  deps: Deps,
  caller: Caller,
  input: { communityId: string; geojson: unknown; dryRun: boolean; coordinateSystem?: CoordinateSystem },
): Promise<MapReplacePlan> {
  const { store } = deps;
  await requireStaffOf(deps, caller, input.communityId);
  const community = (await store.get('communities', input.communityId))!;
  const plan = await planBoundaries(store, input.communityId, input.geojson, {
    coordinateSystem: input.coordinateSystem,
    codePrefix: await codePrefixOf(store, community),
  });
  const { docs } = plan;
  const gridOf = new Map([...docs.grids, ...plan.grids].map((g) => [g._id, g]));
  const item = (level: 'grid' | 'microGrid', doc: Grid | MicroGrid): MapPlanItem => ({
    level,
    id: doc._id,
    label: level === 'grid' ? doc.name : microGridLabel(gridOf.get((doc as MicroGrid).gridId), doc.name),
    code: doc.code ?? null,
  });

  const out: MapReplacePlan = { applied: false, create: [], update: [], retire: [], unchanged: 0 };
  const classify = <T extends Grid | MicroGrid>(level: 'grid' | 'microGrid', next: T[], before: T[]) => {
    const old = new Map(before.map((d) => [d._id, d]));
    for (const doc of next) {
      const was = old.get(doc._id);
      if (!was) out.create.push(item(level, doc));
      else if (canonical(was) !== canonical(doc)) out.update.push(item(level, doc));
      else out.unchanged += 1;
    }
    const kept = new Set(next.map((d) => d._id));
    return before.filter((d) => !kept.has(d._id) && !d.retiredAt);
  };
  const retireGrids = classify('grid', plan.grids, docs.grids);
  const retireMicro = classify('microGrid', plan.microGrids, docs.microGrids);
  for (const g of retireGrids) {
    const kept = plan.microGrids.filter((m) => m.gridId === g._id).map((m) => m.name);
    // Its micro-grids retire with it (they are not in the file either); what else sits there blocks it.
    const occupants = kept.length
      ? `文件中仍有其微网格 ${kept.join('、')}`
      : await occupantsOf(store, { gridId: g._id }, { withMicroGrids: false });
    out.retire.push({ ...item('grid', g), ...(occupants ? { blockedBy: occupants } : {}) });
  }
  for (const m of retireMicro) {
    const occupants = await occupantsOf(store, { microGridId: m._id });
    out.retire.push({ ...item('microGrid', m), ...(occupants ? { blockedBy: occupants } : {}) });
  }
  if (input.dryRun) return out;

  const blocked = out.retire.filter((r) => r.blockedBy);
  if (blocked.length) {
    throw new AppError('GRID.NOT_EMPTY', {
      message: `替换失败，未写入任何数据：${blocked.map((b) => `${b.label} 仍有 ${b.blockedBy}`).join('；')}。请先调整楼栋和成员`,
      details: { blocked },
    });
  }
  await writeBoundaries(store, plan);
  const at = toIso(deps.clock.now());
  for (const m of retireMicro) await store.update('microGrids', m._id, { retiredAt: at });
  for (const g of retireGrids) await store.update('grids', g._id, { retiredAt: at });
  await bumpGridMapVersion(store, at);
  deps.routingIndexes.invalidate();
  return { ...out, applied: true };
}
