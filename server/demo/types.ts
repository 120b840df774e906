/**
 * The shape of the demo world's definition (definition.ts) and of what the generator makes of it. The
 * definition speaks in places and names; ids, polygons and households are derived, so it stays readable.
 */
import type { LatLng } from '../../typings/common';
import type {
  Building,
  Community,
  Estate,
  Grid,
  HouseholdTag,
  Household,
  Member,
  MemberDuty,
  MicroGrid,
} from '../core/grids/model';
import type { User } from '../core/users/model';
import type { Street } from '../core/street/model';

/** A rectangle inside a host rectangle, as fractions of its width and height: west, south, east, north. */
export type Area = [x0: number, y0: number, x1: number, y1: number];
/** A point inside a rectangle, as fractions of its width (west→east) and height (south→north). */
export type At = [x: number, y: number];

/** 小区; `key` is ASCII (pinyin) and goes into ids. */
export interface EstateDef {
  key: string;
  name: string;
}

/** 楼栋 given explicitly (the seed cases); other buildings are generated. */
export interface BuildingDef {
  /** 3 → 3号楼 */
  no: number;
  floors: number;
  units: number;
  at: At;
  /** How many households to generate; default 6–12. */
  households?: number;
}

export interface MicroGridDef {
  /** Worker names; the first is the primary worker, on duty. */
  workers: string[];
  /** Estate key its buildings belong to; default the grid's estate. */
  estate?: string;
  /** Explicit buildings, or how many to generate; default 2–4. */
  buildings?: BuildingDef[] | number;
}

/** A "1+4+X" member beside leader and workers: police officer, property manager, volunteer… */
export interface ExtraDef {
  duty: Exclude<MemberDuty, 'leader' | 'worker'>;
  name: string;
  /** 1-based micro-grid of the grid; unset → the whole grid. */
  microGrid?: number;
}

/** 社区网格: one cell of the community's lattice. */
export interface CommunityGridDef {
  /** 2 → 第二网格, id …_02 */
  no: number;
  /** Column (west→east) and row (south→north) of the lattice, 0-based. */
  cell: [col: number, row: number];
  leader: string;
  estate: string;
  /** Micro-grids numbered north to south, then west to east. */
  microGrids: MicroGridDef[];
  extras?: ExtraDef[];
}

/** 专属网格: one unit, lying over community grids (routing lets it win there). */
export interface ExclusiveGridDef {
  no: number;
  unitName: string;
  leader: string;
  /** One part → Polygon; several → MultiPolygon. Each part is an area of a community grid (by `no`). */
  parts: Array<{ grid: number; area: Area }>;
  /** Exclusive units hold no households: micro-grids carry only workers. */
  microGrids: Array<{ workers: string[] }>;
  extras?: ExtraDef[];
}

/** Where a resident lives: estate key, building number, unit number, room. */
export interface HomeRef {
  estate: string;
  building: number;
  unit: number;
  room: string;
}

export interface ResidentDef {
  name: string;
  /** An openid of a worker or leader defined above makes that person a resident too. */
  openid: string;
  home: HomeRef;
  /** Ledger tags of the household (merged with generated ones). */
  tags?: HouseholdTag[];
}

export interface CommunityDef {
  /** ASCII (pinyin), goes into ids and openids. */
  key: string;
  name: string;
  city: string;
  district: string;
  street: string;
  /** South-west corner of the lattice, GCJ-02. */
  origin: LatLng;
  /** Lattice column widths (west→east) and row heights (south→north), in metres. */
  columns: number[];
  rows: number[];
  estates: EstateDef[];
  grids: CommunityGridDef[];
  exclusiveGrids: ExclusiveGridDef[];
  /** Staff names; the first gets openid dev-staff-<key>, the next dev-staff-<key>-2… */
  staff: string[];
  secretary: string;
  residents: ResidentDef[];
}

/** Every document of the demo world, typed as the collections hold them. */
export interface DemoData {
  communities: Community[];
  grids: Grid[];
  microGrids: MicroGrid[];
  estates: Estate[];
  buildings: Building[];
  households: Household[];
  members: Member[];
  users: User[];
  streets: Street[];
}

/** A street office 街道 and the demo communities (by key) it owns, in code order. */
export interface StreetDef {
  key: string;
  name: string;
  district: string;
  /** GB/T 2260 district code, 6 digits. */
  areaCode: string;
  /** 3 digits. */
  streetCode: string;
  /** The street officer's name; their openid is dev-street-<key>. */
  officer: string;
  communities: string[];
}
