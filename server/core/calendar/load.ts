/** A community's working calendar: its working periods, the built-in holiday years and the years it imported. */
import type { Store } from '../ports/store';
import { builtInYears } from './built-in';
import { DEFAULT_PERIODS, type HolidayYear, type WorkCalendar, type WorkCalendarDoc } from './model';

/** Every year in force: imported years replace built-in ones of the same number. */
export function yearsOf(
  doc: WorkCalendarDoc | null,
): Array<HolidayYear & { source: 'builtIn' | 'imported' }> {
  const years = new Map<number, HolidayYear & { source: 'builtIn' | 'imported' }>();
  for (const y of builtInYears.values()) years.set(y.year, { ...y, source: 'builtIn' });
  for (const y of Object.values(doc?.years ?? {})) years.set(y.year, { ...y, source: 'imported' });
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** The calendar as data for working-time.ts. */
export function calendarOf(doc: WorkCalendarDoc | null): WorkCalendar {
  const years = yearsOf(doc);
  return {
    periods: doc?.periods?.length ? doc.periods : [...DEFAULT_PERIODS],
    holidays: new Set(years.flatMap((y) => y.holidays)),
    workdays: new Set(years.flatMap((y) => y.workdays)),
  };
}

/** One read by id: the community's `workCalendars` document, or the defaults. */
export async function loadWorkCalendar(store: Store, communityId: string | null): Promise<WorkCalendar> {
  const doc = communityId ? await store.get('workCalendars', communityId) : null;
  return calendarOf(doc);
}
