/**
 * A ticket 工单: a resident's report from submission to closing (DESIGN §4). The document holds the current
 * state and a `version` bumped by every change; the history lives in `ticketEvents`, one document per
 * version, so that the event of version n has a known id and two writers of the same version cannot both land.
 */
import type { TimeLimit } from '../../../typings/calendar';
import type { LatLng } from '../../../typings/common';
import type {
  EscalationLevel,
  ReporterContact,
  TicketCategory,
  TicketEventType,
  TicketPlace,
  TicketStatus,
} from '../../../typings/ticket';
import type { Role } from '../../../typings/user';
import type { TicketFigureFacts } from '../figures/facts-model';
import type { RoutingRule } from '../routing/decision';
import type { DeadlineRow } from './policy-model';

/** A co-handling party 协办单位 (物业, 供水公司, 街道…): recorded on the ticket, not a user. */
export interface CoHandler {
  name: string;
  request: string;
  at: string;
  /** The request awaits content review: shown only to the handlers. */
  held?: boolean;
}

/** Someone as they were when they acted: the timeline needs no user lookups and shows no phone. */
export interface PersonSnapshot {
  userId: string;
  name: string;
  /** The role they acted in: what behaviour reads (masking, which page a message opens). */
  role: Role;
  /** The role in words as it was then, for display (server/core/users/role-labels.ts). */
  roleLabel: string;
}

export interface Ticket {
  _id: string;
  /** The idempotency key of submission, with the reporter it belongs to (the id is derived from both). */
  clientRequestId: string;
  reporterUserId: string;
  reporterName: string;
  /**
   * The reporter's room and phone as they were at submission, for the assignee and staff only (views.ts
   * never copies it unasked; ticket-contacts.ts decides who sees it). A snapshot, like the assignee's name,
   * so that a change's reply needs no read of the reporter; absent on tickets older than it.
   */
  reporterContact?: ReporterContact;
  /** Residents who said "same problem" (关注); they hear every update the reporter hears. */
  followerUserIds: string[];
  category: TicketCategory;
  urgent: boolean;
  status: TicketStatus;
  /** False once closed, cancelled or rejected: the index behind "open tickets nearby" and the sweeps. */
  open: boolean;
  description: string;
  /** The content check answered "review": other residents do not see the text yet. */
  contentHeld: boolean;
  /** The content check gave no verdict at submission: held, and the scheduler asks again (recheck.ts). */
  contentUnchecked?: boolean;
  photos: string[];
  place: TicketPlace;
  placeText: string;
  location: LatLng | null;
  /** The building named by the place (household or building), for "nearby" when it has no location. */
  buildingId: string | null;
  /** The estate 小区 of that building: "nearby" offers open tickets of the same estate at any distance. */
  estateId?: string | null;
  /** The map cell of `location` (nearby-cells.ts): "nearby" reads the cells around a place, not a community. */
  cell?: string | null;

  communityId: string;
  gridId: string | null;
  microGridId: string | null;
  assignee: PersonSnapshot | null;
  /** Denormalised from `assignee` for queries (inbox, open counts). */
  assigneeUserId: string | null;
  routingRule: RoutingRule | 'manual';
  routingReason: string;
  /** Users who returned it (退回) as not theirs: they may read it but no longer act on it. */
  returnedByUserIds: string[];

  coHandlers: CoHandler[];
  /** `held`: the comment awaits content review, shown only to the rater and the handlers. */
  rating: { stars: number; comment: string; at: string; held?: boolean } | null;
  mergedIntoTicketId: string | null;

  /** Deadlines as instants (IsoTime, +08:00, so that they compare as text). */
  signForBy: string | null;
  resolveBy: string | null;
  /** When the sweep escalates next; null when no escalation is left or no deadline runs. */
  escalateAt: string | null;
  escalationLevel: EscalationLevel;
  escalatedAt: string | null;
  /** For a resolved ticket: when it closes by itself if the resident does not answer. */
  autoCloseAt: string | null;
  /** The community's policy as it applied at submission, kept so that later deadlines use the same. */
  deadlines: DeadlineRow;
  autoCloseDays: number;
  /** The pending extension 延期 request; absent on tickets from before extensions existed. */
  extensionRequest?: ExtensionRequest | null;
  /** Extensions granted so far. */
  extensions?: number;

  /** What its history says for the figures (figures/facts.ts); absent on tickets older than the figures. */
  figures?: TicketFigureFacts;

  createdAt: string;
  updatedAt: string;
  version: number;
}

/** An extension the assignee asked for, awaiting the grid leader. */
export interface ExtensionRequest {
  reason: string;
  limit: TimeLimit;
  by: PersonSnapshot;
  at: string;
}

export interface TicketEvent {
  /** `${ticketId}-${version}`: one event per version. */
  _id: string;
  ticketId: string;
  /** The ticket's version this event produced: the timeline's order. */
  seq: number;
  type: TicketEventType;
  at: string;
  /** Null for the system (escalation, auto-close). */
  actor: PersonSnapshot | null;
  note: string | null;
  /** The note's content check said "review": shown to handlers and its writer only. */
  noteHeld: boolean;
  photos: string[];
  party?: { name: string; request: string };
  /** For a signing or a resolution: the limit that ran then, which the figures judge it by. */
  limitAt?: string | null;
}
