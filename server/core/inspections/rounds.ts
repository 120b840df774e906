/** The rounds of a cadence: a monthly plan's round is its calendar month (Asia/Shanghai); a campaign has one. */
import type { InspectionCadence } from '../../../typings/field';
import { shanghai, toIso } from '../time/shanghai';

export interface Round {
  round: string;
  dueAt: string;
}

/** The round open at `now`. */
export function roundAt(cadence: InspectionCadence, now: Date): Round {
  if (cadence.kind === 'campaign') return { round: 'campaign', dueAt: toIso(new Date(cadence.to)) };
  const month = shanghai(now).startOf('month');
  return {
    round: month.format('YYYY-MM'),
    dueAt: toIso(month.add(1, 'month').subtract(1, 'second').toDate()),
  };
}

/** The round after a passed one: the next month; a campaign has none. */
export function nextRound(cadence: InspectionCadence, round: string): Round | null {
  if (cadence.kind === 'campaign') return null;
  const month = shanghai(`${round}-01T00:00:00+08:00`).add(1, 'month').startOf('month');
  return {
    round: month.format('YYYY-MM'),
    dueAt: toIso(month.add(1, 'month').subtract(1, 'second').toDate()),
  };
}
