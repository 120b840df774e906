/** The `grid` cloud function: the grid map, "where does this go?", imports and exports, the member roster. */
import type { CalendarView, HolidayYear, TimeLimit, WorkPeriod } from './calendar';
import type { ActionDef, Id, IsoTime, LatLng } from './common';
import type { TicketCategory, TicketCategoryGroup } from './ticket';

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
  /** The 15-digit unit-grid code (GB/T 30428.1), when the community has codes. */
  code?: string | null;
}

export interface MicroGridView {
  microGridId: Id;
  gridId: Id;
  name: string;
  /** 第二网格-2号微网格 */
  label: string;
  sort: number;
  boundary: GeoBoundary | null;
  code?: string | null;
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
  /** A dry run's answer: the counts say what applying the file would do; nothing was written. */
  dryRun?: true;
  /** Members ledger, dry run: people in the file who have never logged in, to be invited when applied. */
  toInvite?: number;
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

export type GridActions = StreetActions & {
  /** Staff: where would a report go, and why. */
  route: ActionDef<
    { communityId: Id; category: TicketCategory; point?: LatLng; buildingId?: Id },
    RouteAnswer
  >;
  map: ActionDef<{ communityId: Id }, GridMapView>;
  /** Adds to and updates the map; coordinates WGS84 unless `coordinateSystem` (or the file) says gcj02. */
  importBoundaries: ActionDef<
    { communityId: Id; coordinateSystem?: CoordinateSystemName } & ImportSource,
    ImportSummary
  >;
  /** `dryRun`: validate and count what would be created, updated and left as is, writing nothing (the preview). */
  importLedger: ActionDef<
    { communityId: Id; kind: LedgerKind; format: TableFormat; dryRun?: boolean } & ImportSource,
    ImportSummary
  >;
  /** Boundaries export as RFC 7946 GeoJSON in WGS84; `coordinateSystem: 'gcj02'` gives the stored original. */
  export: ActionDef<
    {
      communityId: Id;
      kind: LedgerKind | 'boundaries';
      format?: TableFormat;
      coordinateSystem?: CoordinateSystemName;
    },
    ExportResult
  >;
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
  /** The community's deadline table: limits per category, group and urgency, and the extension maximum. */
  deadlines: ActionDef<{ communityId: Id }, DeadlinePolicyView>;
  /** Replaces the table; safety hazards must stay in calendar hours. */
  setDeadlines: ActionDef<
    { communityId: Id; rules: DeadlineRule[]; extensionMax?: TimeLimit },
    DeadlinePolicyView
  >;
  /** The community's working time: periods of a day and every holiday year it knows. */
  calendar: ActionDef<{ communityId: Id }, CalendarView>;
  setWorkingHours: ActionDef<{ communityId: Id; periods: WorkPeriod[] }, CalendarView>;
  /** One year's statutory holidays and 调休 workdays as lists; replaces the built-in year. */
  importHolidays: ActionDef<{ communityId: Id } & HolidayYear, CalendarView>;
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

/** One grid or micro-grid a map replacement touches. */
export interface MapPlanItem {
  level: 'grid' | 'microGrid';
  id: Id;
  /** 第二网格 or 第二网格-2号微网格 */
  label: string;
  code: string | null;
  /** For a retirement that cannot happen yet: what still sits there (楼栋 or members). */
  blockedBy?: string;
}

/** What replacing a community's map creates, updates and retires; `applied` false for a dry run. */
export interface MapReplacePlan {
  applied: boolean;
  create: MapPlanItem[];
  update: MapPlanItem[];
  retire: MapPlanItem[];
  unchanged: number;
}

/** A community of the street office, with the counts it is ranked by (the figures add the rates). */
export interface StreetCommunityRow {
  communityId: Id;
  name: string;
  communityCode: string | null;
  /** 1 = best: most of its tickets closed, then fewest escalated. */
  rank: number;
  received: number;
  open: number;
  closed: number;
  escalated: number;
}

export interface StreetView {
  streetId: Id;
  name: string;
  district: string;
  /** The first 9 digits of its unit-grid codes: 6-digit area + 3-digit street. */
  codePrefix: string;
  communities: StreetCommunityRow[];
}

/** An officer of a street office (街道工作人员). */
export interface OfficerView {
  userId: Id;
  name: string;
  /** 138****1234; null when not known. */
  phone: string | null;
  /** The caller themself. */
  self: boolean;
}

/** An invite to a street office not yet claimed. */
export interface OfficerInviteView {
  inviteId: Id;
  name: string;
  /** 138****1234; null when not given. */
  phone: string | null;
  createdAt: IsoTime;
}

/** A new invite with its code: shown once, to be handed to the person (the server keeps only a hash). */
export interface NewOfficerInvite extends OfficerInviteView {
  /** e.g. k7qm-2xvd-9fha, the same kind of code as a community invite's, claimed by `user.claimInvite`. */
  code: string;
}

/** A street office's officers (never none) and its open invites. */
export interface OfficeView {
  streetId: Id;
  name: string;
  officers: OfficerView[];
  invites: OfficerInviteView[];
}

export type StreetActions = {
  /** The street office's officers and open invites. */
  officers: ActionDef<{ streetId?: Id }, OfficeView>;
  /** Invites a colleague to the office by name (and phone); they claim the code at login. */
  inviteOfficer: ActionDef<{ streetId?: Id; name: string; phone?: string }, NewOfficerInvite>;
  revokeOfficerInvite: ActionDef<{ streetId?: Id; inviteId: Id }, OfficeView>;
  /** Takes an officer off the office; the last one cannot be removed (STREET.LAST_OFFICER). */
  removeOfficer: ActionDef<{ streetId?: Id; userId: Id }, OfficeView>;
  /** The street office's communities, ranked. */
  street: ActionDef<{ streetId?: Id }, StreetView>;
  /** A new community of the street; its map is then imported (replaceMap) or added (importBoundaries). */
  createCommunity: ActionDef<
    { streetId?: Id; name: string; communityCode: string; center: LatLng },
    StreetView
  >;
  /** Replaces the community's map with the file: dry run first shows what it would create, update and retire. */
  replaceMap: ActionDef<
    { communityId: Id; dryRun: boolean; coordinateSystem?: CoordinateSystemName } & ImportSource,
    MapReplacePlan
  >;
  /** Retires a grid or micro-grid whose buildings and members have moved; its tickets keep their history. */
  retire: ActionDef<{ communityId: Id; gridId?: Id; microGridId?: Id }, GridMapView>;
};

/** RFC 7946 GeoJSON is WGS84; stored boundaries and wx.getLocation are GCJ-02. */
export type CoordinateSystemName = 'wgs84' | 'gcj02';

/** One row of a community's deadline table: the criteria it matches and its two limits. */
export interface DeadlineRule {
  category?: TicketCategory;
  group?: TicketCategoryGroup;
  urgent?: boolean;
  /** 签收 sign-for */
  signFor: TimeLimit;
  /** 办结 resolve */
  resolve: TimeLimit;
}

export interface DeadlinePolicyView {
  communityId: Id;
  /** First match wins; the last row has no criteria (the catch-all). */
  rules: DeadlineRule[];
  extensionMax: TimeLimit;
}
