/** When the next care visit is due: a week, a month or a quarter after the last one; 24 hours after an event. */
import type { CareCadence } from '../../../typings/field';
import { shanghai, toIso } from '../time/shanghai';

export const EVENT_VISIT_HOURS = 24;

export function dueAfter(cadence: CareCadence, from: Date): string {
  const at = shanghai(from);
  const next =
    cadence === 'weekly' ? at.add(7, 'day') : cadence === 'monthly' ? at.add(1, 'month') : at.add(3, 'month');
  return toIso(next.toDate());
}

export function dueAfterEvent(from: Date): string {
  return toIso(new Date(from.getTime() + EVENT_VISIT_HOURS * 3_600_000));
}
