/**
 * Retiring a grid or micro-grid 撤销: once its buildings and members have moved, it stops taking reports and
 * leaves the map; its tickets keep it in their history (the document stays, marked retiredAt).
 */
import type { GridMapView } from '../../../typings/grid';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store, Where } from '../ports/store';
import { bumpGridMapVersion } from '../routing/index-cache';
import { toIso } from '../time/shanghai';
import { requireStaffOf } from './imports';
import { gridMapView } from './map-view';

/** What still sits in the micro-grids (or grids) named: buildings and members, in words; '' when empty. */
export async function occupantsOf(
  store: Store,
  place: { gridId?: string; microGridId?: string },
  options: { withMicroGrids?: boolean } = {},
): Promise<string> {
  const where: Where = place.microGridId ? { microGridId: place.microGridId } : { gridId: place.gridId! };
  const [buildings, members, microGrids] = await Promise.all([
    store.count('buildings', where),
    store.count('members', where),
    place.microGridId || options.withMicroGrids === false
      ? Promise.resolve([])
      : store.find('microGrids', { where: { gridId: place.gridId! } }),
  ]);
  const active = microGrids.filter((m) => !m.retiredAt).length;
  return [
    buildings ? `${buildings} 个楼栋` : '',
    members ? `${members} 名网格成员` : '',
    active ? `${active} 个未撤销的微网格` : '',
  ]
    .filter(Boolean)
    .join('、');
}

/** Retires one grid or micro-grid of the community; GRID.NOT_EMPTY while anything still sits there. */
export async function retirePlace(
  deps: Deps,
  caller: Caller,
  input: { communityId: string; gridId?: string; microGridId?: string },
): Promise<GridMapView> {
  const { store } = deps;
  await requireStaffOf(deps, caller, input.communityId);
  const doc = input.microGridId
    ? await store.get('microGrids', input.microGridId)
    : input.gridId
      ? await store.get('grids', input.gridId)
      : null;
  if (!doc || doc.communityId !== input.communityId || doc.retiredAt) {
    throw new AppError(input.microGridId ? 'MICRO_GRID.NOT_FOUND' : 'GRID.NOT_FOUND');
  }
  const occupants = await occupantsOf(store, input);
  if (occupants) {
    throw new AppError('GRID.NOT_EMPTY', {
      message: `${doc.name} 仍有 ${occupants}，请先调整到其他微网格后再撤销`,
    });
  }
  const at = toIso(deps.clock.now());
  if (input.microGridId) await store.update('microGrids', doc._id, { retiredAt: at });
  else await store.update('grids', doc._id, { retiredAt: at });
  await bumpGridMapVersion(store, at);
  deps.routingIndexes.invalidate();
  return gridMapView(deps, caller, { communityId: input.communityId });
}
