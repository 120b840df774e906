/**
 * Safety inspections 排查 (DESIGN §6b). Staff write checklist templates; a plan assigns a template to
 * micro-grids or buildings with a cadence; each building of the plan gets one task per round — the due item a
 * worker sees, kept as a document with its assignee and due time so that the due list is one indexed read
 * however many households the community has. An inspection is one walk of a task; each failed item raises a
 * ticket linked to it, and the re-inspection closes the loop.
 */
import type {
  InspectionAnswer,
  InspectionCadence,
  InspectionTaskState,
  TemplateItem,
} from '../../../typings/field';

export interface InspectionTemplate {
  _id: string;
  communityId: string;
  name: string;
  items: TemplateItem[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface InspectionPlan {
  _id: string;
  communityId: string;
  templateId: string;
  cadence: InspectionCadence;
  buildingIds: string[];
  createdBy: string;
  createdAt: string;
}

/** One building's round of a plan: 'YYYY-MM' for a monthly plan, 'campaign' for a campaign. */
export interface InspectionTask {
  _id: string;
  planId: string;
  templateId: string;
  communityId: string;
  gridId: string;
  microGridId: string;
  buildingId: string;
  placeText: string;
  round: string;
  assigneeUserId: string | null;
  dueAt: string;
  state: InspectionTaskState;
  /** The failed items of the last inspection and the tickets they raised. */
  openFailures: Array<{ itemKey: string; ticketId: string }>;
  lastInspectionId: string | null;
  doneAt: string | null;
  updatedAt: string;
  version: number;
}

export interface InspectionAnswerRecord extends InspectionAnswer {
  /** The ticket this failed answer raised. */
  ticketId: string | null;
}

/** One walk: its id comes from the inspector and the client's request id, so a resent draft is one walk. */
export interface Inspection {
  _id: string;
  taskId: string;
  clientRequestId: string;
  communityId: string;
  microGridId: string;
  buildingId: string;
  placeText: string;
  templateName: string;
  inspectorUserId: string;
  at: string;
  answers: InspectionAnswerRecord[];
  outcome: Exclude<InspectionTaskState, 'due'>;
  /** It followed a failed inspection of the same task. */
  reinspection: boolean;
}

export const inspectionIds = {
  task: (planId: string, buildingId: string, round: string) => `ist_${planId}_${buildingId}_${round}`,
  inspection: (userId: string, clientRequestId: string) => `ins_${userId}_${clientRequestId}`,
  /** The ticket a failed item raises: one per inspection and item, whatever the retries. */
  ticketRequest: (inspectionId: string, itemKey: string) => `${inspectionId}_${itemKey}`.slice(-64),
};
