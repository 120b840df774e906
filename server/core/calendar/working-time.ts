/**
 * Time limits counted in working time (pure: the calendar and the start are arguments). Asia/Shanghai keeps
 * UTC+8 all year (see time/shanghai.ts), so a local day is a fixed 24-hour slice of UTC shifted by 8 hours.
 */
import type { TimeLimit, WorkCalendar } from './model';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * HOUR_MS;
/** No limit runs past ten years of days off: a broken calendar fails loudly instead of looping. */
const MAX_DAYS = 3660;

/** Minutes after midnight of 'HH:mm'. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** The local day number (days since 1970-01-01 in Asia/Shanghai) of an instant. */
function localDay(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS);
}

/** 'YYYY-MM-DD' of a local day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC instant of minute `minutes` of a local day. */
function instantOf(day: number, minutes: number): number {
  return day * DAY_MS - OFFSET_MS + minutes * MINUTE_MS;
}

/** Whether a local day is a working day: 调休 first, then holidays, then Monday–Friday. */
export function isWorkingDay(day: number, calendar: WorkCalendar): boolean {
  const date = dateOfDay(day);
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday >= 1 && weekday <= 5;
}

/** Whether 'YYYY-MM-DD' is a working day in the calendar. */
export function isWorkingDate(date: string, calendar: WorkCalendar): boolean {
  return isWorkingDay(Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS), calendar);
}

function addWorkingMinutes(from: number, minutes: number, calendar: WorkCalendar): number {
  let remaining = minutes * MINUTE_MS;
  if (remaining <= 0) return from;
  const first = localDay(from);
  for (let day = first; day < first + MAX_DAYS; day++) {
    if (!isWorkingDay(day, calendar)) continue;
    for (const period of calendar.periods) {
      const start = Math.max(from, instantOf(day, minutesOf(period.start)));
      const end = instantOf(day, minutesOf(period.end));
      if (start >= end) continue;
      if (remaining <= end - start) return start + remaining;
      remaining -= end - start;
    }
  }
  throw new Error('working calendar has no working time within ten years');
}

/** The end of the `count`th working day after the day of `from` (the starting day does not count). */
function endOfWorkingDays(from: number, count: number, calendar: WorkCalendar): number {
  const last = calendar.periods[calendar.periods.length - 1];
  if (!last) throw new Error('working calendar has no working periods');
  let day = localDay(from);
  for (let seen = 0, steps = 0; seen < count; steps++) {
    if (steps > MAX_DAYS) throw new Error('working calendar has no working day within ten years');
    day += 1;
    if (isWorkingDay(day, calendar)) seen += 1;
  }
  return instantOf(day, minutesOf(last.end));
}

/** The instant a limit that starts at `from` ends. */
export function limitEnd(from: Date, limit: TimeLimit, calendar: WorkCalendar): Date {
  const ms = from.getTime();
  switch (limit.unit) {
    case 'calendarHours':
      return new Date(ms + limit.amount * HOUR_MS);
    case 'workingHours':
      return new Date(addWorkingMinutes(ms, Math.round(limit.amount * 60), calendar));
    case 'workingDays':
      return new Date(endOfWorkingDays(ms, Math.round(limit.amount), calendar));
  }
}

/** A limit in words: 5个工作日, 8个工作小时, 4小时. */
export function limitText(limit: TimeLimit): string {
  switch (limit.unit) {
    case 'calendarHours':
      return `${limit.amount}小时`;
    case 'workingHours':
      return `${limit.amount}个工作小时`;
    case 'workingDays':
      return `${limit.amount}个工作日`;
  }
}
