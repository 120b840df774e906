/**
 * Care visits 走访 (DESIGN §6b). Staff define care groups from household tags with a cadence; every household
 * of a group gets a due visit for its micro-grid's worker, kept as a document (assignee, state, dueAt) so that
 * the due list never scans households. A visit that met someone finishes it and arms the next one; "nobody
 * home" leaves it due. An event recorded for a household makes a visit due within 24 hours.
 */
import type {
  CareCadence,
  CareDueState,
  CareService,
  NoticeHouseholdTag,
  VisitOutcome,
} from '../../../typings/field';

export type { CareCadence, CareService };

export interface CareGroup {
  _id: string;
  communityId: string;
  name: string;
  tags: NoticeHouseholdTag[];
  cadence: CareCadence;
  /** Households given due visits when the group was saved. */
  households: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CareDue {
  _id: string;
  communityId: string;
  gridId: string;
  microGridId: string;
  householdId: string;
  placeText: string;
  /** Copied from the household: shown only to its worker, leader and staff. */
  tags: NoticeHouseholdTag[];
  /** The group it comes from; null for a visit after an event. */
  groupId: string | null;
  reason: string;
  /** The cadence the next visit is armed with; null: no next (an event's visit). */
  cadence: CareCadence | null;
  round: number;
  assigneeUserId: string | null;
  dueAt: string;
  state: CareDueState;
  attempts: number;
  lastOutcome: VisitOutcome | null;
  escalatedAt: string | null;
  escalatedToUserId: string | null;
  doneAt: string | null;
  version: number;
}

/** One visit as recorded; its id comes from the visitor and the client's request id (a resend is one visit). */
export interface CareVisit {
  _id: string;
  dueId: string;
  communityId: string;
  microGridId: string;
  householdId: string;
  placeText: string;
  userId: string;
  outcome: VisitOutcome;
  services: CareService[];
  note: string;
  photos: string[];
  at: string;
}

/** An event 事件 recorded for a household (a fall, a hospital stay): a visit is due within 24 hours. */
export interface CareEvent {
  _id: string;
  householdId: string;
  communityId: string;
  note: string;
  userId: string;
  at: string;
}

export const careIds = {
  due: (groupId: string, householdId: string, round: number) => `cdu_${groupId}_${householdId}_${round}`,
  eventDue: (eventId: string) => `cdu_${eventId}`,
  visit: (userId: string, clientRequestId: string) => `cvs_${userId}_${clientRequestId}`,
};
