/**
 * The `field` cloud function: work on foot (DESIGN §6b) — safety inspections 排查 with checklist templates,
 * care visits 走访 to households of special groups, and the work log 工作日志 assembled from what was done.
 */
import type { ActionDef, Id, IsoTime } from './common';
import type { NoticeHouseholdTag, VisitOutcome } from './notice';

export type { NoticeHouseholdTag, VisitOutcome };
import type { TicketCategory } from './ticket';

/** An answer to one checklist item: 合格 / 不合格 / 不适用. */
export type ItemResult = 'pass' | 'fail' | 'notApplicable';

export interface TemplateItem {
  /** Stable within the template: answers and raised tickets name it. */
  key: string;
  text: string;
  /** The ticket category a failed answer raises (飞线充电 → flyingWireCharging). */
  category: TicketCategory;
}

export interface InspectionTemplateView {
  templateId: Id;
  communityId: Id;
  name: string;
  items: TemplateItem[];
  version: number;
}

/** monthly: one round per calendar month; campaign: one round between two dates. */
export type InspectionCadence = { kind: 'monthly' } | { kind: 'campaign'; from: IsoTime; to: IsoTime };

/** due 待排查 → passed 已通过 | failed 有隐患 (tickets raised) → re-inspection → passed. */
export type InspectionTaskState = 'due' | 'failed' | 'passed';

/** The care cadence of a group: weekly for high risk, monthly, quarterly. */
export type CareCadence = 'weekly' | 'monthly' | 'quarterly';

/** 代缴 · 买药 · 养老认证 · 代办 · 其他. */
export type CareService = 'payment' | 'medicine' | 'pensionCertification' | 'errand' | 'other';

/** due 待走访 → done 已走访; nobody home keeps it due. */
export type CareDueState = 'due' | 'done';

export interface DueInspection {
  kind: 'inspection';
  taskId: Id;
  templateName: string;
  placeText: string;
  microGridId: Id;
  dueAt: IsoTime;
  state: InspectionTaskState;
  overdue: boolean;
}

export interface DueVisit {
  kind: 'visit';
  dueId: Id;
  householdId: Id;
  placeText: string;
  microGridId: Id;
  /** The group's name, or 事件回访 for a visit after an event. */
  reason: string;
  /** Sensitive: shown only to the household's worker, leader and staff (who alone receive this list). */
  tags: NoticeHouseholdTag[];
  dueAt: IsoTime;
  attempts: number;
  lastOutcome: VisitOutcome | null;
  overdue: boolean;
  escalated: boolean;
}

export interface DueList {
  inspections: DueInspection[];
  visits: DueVisit[];
}

export interface InspectionAnswer {
  itemKey: string;
  result: ItemResult;
  /** Required when the result is fail. */
  photoFileId?: string;
  note?: string;
}

export interface InspectionTaskView {
  taskId: Id;
  templateName: string;
  placeText: string;
  state: InspectionTaskState;
  dueAt: IsoTime;
  items: TemplateItem[];
  /** The last inspection's failed items with the tickets they raised (a re-inspection checks them again). */
  openFailures: Array<{ itemKey: string; ticketId: Id }>;
  version: number;
}

export interface InspectionResult {
  inspectionId: Id;
  taskId: Id;
  state: InspectionTaskState;
  /** The tickets the failed items raised, one per failed item. */
  tickets: Array<{ itemKey: string; ticketId: Id; microGridId: Id | null; assigneeName: string | null }>;
}

export interface MicroGridProgress {
  microGridId: Id;
  name: string;
  done: number;
  due: number;
  overdue: number;
  failed: number;
}

export interface CareGroupView {
  groupId: Id;
  communityId: Id;
  name: string;
  tags: NoticeHouseholdTag[];
  cadence: CareCadence;
  households: number;
  version: number;
}

/** What a work log entry records: tickets signed, progressed, resolved; inspections; visits; notices shared; notes. */
export type WorklogKind =
  | 'ticketAccepted'
  | 'ticketProgress'
  | 'ticketResolved'
  | 'inspection'
  | 'careVisit'
  | 'noticeVisit'
  | 'noticeShared'
  | 'note';

export interface WorklogEntry {
  at: IsoTime;
  kind: WorklogKind;
  /** In Chinese, for the page and the export. */
  text: string;
  /** The ticket, inspection, visit or notice it came from. */
  ref: Id | null;
}

export interface WorklogDay {
  /** YYYY-MM-DD, Asia/Shanghai. */
  date: string;
  entries: WorklogEntry[];
}

export interface Worklog {
  userId: Id;
  name: string;
  /** YYYY-MM. */
  month: string;
  days: WorklogDay[];
}

export interface ExportedFile {
  fileId: string;
  url: string;
  name: string;
}

export type FieldActions = {
  saveTemplate: ActionDef<
    { communityId: Id; templateId?: Id; name: string; items: TemplateItem[] },
    InspectionTemplateView
  >;
  templates: ActionDef<{ communityId: Id }, { items: InspectionTemplateView[] }>;
  planInspection: ActionDef<
    { communityId: Id; templateId: Id; microGridIds: Id[]; buildingIds: Id[]; cadence: InspectionCadence },
    { planId: Id; tasks: number }
  >;
  due: ActionDef<Record<string, never>, DueList>;
  inspectionTask: ActionDef<{ taskId: Id }, InspectionTaskView>;
  submitInspection: ActionDef<
    { taskId: Id; clientRequestId: string; answers: InspectionAnswer[] },
    InspectionResult
  >;
  progress: ActionDef<{ communityId: Id }, { month: string; items: MicroGridProgress[] }>;
  exportProgress: ActionDef<{ communityId: Id }, ExportedFile>;
  saveCareGroup: ActionDef<
    { communityId: Id; groupId?: Id; name: string; tags: NoticeHouseholdTag[]; cadence: CareCadence },
    CareGroupView
  >;
  careGroups: ActionDef<{ communityId: Id }, { items: CareGroupView[] }>;
  recordEvent: ActionDef<{ householdId: Id; note: string }, { dueId: Id; dueAt: IsoTime }>;
  recordCareVisit: ActionDef<
    {
      dueId: Id;
      clientRequestId: string;
      outcome: VisitOutcome;
      services: CareService[];
      note: string;
      photos: string[];
    },
    { dueId: Id; state: CareDueState; nextDueAt: IsoTime | null }
  >;
  worklog: ActionDef<{ userId?: Id; month: string }, Worklog>;
  addWorklogNote: ActionDef<{ date: string; text: string; clientRequestId: string }, WorklogEntry>;
  exportWorklog: ActionDef<{ userId: Id; month: string }, ExportedFile>;
};
