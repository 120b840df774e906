/**
 * The shapes of a community's ticket policy, apart from the defaults and the loading in policy.ts: the
 * `ticketPolicies` collection and the tickets that copy a deadline row need the types, not the store code.
 */
import type { TicketCategory, TicketCategoryGroup } from '../../../typings/ticket';

/** Sign-for 签收 and resolve 办结 limits in hours. A row applies when every criterion it names matches. */
export interface DeadlineRow {
  category?: TicketCategory;
  group?: TicketCategoryGroup;
  urgent?: boolean;
  signForHours: number;
  resolveHours: number;
}

export interface TicketPolicy {
  /** First matching row wins; keep a last row with no criteria as the catch-all. */
  deadlines: DeadlineRow[];
  /** Submissions per user per rolling hour. */
  submitsPerHour: number;
  /** A resolved ticket the resident does not answer closes after this many days. */
  autoCloseDays: number;
  /** Open tickets of the same category within this radius are offered as "same problem". */
  nearbyMetres: number;
}

/** A community's overrides: the `ticketPolicies` collection, _id = community id. */
export interface TicketPolicyDoc extends Partial<TicketPolicy> {
  _id: string;
}
