/** The grid map as the staff map page draws it: polygons, names and kinds. */
import { microGridLabel } from './labels';
import type { GeoBoundary, GridMapView } from '../../../typings/grid';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { loadActor } from '../users/actor';
import { requireCommunityStaff } from '../users/permissions';

/** Staff of the community see its map. */
export async function gridMapView(
  deps: Pick<Deps, 'store'>,
  caller: Caller,
  input: { communityId: string },
): Promise<GridMapView> {
  const { store } = deps;
  requireCommunityStaff(await loadActor(store, caller), input.communityId);
  const community = await store.get('communities', input.communityId);
  if (!community) throw new AppError('COMMUNITY.NOT_FOUND');
  const where = { communityId: community._id };
  const [grids, microGrids] = await Promise.all([
    store.find('grids', { where, orderBy: [['sort', 'asc']] }),
    store.find('microGrids', { where, orderBy: [['sort', 'asc']] }),
  ]);
  const gridOf = new Map(grids.map((g) => [g._id, g]));
  return {
    communityId: community._id,
    name: community.name,
    center: community.center,
    nearMissMetres: community.config.nearMissMetres,
    grids: grids.map((g) => ({
      gridId: g._id,
      name: g.name,
      kind: g.kind,
      unitName: g.unitName,
      sort: g.sort,
      boundary: g.boundary as GeoBoundary | null,
    })),
    microGrids: microGrids.map((m) => ({
      microGridId: m._id,
      gridId: m.gridId,
      name: m.name,
      label: microGridLabel(gridOf.get(m.gridId), m.name),
      sort: m.sort,
      boundary: m.boundary as GeoBoundary | null,
    })),
  };
}
