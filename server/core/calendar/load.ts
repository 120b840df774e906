/** A community's working calendar: its working periods, the built-in holiday years and the years it imported. */
import type { Store } from '../ports/store';
import { builtInYears } from './built-in';
import { DEFAULT_PERIODS, type HolidayYear, type WorkCalendar, type WorkCalendarDoc } from './model';

/** Every year in force: imported years replace built-in ones of the same number. */
export function yearsOf(
  doc: WorkCalendarDoc | null,
): Array<HolidayYear & { source: 'builtIn' | 'imported' }> {
  const years = new Map<number, HolidayYear & { source: 'builtIn' | 'imported' }>();
  for (const y of builtInYears().values()) years.set(y.year, { ...y, source: 'builtIn' });
  for (const y of Object.values(doc?.years ?? {})) years.set(y.year, { ...y, source: 'imported' });
  return [...years.values()].sort((a, b) => a.year - b.year);
}

function daysOf(years: HolidayYear[]): Pick<WorkCalendar, 'holidays' | 'workdays'> {
  return {
    holidays: new Set(years.flatMap((y) => y.holidays)),
    workdays: new Set(years.flatMap((y) => y.workdays)),
  };
}

/**
 * The built-in years' days, built on first use and shared: static data, and every submit and change of a
 * ticket asks for a calendar (building the sets of twenty-odd years each time was a tenth of a submit's CPU).
 */
let builtInDays: Pick<WorkCalendar, 'holidays' | 'workdays'> | undefined;

/** The calendar as data for working-time.ts. */
export function calendarOf(doc: WorkCalendarDoc | null): WorkCalendar {
  const periods = doc?.periods?.length ? doc.periods : [...DEFAULT_PERIODS];
  if (Object.keys(doc?.years ?? {}).length === 0)
    return { periods, ...(builtInDays ??= daysOf([...builtInYears().values()])) };
  return { periods, ...daysOf(yearsOf(doc)) };
}

/** One read by id: the community's `workCalendars` document, or the defaults. */
export async function loadWorkCalendar(store: Store, communityId: string | null): Promise<WorkCalendar> {
  const doc = communityId ? await store.get('workCalendars', communityId) : null;
  return calendarOf(doc);
}
