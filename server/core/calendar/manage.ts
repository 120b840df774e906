/**
 * Staff keep their community's working time: the working periods of a day and holiday years imported as
 * lists (a year the built-in table does not know yet, or a local correction). Validate all → write one
 * document → reply with the calendar; a bad entry writes nothing and names every problem.
 */
import { bumpGridMapVersion } from '../routing/map-version';
import type { CalendarView, HolidayYear, WorkPeriod } from '../../../typings/calendar';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { requireStaffOf } from '../grids/imports';
import { yearsOf } from './load';
import { DEFAULT_PERIODS, type WorkCalendarDoc } from './model';
import { isWorkingDate, minutesOf } from './working-time';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function refuse(problems: string[]): never {
  throw new AppError('CALENDAR.INVALID', {
    message: `工作日历有误，未写入任何数据：${problems.join('；')}`,
    details: { problems },
  });
}

async function staffDoc(
  deps: Pick<Deps, 'store'>,
  caller: Caller,
  communityId: string,
): Promise<WorkCalendarDoc | null> {
  // Staff of the community, or the office of its street (which sets up the communities it creates).
  await requireStaffOf(deps, caller, communityId);
  return deps.store.get('workCalendars', communityId);
}

function viewOf(communityId: string, doc: WorkCalendarDoc | null): CalendarView {
  return {
    communityId,
    periods: doc?.periods?.length ? doc.periods : [...DEFAULT_PERIODS],
    years: yearsOf(doc),
  };
}

/** Checks periods: HH:mm, each ending after it starts, in order without overlap. */
export function periodProblems(periods: WorkPeriod[]): string[] {
  const problems: string[] = [];
  if (periods.length === 0) problems.push('至少需要一个工作时段');
  periods.forEach((p, i) => {
    const name = `第 ${i + 1} 个时段（${p.start}–${p.end}）`;
    if (!HHMM.test(p.start) || !HHMM.test(p.end)) problems.push(`${name}时间应写成 08:30 这样的格式`);
    else if (minutesOf(p.end) <= minutesOf(p.start)) problems.push(`${name}结束时间应晚于开始时间`);
    else if (i > 0 && HHMM.test(periods[i - 1]!.end) && minutesOf(p.start) < minutesOf(periods[i - 1]!.end))
      problems.push(`${name}与上一个时段重叠或顺序颠倒`);
  });
  return problems;
}

/** Checks a year: real dates of that year, none in both lists, 调休 workdays on weekends. */
export function yearProblems(year: HolidayYear): string[] {
  const problems: string[] = [];
  const weekOnly = { periods: [], holidays: new Set<string>(), workdays: new Set<string>() };
  const check = (date: string, list: string) => {
    const real = DATE.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
    if (!real) problems.push(`${list} “${date}” 不是有效日期（应写成 ${year.year}-01-01）`);
    else if (Number(date.slice(0, 4)) !== year.year) problems.push(`${list} ${date} 不在 ${year.year} 年`);
    return real;
  };
  for (const d of year.holidays) check(d, '节假日');
  for (const d of year.workdays) {
    if (check(d, '调休上班日') && isWorkingDate(d, weekOnly))
      problems.push(`调休上班日 ${d} 本来就是工作日（调休上班日应为周六或周日）`);
  }
  const both = year.holidays.filter((d) => year.workdays.includes(d));
  if (both.length) problems.push(`${both.join('、')} 不能既是节假日又是调休上班日`);
  return problems;
}

/** The calendar in force: working periods and every known year. */
export async function calendarView(
  deps: Pick<Deps, 'store'>,
  caller: Caller,
  input: { communityId: string },
): Promise<CalendarView> {
  return viewOf(input.communityId, await staffDoc(deps, caller, input.communityId));
}

/** Sets the working periods of a day (e.g. 08:30–12:00, 13:30–17:30). */
export async function setWorkingHours(
  deps: Pick<Deps, 'store' | 'clock'>,
  caller: Caller,
  input: { communityId: string; periods: WorkPeriod[] },
): Promise<CalendarView> {
  const doc = await staffDoc(deps, caller, input.communityId);
  const problems = periodProblems(input.periods);
  if (problems.length) refuse(problems);
  const next: WorkCalendarDoc = {
    ...doc,
    _id: input.communityId,
    periods: input.periods,
    updatedAt: toIso(deps.clock.now()),
  };
  await deps.store.transaction((tx) => tx.set('workCalendars', next));
  // Work calendars are in every instance's warm map memory (routing/map-reads.ts).
  await bumpGridMapVersion(deps.store, next.updatedAt);
  return viewOf(input.communityId, next);
}

/** Imports one year's holidays and 调休 workdays as lists; it replaces the built-in year of that number. */
export async function importHolidayYear(
  deps: Pick<Deps, 'store' | 'clock'>,
  caller: Caller,
  input: { communityId: string } & HolidayYear,
): Promise<CalendarView> {
  const doc = await staffDoc(deps, caller, input.communityId);
  const year: HolidayYear = {
    year: input.year,
    holidays: [...new Set(input.holidays)].sort(),
    workdays: [...new Set(input.workdays)].sort(),
  };
  const problems = yearProblems(year);
  if (problems.length) refuse(problems);
  const next: WorkCalendarDoc = {
    ...doc,
    _id: input.communityId,
    years: { ...doc?.years, [String(year.year)]: year },
    updatedAt: toIso(deps.clock.now()),
  };
  await deps.store.transaction((tx) => tx.set('workCalendars', next));
  // Work calendars are in every instance's warm map memory (routing/map-reads.ts).
  await bumpGridMapVersion(deps.store, next.updatedAt);
  return viewOf(input.communityId, next);
}
