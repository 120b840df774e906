/** A community's grid map and ledger as imports and exports need them: documents and lookups by natural key. */
import type { Store } from '../../ports/store';
import type { Building, Estate, Grid, Household, Member, MicroGrid } from '../model';

export interface CommunityDocs {
  grids: Grid[];
  microGrids: MicroGrid[];
  estates: Estate[];
  buildings: Building[];
  gridByName: Map<string, Grid>;
  /** key: gridId + name */
  microGridByName: Map<string, MicroGrid>;
  estateByName: Map<string, Estate>;
  /** key: estateId + name */
  buildingByName: Map<string, Building>;
}

export const pair = (a: string, b: string) => `${a}\u0000${b}`;

export async function loadCommunityDocs(store: Store, communityId: string): Promise<CommunityDocs> {
  const where = { communityId };
  const [grids, microGrids, estates, buildings] = await Promise.all([
    store.find('grids', { where, orderBy: [['sort', 'asc']] }),
    store.find('microGrids', { where, orderBy: [['sort', 'asc']] }),
    store.find('estates', { where }),
    store.find('buildings', { where }),
  ]);
  return {
    grids,
    microGrids,
    estates,
    buildings,
    gridByName: new Map(grids.map((g) => [g.name, g])),
    microGridByName: new Map(microGrids.map((m) => [pair(m.gridId, m.name), m])),
    estateByName: new Map(estates.map((e) => [e.name, e])),
    buildingByName: new Map(buildings.map((b) => [pair(b.estateId, b.name), b])),
  };
}

export function loadHouseholds(store: Store, communityId: string): Promise<Household[]> {
  return store.find('households', { where: { communityId } });
}

export function loadMembers(store: Store, communityId: string): Promise<Member[]> {
  return store.find('members', { where: { communityId } });
}
