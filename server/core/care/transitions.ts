/**
 * A due care visit's states as one table, like the tickets' (tickets/transitions.ts). A visit that met someone
 * (in person, by phone) finishes it; "nobody home" is an attempt and leaves it due; an overdue visit is
 * escalated once to the grid's leader (a flag, as on tickets, not a state).
 */
import type { CareDueState, VisitOutcome } from '../../../typings/field';
import { AppError } from '../errors';
import type { CareDue } from './model';

export type CareTransition = 'visit' | 'attempt' | 'escalate';

// prettier-ignore
export const careTransitions: Record<CareTransition, { from: readonly CareDueState[]; to: CareDueState | 'same' }> = {
  visit:    { from: ['due'], to: 'done' },
  attempt:  { from: ['due'], to: 'same' },
  escalate: { from: ['due'], to: 'same' },
};

/** What an outcome does: nobody home is not a visit done. */
export function transitionForOutcome(outcome: VisitOutcome): CareTransition {
  return outcome === 'nobodyHome' ? 'attempt' : 'visit';
}

/** Conditions beyond state: escalate once. */
function guardHolds(name: CareTransition, due: CareDue): boolean {
  return name === 'escalate' ? due.escalatedAt === null : true;
}

export function permitsCare(name: CareTransition, due: CareDue): boolean {
  return careTransitions[name].from.includes(due.state) && guardHolds(name, due);
}

/** The state after the transition; FIELD.INVALID_STATE when the visit is no longer due. */
export function authorizeCare(name: CareTransition, due: CareDue): CareDueState {
  if (!permitsCare(name, due)) throw new AppError('FIELD.INVALID_STATE');
  const to = careTransitions[name].to;
  return to === 'same' ? due.state : to;
}
