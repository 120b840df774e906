/** Working time: a community's working hours and holiday calendar, and the time limits counted in it. */
import type { Id } from './common';

/**
 * How a limit counts: calendar hours (the clock runs day and night — safety hazards), working hours (only
 * inside the working periods of working days), or working days (the day it starts does not count; the limit
 * ends when the last working period of the Nth working day after it ends).
 */
export type LimitUnit = 'calendarHours' | 'workingHours' | 'workingDays';

export interface TimeLimit {
  amount: number;
  unit: LimitUnit;
}

/** A working period of a day, 'HH:mm' in Asia/Shanghai, e.g. 08:30–12:00. */
export interface WorkPeriod {
  start: string;
  end: string;
}

/** One year's exceptions to the Monday–Friday week: statutory holidays and 调休 make-up workdays. */
export interface HolidayYear {
  year: number;
  /** 'YYYY-MM-DD' days off (weekdays among them are what makes them holidays). */
  holidays: string[];
  /** 'YYYY-MM-DD' weekend days that are workdays (调休). */
  workdays: string[];
}

export interface CalendarView {
  communityId: Id;
  periods: WorkPeriod[];
  /** Every year the calendar knows, built in (from chinese-days) or imported by staff. */
  years: Array<HolidayYear & { source: 'builtIn' | 'imported' }>;
}
