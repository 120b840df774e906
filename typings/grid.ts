/** The `grid` cloud function: the grid map, "where does this go?", imports and exports, the member roster. */
import type { ActionDef, Id, IsoTime, LatLng } from './common';
import type { TicketCategory } from './ticket';

/** community 社区网格 · exclusive 专属网格 (one unit: a school, a market…). */
export type GridKindName = 'community' | 'exclusive';
/** How the place was found (DESIGN §3); 'category': the category alone decided; 'dutyQueue': no place. */
export type RoutingRuleName =
  'address' | 'geofence' | 'exclusiveGeofence' | 'nearMiss' | 'category' | 'dutyQueue';
/** GeoJSON in GCJ-02, [lng, lat] order. */
export type GeoBoundary =
  { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
/** 1+4+X duties: 网格长 leader, 网格员 worker, 民警 police, 物业 property, 志愿者 volunteer, 其他 other. */
export type MemberDutyName = 'leader' | 'worker' | 'police' | 'property' | 'volunteer' | 'other';

export interface PersonRef {
  userId: Id;
  name: string;
}

export interface RouteAnswer {
  rule: RoutingRuleName;
  /** e.g. "坐标位于专属网格 海亮实验学校，专属网格优先" */
  reason: string;
  communityId: Id | null;
  grid: { gridId: Id; name: string } | null;
  microGrid: { microGridId: Id; label: string } | null;
  /** null: the community duty queue 值班台. */
  assignee: PersonRef | null;
  /** Nobody to assign (no member there, no secretary): the report waits in the duty queue, place kept. */
  nobodyToAssign: boolean;
  alsoNotify: PersonRef[];
  urgent: boolean;
  assignmentReason: string;
}

export interface GridView {
  gridId: Id;
  name: string;
  kind: GridKindName;
  unitName: string | null;
  sort: number;
  boundary: GeoBoundary | null;
}

export interface MicroGridView {
  microGridId: Id;
  gridId: Id;
  name: string;
  /** 第二网格-2号微网格 */
  label: string;
  sort: number;
  boundary: GeoBoundary | null;
}

export interface GridMapView {
  communityId: Id;
  name: string;
  center: LatLng;
  nearMissMetres: number;
  grids: GridView[];
  microGrids: MicroGridView[];
}

/** The ledger 台账 tables a community keeps in spreadsheets. */
export type LedgerKind = 'buildings' | 'households' | 'members';
export type TableFormat = 'csv' | 'xlsx';

/**
 * Where an imported file's content comes from: `fileId` of a file the client uploaded first (the only way for
 * .xlsx and anything near CloudBase's 100 KB request limit), or `text` inline for a small CSV or GeoJSON.
 */
export interface ImportSource {
  fileId?: Id;
  text?: string;
}

export interface ImportSummary {
  kind: LedgerKind | 'boundaries';
  created: number;
  updated: number;
  unchanged: number;
  /**
   * Members ledger: people in the file who have never logged in, invited to claim their place (codes shown
   * once; someone already invited for the same place is not invited again).
   */
  invites?: NewInvite[];
}

/** The details of an IMPORT.INVALID error: every bad row (or feature) and why. Row 1 is the header row. */
export interface ImportProblems {
  rows: Array<{ row: number; reasons: string[] }>;
}

export interface ExportResult {
  fileId: Id;
  fileName: string;
  /** The content itself for a small CSV or GeoJSON; null for .xlsx or large files (fetch by fileId). */
  text: string | null;
}

export interface MemberView {
  memberId: Id;
  userId: Id;
  name: string;
  /** 138****1234; null when unknown. */
  phone: string | null;
  duty: MemberDutyName;
  gridId: Id;
  microGridId: Id | null;
  primary: boolean;
  onDuty: boolean;
}

export interface RosterView {
  communityId: Id;
  secretary: PersonRef | null;
  grids: Array<{
    gridId: Id;
    name: string;
    kind: GridKindName;
    leaders: MemberView[];
    /** The "4+X" beside leader and workers: police, property, volunteers, others. */
    force: MemberView[];
    microGrids: Array<{ microGridId: Id; label: string; workers: MemberView[] }>;
  }>;
  /** People invited who have not claimed their place yet. */
  invites: InviteView[];
}

/**
 * An invite for someone who has never logged in: to the roster (a duty in a grid or micro-grid) or to a
 * community role (staff, secretary). They claim it with its code on first login.
 */
export interface InviteView {
  inviteId: Id;
  name: string;
  /** 138****1234; null when not given. */
  phone: string | null;
  duty: MemberDutyName | null;
  role: 'staff' | 'secretary' | null;
  gridId: Id | null;
  microGridId: Id | null;
  primary: boolean;
  createdAt: IsoTime;
}

/** A new invite with its code: shown once, to be handed to the person (the server keeps only a hash). */
export interface NewInvite extends InviteView {
  /** e.g. k7qm-2xvd-9fha */
  code: string;
}

export type GridActions = {
  /** Staff: where would a report go, and why. */
  route: ActionDef<
    { communityId: Id; category: TicketCategory; point?: LatLng; buildingId?: Id },
    RouteAnswer
  >;
  map: ActionDef<{ communityId: Id }, GridMapView>;
  importBoundaries: ActionDef<{ communityId: Id } & ImportSource, ImportSummary>;
  importLedger: ActionDef<
    { communityId: Id; kind: LedgerKind; format: TableFormat } & ImportSource,
    ImportSummary
  >;
  export: ActionDef<{ communityId: Id; kind: LedgerKind | 'boundaries'; format?: TableFormat }, ExportResult>;
  members: ActionDef<{ communityId: Id }, RosterView>;
  /** Adds or changes a member; `primary` on a worker makes them the micro-grid's one primary. */
  setMember: ActionDef<
    {
      communityId: Id;
      gridId: Id;
      microGridId?: Id | null;
      userId: Id;
      duty: MemberDutyName;
      primary?: boolean;
      onDuty?: boolean;
    },
    RosterView
  >;
  setOnDuty: ActionDef<{ communityId: Id; memberId: Id; onDuty: boolean }, RosterView>;
  removeMember: ActionDef<{ communityId: Id; memberId: Id }, RosterView>;
  /** Who receives 书记信箱 letters; the user must hold the secretary role here. */
  setSecretary: ActionDef<{ communityId: Id; userId: Id }, RosterView>;
  /** Staff invite a person to the roster (duty) or to a community role (role), by name and phone. */
  invite: ActionDef<
    {
      communityId: Id;
      name: string;
      phone?: string;
      duty?: MemberDutyName;
      role?: 'staff' | 'secretary';
      gridId?: Id;
      microGridId?: Id;
      primary?: boolean;
    },
    NewInvite
  >;
  revokeInvite: ActionDef<{ communityId: Id; inviteId: Id }, RosterView>;
};
