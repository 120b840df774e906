/**
 * Working time as data: the working periods of a day and the holiday calendar. Core functions take it as a
 * value (working-time.ts); loading it from the store is load.ts.
 */
import type { HolidayYear, WorkPeriod } from '../../../typings/calendar';

export type { HolidayYear, LimitUnit, TimeLimit, WorkPeriod } from '../../../typings/calendar';

/** The calendar a deadline is counted in. */
export interface WorkCalendar {
  /** Ascending, non-overlapping working periods, the same on every working day. */
  periods: WorkPeriod[];
  /** Days off that would otherwise be working days (statutory holidays), 'YYYY-MM-DD'. */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休), 'YYYY-MM-DD'. */
  workdays: ReadonlySet<string>;
}

/** A community's working time: the `workCalendars` collection, _id = community id. */
export interface WorkCalendarDoc {
  _id: string;
  periods?: WorkPeriod[];
  /** Years staff imported, by year: they replace the built-in year of the same number. */
  years?: Record<string, HolidayYear>;
  updatedAt: string;
}

/** 08:30–12:00 and 13:30–17:30, the office hours of a Chinese community or street office. */
export const DEFAULT_PERIODS: readonly WorkPeriod[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];
