/**
 * A synthetic community for the benches: its document, grids × micro-grids, and households in one building per
 * micro-grid. Household ids are zero-padded so that their order is the map's order (publication pages by id).
 */
import type { Community, Grid, Household, HouseholdTag, MicroGrid } from '../../server/core/grids/model';

export function syntheticCommunity(key: string, name: string): Community {
  return {
    _id: `c_${key}`,
    name,
    city: '兰州市',
    district: '七里河区',
    street: '建兰路街道',
    center: { lat: 36.05, lng: 103.77 },
    config: { nearMissMetres: 50 },
  };
}

export function syntheticMap(options: {
  key: string;
  name: string;
  grids: number;
  microPerGrid: number;
  householdsPerMicro: number;
  /** The tags of the h-th household of a micro-grid; none by default. */
  tagsOf?: (h: number) => HouseholdTag[];
}): { community: Community; grids: Grid[]; microGrids: MicroGrid[]; households: Household[] } {
  const { key, tagsOf = () => [] } = options;
  const community = syntheticCommunity(key, options.name);
  const communityId = community._id;
  const grids: Grid[] = [];
  const microGrids: MicroGrid[] = [];
  const households: Household[] = [];
  for (let g = 0; g < options.grids; g++) {
    const gridId = `g_${key}_${g}`;
    grids.push({
      _id: gridId,
      communityId,
      name: `第${g + 1}网格`,
      kind: 'community',
      unitName: null,
      boundary: null,
      sort: g,
    });
    for (let m = 0; m < options.microPerGrid; m++) {
      const microGridId = `mg_${key}_${g}_${m}`;
      microGrids.push({
        _id: microGridId,
        communityId,
        gridId,
        name: `${m + 1}号微网格`,
        boundary: null,
        sort: m,
      });
      for (let h = 0; h < options.householdsPerMicro; h++)
        households.push({
          _id: `h_${key}_${String(g).padStart(3, '0')}_${m}_${String(h).padStart(2, '0')}`,
          communityId,
          gridId,
          microGridId,
          buildingId: `b_${key}_${g}_${m}`,
          unit: '1',
          room: String(101 + h),
          tags: tagsOf(h),
        });
    }
  }
  return { community, grids, microGrids, households };
}
