/**
 * What routing answers (DESIGN §3): where a report goes, to whom, and the rule that decided, in words.
 * The tickets context consumes this; the routing context produces it.
 */
import type { LatLng } from '../../../typings/common';
import type { TicketCategory } from '../../../typings/ticket';

/**
 * fewestOpenTickets: the micro-grid's primary is off duty; noPrimary: it has none (its words must not claim
 * an absent primary, issue 13).
 */
export type AssignedBy =
  'primaryOnDuty' | 'fewestOpenTickets' | 'noPrimary' | 'leader' | 'secretary' | 'nobody';

/**
 * How the place was found: address, geofence, exclusiveGeofence, nearMiss; 'category' when the category alone
 * decided (a letter goes to the secretary wherever it was written); 'dutyQueue' when no place was found.
 */
export type RoutingRule =
  'address' | 'geofence' | 'exclusiveGeofence' | 'nearMiss' | 'category' | 'dutyQueue';

export interface RouteRequest {
  category: TicketCategory;
  /** The community the reporter belongs to, when known (narrows the address match, never the geofence). */
  communityId?: string;
  buildingId?: string;
  point?: LatLng;
}

export interface RouteDecision {
  rule: RoutingRule;
  /** e.g. "楼栋 3号楼 登记在 第二网格-2号微网格" */
  reason: string;
  communityId: string | null;
  gridId: string | null;
  microGridId: string | null;
  /** The user who gets the ticket; null means the community duty queue 值班台. */
  assigneeUserId: string | null;
  /** No one to give it to (a map without members, no secretary): it waits in the duty queue, place kept. */
  nobodyToAssign: boolean;
  /** Others told at once (gas: the grid leader as well as the worker). */
  alsoNotifyUserIds: string[];
  urgent: boolean;
  /** e.g. 第二网格-2号微网格; null when no micro-grid was found. */
  microGridLabel?: string | null;
  /** How the assignee was chosen inside the micro-grid, and in words. */
  assignedBy?: AssignedBy;
  assignmentReason?: string;
}
