/** The grid map as the staff map page draws it: polygons, names and kinds. */
import { microGridLabel } from './labels';
import type { GeoBoundary, GridMapView } from '../../../typings/grid';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { requireStaffOf } from './imports';

/** Staff of the community see its map. */
export async function gridMapView(
  deps: Pick<Deps, 'store'>,
  caller: Caller,
  input: { communityId: string },
): Promise<GridMapView> {
  const { store } = deps;
  await requireStaffOf(deps, caller, input.communityId);
  const community = (await store.get('communities', input.communityId))!;
  const where = { communityId: community._id };
  const [allGrids, allMicroGrids] = await Promise.all([
    store.find('grids', { where, orderBy: [['sort', 'asc']] }),
    store.find('microGrids', { where, orderBy: [['sort', 'asc']] }),
  ]);
  // The map shows what is in force; retired ones live on in their tickets' history only.
  const grids = allGrids.filter((g) => !g.retiredAt);
  const microGrids = allMicroGrids.filter((m) => !m.retiredAt);
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
      code: g.code ?? null,
    })),
    microGrids: microGrids.map((m) => ({
      microGridId: m._id,
      gridId: m.gridId,
      name: m.name,
      label: microGridLabel(gridOf.get(m.gridId), m.name),
      sort: m.sort,
      boundary: m.boundary as GeoBoundary | null,
      code: m.code ?? null,
    })),
  };
}
