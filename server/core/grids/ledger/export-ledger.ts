/** Exports a community's map and ledger in the formats import reads, so that export → import changes nothing. */
import type { Store } from '../../ports/store';
import { toWgs84, type CoordinateSystem } from '../coordinates';
import type { Boundary } from '../model';
import {
  BUILDING_COLUMNS,
  HOUSEHOLD_COLUMNS,
  householdTagLabels,
  MEMBER_COLUMNS,
  memberDutyLabels,
} from './columns';
import { loadCommunityDocs, loadHouseholds, loadMembers } from './community-docs';
import type { LedgerTable } from './table';

/** GeoJSON FeatureCollection: grids first (with their boundary, if any), then micro-grids. */
export async function exportBoundaries(
  store: Store,
  communityId: string,
  coordinateSystem: CoordinateSystem = 'wgs84',
): Promise<object> {
  const docs = await loadCommunityDocs(store, communityId);
  const gridName = new Map(docs.grids.map((g) => [g._id, g.name]));
  const geometry = (b: Boundary) => (coordinateSystem === 'wgs84' ? toWgs84(b) : b);
  const features = [
    ...docs.grids
      .filter((g) => g.boundary && !g.retiredAt)
      .map((g) => ({
        type: 'Feature',
        properties: {
          level: 'grid',
          grid: g.name,
          kind: g.kind,
          ...(g.unitName ? { unitName: g.unitName } : {}),
          sort: g.sort,
          ...(g.code ? { code: g.code } : {}),
        },
        geometry: geometry(g.boundary!),
      })),
    ...docs.microGrids
      .filter((m) => m.boundary && !m.retiredAt)
      .map((m) => ({
        type: 'Feature',
        properties: {
          level: 'microGrid',
          grid: gridName.get(m.gridId) ?? '',
          microGrid: m.name,
          sort: m.sort,
          ...(m.code ? { code: m.code } : {}),
        },
        geometry: geometry(m.boundary!),
      })),
  ];
  // RFC 7946 has no crs member; the GCJ-02 original says what it is in a foreign member.
  return {
    type: 'FeatureCollection',
    ...(coordinateSystem === 'gcj02' ? { coordinateSystem: 'gcj02' } : {}),
    features,
  };
}

/** The buildings, households or members ledger as a table with the import's headers. */
export async function exportLedger(
  store: Store,
  communityId: string,
  kind: 'buildings' | 'households' | 'members',
): Promise<LedgerTable> {
  const docs = await loadCommunityDocs(store, communityId);
  const grid = new Map(docs.grids.map((g) => [g._id, g]));
  const micro = new Map(docs.microGrids.map((m) => [m._id, m]));
  const estate = new Map(docs.estates.map((e) => [e._id, e]));
  const building = new Map(docs.buildings.map((b) => [b._id, b]));
  const byText = (a: string[], b: string[]) => a.join('\u0000').localeCompare(b.join('\u0000'), 'zh');
  if (kind === 'buildings') {
    const rows = docs.buildings.map((b) => [
      estate.get(b.estateId)?.name ?? '',
      b.name,
      grid.get(b.gridId)?.name ?? '',
      micro.get(b.microGridId)?.name ?? '',
      b.floors === null ? '' : String(b.floors),
      b.location ? String(b.location.lng) : '',
      b.location ? String(b.location.lat) : '',
    ]);
    return { headers: [...BUILDING_COLUMNS], rows: rows.sort(byText) };
  }
  if (kind === 'households') {
    const rows = (await loadHouseholds(store, communityId)).map((h) => {
      const b = building.get(h.buildingId);
      return [
        b ? (estate.get(b.estateId)?.name ?? '') : '',
        b?.name ?? '',
        h.unit,
        h.room,
        h.tags.map((t) => householdTagLabels[t]).join('、'),
      ];
    });
    return { headers: [...HOUSEHOLD_COLUMNS], rows: rows.sort(byText) };
  }
  const members = await loadMembers(store, communityId);
  const users = members.length
    ? await store.find('users', { where: { _id: { in: [...new Set(members.map((m) => m.userId))] } } })
    : [];
  const user = new Map(users.map((u) => [u._id, u]));
  const rows = members.map((m) => [
    user.get(m.userId)?.name ?? '',
    user.get(m.userId)?.phone ?? '',
    memberDutyLabels[m.duty],
    grid.get(m.gridId)?.name ?? '',
    m.microGridId ? (micro.get(m.microGridId)?.name ?? '') : '',
    m.primary ? '是' : '否',
    m.onDuty ? '是' : '否',
  ]);
  return { headers: [...MEMBER_COLUMNS], rows: rows.sort(byText) };
}
