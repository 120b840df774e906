/**
 * The built-in holiday years, from the `chinese-days` package (the State Council's yearly notice of
 * statutory holidays and 调休 workdays, 2004 to its latest release). A year it does not know yet is imported
 * by staff (import-year.ts) as soon as the State Council publishes it, usually in November.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';
import type { HolidayYear } from './model';

function byYear(dates: string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const date of dates.sort()) {
    const year = Number(date.slice(0, 4));
    out.set(year, [...(out.get(year) ?? []), date]);
  }
  return out;
}

function buildYears(): Map<number, HolidayYear> {
  const holidays = byYear(Object.keys(chineseDays.holidays));
  const workdays = byYear(Object.keys(chineseDays.workdays));
  const years = new Map<number, HolidayYear>();
  for (const year of new Set([...holidays.keys(), ...workdays.keys()])) {
    years.set(year, { year, holidays: holidays.get(year) ?? [], workdays: workdays.get(year) ?? [] });
  }
  return years;
}

let years: ReadonlyMap<number, HolidayYear> | undefined;

/**
 * Built once per process, on first use: the package's table is static data, and a cold start whose call
 * computes no deadline does not pay for sorting twenty years of dates.
 */
export function builtInYears(): ReadonlyMap<number, HolidayYear> {
  return (years ??= buildYears());
}
