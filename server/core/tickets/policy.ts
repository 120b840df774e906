/**
 * A community's ticket policy: deadlines per category and urgency, the submission rate limit, auto-close and
 * the radius of "same problem nearby". The defaults below are the readable table; a community overrides any
 * part with one `ticketPolicies` document whose _id is the community's id.
 */
import type { TimeLimit } from '../../../typings/calendar';
import type { TicketCategory } from '../../../typings/ticket';
import type { Store } from '../ports/store';
import { categoryTable } from './categories';
import type { DeadlineRow, TicketPolicy, TicketPolicyDoc } from './policy-model';

export type { DeadlineRow, TicketPolicy, TicketPolicyDoc };

// prettier-ignore
export const defaultTicketPolicy: TicketPolicy = {
  deadlines: [
    //                              签收 sign-for      办结 resolve
    { group: 'safety',              signForHours: 2,  resolveHours: 4 },
    { urgent: true,                 signForHours: 1,  resolveHours: 24 },
    {                               signForHours: 2,  resolveHours: 72 },
  ],
  submitsPerHour: 10,
  autoCloseDays: 7,
  nearbyMetres: 100,
};

/** The policy in force for a community: its overrides over the defaults. */
export async function loadTicketPolicy(store: Store, communityId: string | null): Promise<TicketPolicy> {
  const doc = communityId ? await store.get('ticketPolicies', communityId) : null;
  if (!doc) return defaultTicketPolicy;
  const { _id: _omit, ...overrides } = doc;
  return { ...defaultTicketPolicy, ...overrides };
}

/** The deadline row for a report of this category and urgency. */
export function deadlineRowFor(policy: TicketPolicy, category: TicketCategory, urgent: boolean): DeadlineRow {
  const group = categoryTable[category].group;
  const row = policy.deadlines.find(
    (r) =>
      (r.category === undefined || r.category === category) &&
      (r.group === undefined || r.group === group) &&
      (r.urgent === undefined || r.urgent === urgent),
  );
  const found = row ?? defaultTicketPolicy.deadlines[defaultTicketPolicy.deadlines.length - 1]!;
  if (group !== 'safety') return found;
  // Safety hazards stay in calendar hours: a gas leak does not wait for Monday.
  const { signForLimit: _s, resolveLimit: _r, ...calendarHours } = found;
  return calendarHours;
}

/** The most an extension may add: the community's, else 10 working days. */
export function extensionMaxOf(policy: TicketPolicy): TimeLimit {
  return policy.extensionMax ?? { amount: 10, unit: 'workingDays' };
}
