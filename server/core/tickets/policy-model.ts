/**
 * The shapes of a community's ticket policy, apart from the defaults and the loading in policy.ts: the
 * `ticketPolicies` collection and the tickets that copy a deadline row need the types, not the store code.
 */
import type { TimeLimit } from '../../../typings/calendar';
import type { TicketCategory, TicketCategoryGroup } from '../../../typings/ticket';

/** Sign-for 签收 and resolve 办结 limits in hours. A row applies when every criterion it names matches. */
export interface DeadlineRow {
  category?: TicketCategory;
  group?: TicketCategoryGroup;
  urgent?: boolean;
  signForHours: number;
  resolveHours: number;
  /**
   * Limits in working time (calendar/working-time.ts) that replace the hours above for the deadline itself;
   * the hours stay the calendar fallback (and the leader's turn after an escalation). Safety hazards ignore
   * them: they stay in calendar hours (policy.ts).
   */
  signForLimit?: TimeLimit;
  resolveLimit?: TimeLimit;
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
  /** The most an extension 延期 may add to a resolve deadline (default 10 working days). */
  extensionMax?: TimeLimit;
}

/** A community's overrides: the `ticketPolicies` collection, _id = community id. */
export interface TicketPolicyDoc extends Partial<TicketPolicy> {
  _id: string;
}
