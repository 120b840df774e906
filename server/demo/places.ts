/**
 * Lays out one community's map: the community, its grids and micro-grids with their polygons. Community
 * grids are cells of the community's lattice and tile it; micro-grids split their grid evenly and tile it;
 * exclusive grids are areas inside community grids, overlapping them on purpose (routing lets them win).
 */
import type { Boundary, Community, Grid, MicroGrid } from '../core/grids/model';
import type { Rect } from './geometry';
import { boundingRect, latticeCell, latticeLines, rectRing, splitRect, subRect } from './geometry';
import { demoIds } from './ids';
import { communityGridName, exclusiveGridName, microGridName } from './names';
import type { CommunityDef, CommunityGridDef, MicroGridDef } from './types';

const NEAR_MISS_METRES = 50;

/** A community micro-grid with what the buildings step needs: its rectangle and the estate it holds. */
export interface ResidentialMicroGrid {
  gridNo: number;
  micro: number;
  gridId: string;
  microGridId: string;
  rect: Rect;
  estate: string;
  def: MicroGridDef;
}

export interface CommunityLayout {
  community: Community;
  grids: Grid[];
  microGrids: MicroGrid[];
  residential: ResidentialMicroGrid[];
  /** Every part of every exclusive grid: buildings of community micro-grids keep out of them. */
  exclusiveParts: Rect[];
  /** The lattice's extent. */
  extent: Rect;
}

function polygon(rect: Rect): Boundary {
  return { type: 'Polygon', coordinates: [rectRing(rect)] };
}

function boundaryOf(parts: Rect[]): Boundary {
  const [only] = parts;
  if (parts.length === 1 && only) return polygon(only);
  return { type: 'MultiPolygon', coordinates: parts.map((part) => [rectRing(part)]) };
}

/** Lays out the community's grids and micro-grids; `secretaryUserId` is filled in by the people step. */
export function layoutCommunity(def: CommunityDef): CommunityLayout {
  const communityId = demoIds.community(def.key);
  const lines = latticeLines(def.origin, def.columns, def.rows);
  const grids: Grid[] = [];
  const microGrids: MicroGrid[] = [];
  const residential: ResidentialMicroGrid[] = [];
  const gridRects = new Map<number, Rect>();

  const addMicroGrid = (gridNo: number, micro: number, label: string, boundary: Boundary): MicroGrid => {
    const doc: MicroGrid = {
      _id: demoIds.microGrid(def.key, gridNo, micro),
      communityId,
      gridId: demoIds.grid(def.key, gridNo),
      name: microGridName(label, micro),
      boundary,
      sort: micro,
    };
    microGrids.push(doc);
    return doc;
  };

  for (const gridDef of def.grids) {
    const rect = latticeCell(lines, gridDef.cell[0], gridDef.cell[1]);
    gridRects.set(gridDef.no, rect);
    const name = communityGridName(gridDef.no);
    grids.push(gridDoc(communityId, def.key, gridDef, name, polygon(rect)));
    splitRect(rect, gridDef.microGrids.length).forEach((microRect, i) => {
      const microDef = gridDef.microGrids[i];
      if (!microDef) throw new Error(`demo: ${def.name} ${name} lacks micro-grid ${i + 1}`);
      const doc = addMicroGrid(gridDef.no, i + 1, name, polygon(microRect));
      residential.push({
        gridNo: gridDef.no,
        micro: i + 1,
        gridId: doc.gridId,
        microGridId: doc._id,
        rect: microRect,
        estate: microDef.estate ?? gridDef.estate,
        def: microDef,
      });
    });
  }

  const exclusiveParts: Rect[] = [];
  for (const exclusive of def.exclusiveGrids) {
    const parts = exclusive.parts.map(({ grid, area }) => {
      const host = gridRects.get(grid);
      if (!host) throw new Error(`demo: ${exclusive.unitName} lies in grid ${grid}, which ${def.name} lacks`);
      return subRect(host, area);
    });
    exclusiveParts.push(...parts);
    grids.push({
      _id: demoIds.grid(def.key, exclusive.no),
      communityId,
      name: exclusiveGridName(exclusive.unitName),
      kind: 'exclusive',
      unitName: exclusive.unitName,
      boundary: boundaryOf(parts),
      sort: exclusive.no,
    });
    exclusiveMicroBoundaries(parts, exclusive.microGrids.length, exclusive.unitName).forEach((boundary, i) =>
      addMicroGrid(exclusive.no, i + 1, exclusive.unitName, boundary),
    );
  }

  const extent = boundingRect([...gridRects.values()]);
  const community: Community = {
    _id: communityId,
    name: def.name,
    city: def.city,
    district: def.district,
    street: def.street,
    center: {
      lat: Math.round(((extent.south + extent.north) / 2) * 1e6) / 1e6,
      lng: Math.round(((extent.west + extent.east) / 2) * 1e6) / 1e6,
    },
    config: { nearMissMetres: NEAR_MISS_METRES },
    secretaryUserId: null,
  };
  return { community, grids, microGrids, residential, exclusiveParts, extent };
}

function gridDoc(
  communityId: string,
  key: string,
  def: CommunityGridDef,
  name: string,
  boundary: Boundary,
): Grid {
  return {
    _id: demoIds.grid(key, def.no),
    communityId,
    name,
    kind: 'community',
    unitName: null,
    boundary,
    sort: def.no,
  };
}

/**
 * An exclusive grid's micro-grids: one part split evenly; several parts one each; or one micro-grid holding
 * every part (a MultiPolygon, like the two stretches of a shopping street).
 */
function exclusiveMicroBoundaries(parts: Rect[], count: number, unitName: string): Boundary[] {
  const [only] = parts;
  if (parts.length === 1 && only) return splitRect(only, count).map(polygon);
  if (count === parts.length) return parts.map(polygon);
  if (count === 1) return [boundaryOf(parts)];
  throw new Error(`demo: ${unitName} has ${parts.length} parts and ${count} micro-grids; cannot match them`);
}
