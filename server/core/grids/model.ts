/**
 * The grid map (DESIGN §2). Community 社区 → grid 网格 → micro-grid 微网格. Estates 小区 hold buildings 楼栋;
 * households 户 sit in buildings, and each building is registered to exactly one micro-grid.
 * Coordinates are GCJ-02; GeoJSON order is [lng, lat].
 */
import type { LatLng } from '../../../typings/common';

export type Position = [lng: number, lat: number];
/** Outer ring first, then holes; each ring closed (first position repeated last). */
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export type Boundary = PolygonGeometry | MultiPolygonGeometry;

/** How long a ticket may wait, per category and urgency; see the tickets context. */
export interface CommunityConfig {
  /** Near-miss tolerance for routing a point outside every polygon, in metres. */
  nearMissMetres: number;
}

/**
 * The grid map's version: one document (_id GRID_MAP_VERSION_ID in routing/index-cache.ts), bumped by every
 * write to boundaries, so that warm routing indexes in other function instances know to rebuild.
 */
export interface GridMapVersion {
  _id: string;
  version: number;
  updatedAt: string;
}

export interface Community {
  _id: string;
  name: string;
  city: string;
  district: string;
  street: string;
  center: LatLng;
  config: CommunityConfig;
  /** Who receives 书记信箱 letters (a user holding the secretary role here); unset → the duty queue. */
  secretaryUserId?: string | null;
  /** The street office 街道 that owns the community (server/core/street); unset for a community of none. */
  streetId?: string | null;
  /** 3-digit community code within the street: digits 10–12 of its unit-grid codes (GB/T 30428.1). */
  communityCode?: string | null;
}

/** community 社区网格 covers residential areas; exclusive 专属网格 covers one unit (school, market…). */
export type GridKind = 'community' | 'exclusive';

export interface Grid {
  _id: string;
  communityId: string;
  name: string;
  kind: GridKind;
  /** For an exclusive grid: the unit it covers, e.g. 海亮实验学校. */
  unitName: string | null;
  boundary: Boundary | null;
  sort: number;
  /** The 15-digit unit-grid code of GB/T 30428.1 (area 6 + street 3 + community 3 + sequence 3). */
  code?: string | null;
  /** Retired 已撤销: kept for the tickets' history, no longer routed to or shown on the map. */
  retiredAt?: string | null;
}

export interface MicroGrid {
  _id: string;
  communityId: string;
  gridId: string;
  name: string;
  boundary: Boundary | null;
  sort: number;
  /** The 15-digit unit-grid code of GB/T 30428.1 (area 6 + street 3 + community 3 + sequence 3). */
  code?: string | null;
  /** Retired 已撤销: kept for the tickets' history, no longer routed to or shown on the map. */
  retiredAt?: string | null;
}

/** 小区 */
export interface Estate {
  _id: string;
  communityId: string;
  name: string;
}

/** 楼栋: registered to exactly one micro-grid. */
export interface Building {
  _id: string;
  communityId: string;
  estateId: string;
  name: string;
  gridId: string;
  microGridId: string;
  location: LatLng | null;
  floors: number | null;
}

/** Ledger tags that notices can target: 老年人, 残疾人, 留守儿童, 困难家庭. */
export type HouseholdTag = 'elderly' | 'disabled' | 'leftBehindChild' | 'hardship';

/** 户 */
export interface Household {
  _id: string;
  communityId: string;
  gridId: string;
  microGridId: string;
  buildingId: string;
  unit: string;
  room: string;
  tags: HouseholdTag[];
}

/**
 * The "1+4+X" force: leader + worker, police officer, property manager, … + volunteers. A leader sits on a
 * grid (microGridId null); a worker on a micro-grid, one of them primary.
 */
export type MemberDuty = 'leader' | 'worker' | 'police' | 'property' | 'volunteer' | 'other';

export interface Member {
  _id: string;
  communityId: string;
  gridId: string;
  microGridId: string | null;
  userId: string;
  duty: MemberDuty;
  primary: boolean;
  onDuty: boolean;
}
