/** The `ticket` cloud function: a resident's report (工单) from submission to closing (DESIGN §4). */
import type { TimeLimit } from './calendar';
import type { ActionDef, Id, IsoTime, LatLng } from './common';
import type {
  FigureDrift,
  FiguresRequest,
  FiguresView,
  StreetFiguresRequest,
  StreetFiguresView,
} from './figures';
import type { Role, WorkerContact } from './user';

/** Categories, grouped as the report page shows them. */
export type TicketCategory =
  // 安全隐患 safety hazards
  | 'flyingWireCharging' // 飞线充电
  | 'gasLeak' // 燃气
  | 'fireLane' // 消防通道
  | 'electricalSafety' // 用电安全
  // 市政设施 municipal facilities
  | 'sewerBlocked' // 下水井堵塞
  | 'waterSupply' // 供水
  | 'streetLight' // 路灯
  | 'roadDamage' // 道路破损
  // 环境卫生 sanitation
  | 'garbage' // 垃圾堆放
  | 'sanitation' // 环境卫生
  // 物业服务 property services
  | 'propertyService'
  // 邻里纠纷 neighbour disputes
  | 'neighborDispute'
  // 书记信箱 a letter to the community secretary
  | 'secretaryLetter'
  | 'other';

export type TicketCategoryGroup =
  'safety' | 'municipal' | 'sanitation' | 'property' | 'dispute' | 'letter' | 'other';

/**
 * submitted → assigned → accepted (签收) → processing → resolved (办结) → closed. Side paths: returned (退回),
 * cancelled, rejected (spam or merged duplicate). Reopening puts a resolved ticket back to processing.
 */
export type TicketStatus =
  | 'submitted'
  | 'assigned'
  | 'accepted'
  | 'processing'
  | 'resolved'
  | 'closed'
  | 'returned'
  | 'cancelled'
  | 'rejected';

export type TicketEventType =
  | 'submitted'
  | 'routed'
  | 'assigned'
  | 'accepted'
  | 'progress'
  | 'coHandling'
  | 'resolved'
  | 'confirmed'
  | 'reopened'
  | 'rated'
  | 'closed'
  | 'autoClosed'
  | 'returned'
  | 'reassigned'
  | 'cancelled'
  | 'rejected'
  | 'merged'
  | 'followed'
  | 'escalated'
  // 延期: the worker asks with a reason, the leader grants (extended) or refuses
  | 'extensionAsked'
  | 'extended'
  | 'extensionDenied';

/** Where the problem is: the bound household, a building (and unit/room), or a point picked on the map. */
export type TicketPlace =
  | { kind: 'household'; householdId: Id }
  | { kind: 'building'; buildingId: Id; unit?: string; room?: string; floor?: number }
  | { kind: 'point'; point: LatLng; addressText?: string };

/** The groups of a resident's 我的工单. */
export type MyTicketsScope = 'open' | 'toConfirm' | 'done' | 'all';

/** Escalation 督办 is a flag, not a state: 0 none, 1 grid leader, 2 secretary. */
export type EscalationLevel = 0 | 1 | 2;

/** A person as the timeline shows them: name and role, never a phone number. */
export interface PersonView {
  userId: Id;
  name: string;
  /** The role they act in; `roleLabel` is its words (the client may use miniprogram/labels/roles.ts). */
  role: Role;
  roleLabel: string;
}

export interface TicketEventView {
  eventId: Id;
  type: TicketEventType;
  at: IsoTime;
  actor: PersonView | null;
  note: string | null;
  photos: string[];
  /** For coHandling: the party (物业, 供水公司…) and what was asked of them. */
  party?: { name: string; request: string };
}

/** Which deadline runs: 签收 while nobody has signed, 办结 while in hand, none otherwise. */
export type DeadlineKind = 'signFor' | 'resolve';

export interface TicketSummary {
  ticketId: Id;
  category: TicketCategory;
  status: TicketStatus;
  urgent: boolean;
  /** Category and place in words, e.g. 飞线充电 · 六四一三小区 2号楼 1单元 7层: never the description. */
  title: string;
  /** Building and unit level: a room number is personal information and never shown here. */
  placeText: string;
  createdAt: IsoTime;
  updatedAt: IsoTime;
  /** The next deadline that applies (sign-for or resolve), or null when none runs. */
  deadlineAt: IsoTime | null;
  deadlineKind: DeadlineKind | null;
  overdue: boolean;
  escalationLevel: EscalationLevel;
  followers: number;
}

/** A letter in 书记信箱: its reader is the secretary alone, so the card may say what the letter says. */
export interface LetterSummary extends TicketSummary {
  /** The letter's first words (up to LETTER_EXCERPT characters, … when cut). */
  excerpt: string;
}

export interface TicketDetail extends TicketSummary {
  /** '（内容审核中）' for other residents while the content check said review (see contentHeld). */
  description: string;
  /** File ids (cloud:// in production: usable as <image src>). */
  photos: string[];
  /** The text check answered "review": handlers and the reporter see the text, other residents do not yet. */
  contentHeld: boolean;
  /** The resolved point (the building's location, or the point picked on the map), for a map. */
  location: LatLng | null;
  /** Who filed it: shown to the reporter and to handlers; null for followers. */
  reporter: PersonView | null;
  /** When an unanswered resolved ticket closes by itself. */
  autoCloseAt: IsoTime | null;
  /** Set on a duplicate merged into another ticket: the page links there. */
  mergedIntoTicketId: Id | null;
  communityId: Id | null;
  gridId: Id | null;
  microGridId: Id | null;
  assignee: PersonView | null;
  /** The routing rule that decided, in words (shown to staff and workers). */
  routingReason: string;
  coHandlers: Array<{ name: string; request: string; at: IsoTime }>;
  rating: { stars: number; comment: string } | null;
  events: TicketEventView[];
  version: number;
  /**
   * What the caller may do now, by role, ownership and state: the page shows only these buttons. Only
   * actions on this ticket appear (accept … merge, follow, rate); the lists (mine, inbox…) never do.
   */
  allowedActions: TicketActionName[];
  /** Set when the caller follows this ticket rather than having filed it. */
  following: boolean;
  /** When it is expected to be resolved: the resolve deadline (moved by an extension) while unfinished. */
  expectedBy: IsoTime | null;
  /** An extension 延期 the worker asked for, awaiting the leader; shown to handlers only. */
  extensionRequest: ExtensionRequestView | null;
  /** How many extensions were granted. */
  extensions: number;
  /**
   * The reporter's room and phone, for calling them or knocking on their door: the assignee and staff only
   * (personal information, 个人信息保护法); null for everyone else, followers above all.
   */
  reporterContact: ReporterContact | null;
  /** Whom the reporter may call about it: the assignee, else the micro-grid's primary worker; reporter only. */
  handlerContact: WorkerContact | null;
}

/** The reporter as the one sent to their door sees them. */
export interface ReporterContact {
  name: string;
  /** The place with the room, e.g. 六四一三小区 2号楼 1单元 701; null when the report names no room. */
  address: string | null;
  /** Null when the reporter left none. */
  phone: string | null;
}

export interface ExtensionRequestView {
  reason: string;
  limit: TimeLimit;
  /** e.g. 5个工作日 */
  limitText: string;
  by: PersonView;
  at: IsoTime;
}

export type InboxTab = 'toSign' | 'inProgress' | 'overdue' | 'done';

type Versioned = { ticketId: Id; version: number };

export type TicketActions = {
  submit: ActionDef<
    {
      clientRequestId: string;
      category: TicketCategory;
      description: string;
      photos: string[];
      place: TicketPlace;
    },
    TicketDetail
  >;
  /** Open tickets of the same category near the place: "同一个问题？关注它". */
  nearby: ActionDef<{ category: TicketCategory; place: TicketPlace }, TicketSummary[]>;
  /**
   * Only with a reason: the ticket is near the caller's home, or near `from` — the place they are reporting
   * from, as they asked `nearby` (a point or a building).
   */
  follow: ActionDef<{ ticketId: Id; from?: TicketPlace }, TicketDetail>;
  /**
   * toConfirm: resolved tickets the caller reported, waiting for their 确认; open: every other unfinished
   * one (a followed ticket that is resolved stays here: only its reporter confirms); done: finished.
   */
  mine: ActionDef<{ scope: MyTicketsScope }, TicketSummary[]>;
  get: ActionDef<{ ticketId: Id }, TicketDetail>;
  cancel: ActionDef<Versioned, TicketDetail>;
  confirm: ActionDef<Versioned, TicketDetail>;
  reopen: ActionDef<Versioned & { reason: string }, TicketDetail>;
  rate: ActionDef<{ ticketId: Id; stars: number; comment: string }, TicketDetail>;
  inbox: ActionDef<{ tab: InboxTab }, TicketSummary[]>;
  accept: ActionDef<Versioned, TicketDetail>;
  progress: ActionDef<Versioned & { note: string; photos: string[] }, TicketDetail>;
  coHandle: ActionDef<Versioned & { party: string; request: string }, TicketDetail>;
  resolve: ActionDef<Versioned & { note: string; photos: string[] }, TicketDetail>;
  return: ActionDef<Versioned & { reason: string }, TicketDetail>;
  reassign: ActionDef<Versioned & { assigneeUserId: Id; note?: string }, TicketDetail>;
  dutyQueue: ActionDef<{ communityId: Id }, TicketSummary[]>;
  routeManually: ActionDef<Versioned & { microGridId: Id; assigneeUserId?: Id; note?: string }, TicketDetail>;
  reject: ActionDef<Versioned & { reason: string }, TicketDetail>;
  merge: ActionDef<Versioned & { intoTicketId: Id }, TicketDetail>;
  letters: ActionDef<{ communityId: Id }, LetterSummary[]>;
  /** 申请延期: the assignee asks for more time to resolve, with a reason. */
  askExtension: ActionDef<Versioned & { reason: string; limit: TimeLimit }, TicketDetail>;
  /** The grid leader (or staff) grants it, with the asked limit or another within the policy's maximum. */
  approveExtension: ActionDef<Versioned & { limit?: TimeLimit; note?: string }, TicketDetail>;
  denyExtension: ActionDef<Versioned & { reason: string }, TicketDetail>;
  /** Whom a leader or staff member may reassign the ticket to: the workers and the leader of its grid. */
  assignees: ActionDef<{ ticketId: Id }, PersonView[]>;
  /** 统计: staff (their community), a leader (their grid); counters only, never a scan of tickets. */
  figures: ActionDef<FiguresRequest, FiguresView>;
  /** The same figures as an Excel workbook, a sheet per breakdown. */
  exportFigures: ActionDef<FiguresRequest, { fileId: string; url: string; name: string }>;
  /** 街道考核: the street office's communities ranked by a rate; counters only, as `figures`. */
  streetFigures: ActionDef<StreetFiguresRequest, StreetFiguresView>;
  /** Staff: recompute a month's figures from the ticket events; reports drift and repairs it. */
  reconcileFigures: ActionDef<{ communityId: Id; month: string }, FiguresReconcileReport>;
};

export interface FiguresReconcileReport {
  tickets: number;
  drift: FigureDrift[];
}

export type TicketActionName = keyof TicketActions;
