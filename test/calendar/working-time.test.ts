/** Working-time limits over the real 2026 calendar (chinese-days) and an imported year: pure functions. */
import { builtInYears } from '../../server/core/calendar/built-in';
import { calendarOf } from '../../server/core/calendar/load';
import { periodProblems, yearProblems } from '../../server/core/calendar/manage';
import type { WorkCalendar } from '../../server/core/calendar/model';
import { isWorkingDate, limitEnd } from '../../server/core/calendar/working-time';
import { toIso } from '../../server/core/time/shanghai';

const at = (iso: string) => new Date(iso);
const end = (
  from: string,
  amount: number,
  unit: 'workingHours' | 'workingDays' | 'calendarHours',
  cal: WorkCalendar,
) => toIso(limitEnd(at(from), { amount, unit }, cal));

describe('working-time limits', () => {
  const calendar = calendarOf(null);
  /** The same periods with no holiday table at all: only Monday to Friday. */
  const weekOnly: WorkCalendar = { ...calendar, holidays: new Set(), workdays: new Set() };

  it('knows 2026 from chinese-days: 国庆 off, the 调休 Saturday 10-10 on', () => {
    expect(builtInYears().get(2026)?.workdays).toContain('2026-10-10');
    expect(isWorkingDate('2026-10-01', calendar)).toBe(false);
    expect(isWorkingDate('2026-10-10', calendar)).toBe(true);
    expect(isWorkingDate('2026-10-10', weekOnly)).toBe(false);
    expect(isWorkingDate('2026-09-30', calendar)).toBe(true);
  });

  it('carries working hours over a weekend: Friday 16:30 + 4 h → Monday 11:30', () => {
    // 16:30–17:30 on Friday 11-27 is 1 h; Monday 11-30 08:30 + 3 h = 11:30.
    expect(end('2026-11-27T16:30:00+08:00', 4, 'workingHours', calendar)).toBe('2026-11-30T11:30:00+08:00');
  });

  it('skips the lunch break and starts a limit asked at night with the next period', () => {
    expect(end('2026-11-30T11:00:00+08:00', 2, 'workingHours', calendar)).toBe('2026-11-30T14:30:00+08:00');
    expect(end('2026-11-30T22:00:00+08:00', 1, 'workingHours', calendar)).toBe('2026-12-01T09:30:00+08:00');
  });

  it('jumps a statutory holiday: 2 working days from 9-30 end on 10-09 after 国庆', () => {
    expect(end('2026-09-30T10:00:00+08:00', 2, 'workingDays', calendar)).toBe('2026-10-09T17:30:00+08:00');
    // Without the holiday table the same limit would end on Friday 10-02.
    expect(end('2026-09-30T10:00:00+08:00', 2, 'workingDays', weekOnly)).toBe('2026-10-02T17:30:00+08:00');
  });

  it('works the 调休 Saturday: Friday 10-09 17:00 + 1 h ends Saturday 10-10 09:00', () => {
    expect(end('2026-10-09T17:00:00+08:00', 1, 'workingHours', calendar)).toBe('2026-10-10T09:00:00+08:00');
    expect(end('2026-10-09T17:00:00+08:00', 1, 'workingHours', weekOnly)).toBe('2026-10-12T09:00:00+08:00');
    expect(end('2026-10-09T12:00:00+08:00', 1, 'workingDays', calendar)).toBe('2026-10-10T17:30:00+08:00');
  });

  it('keeps calendar hours running day and night (safety hazards)', () => {
    expect(end('2026-10-01T22:00:00+08:00', 4, 'calendarHours', calendar)).toBe('2026-10-02T02:00:00+08:00');
  });

  it("follows a community's own working periods", () => {
    const late = { ...calendar, periods: [{ start: '09:00', end: '18:00' }] };
    expect(end('2026-11-27T17:00:00+08:00', 2, 'workingHours', late)).toBe('2026-11-30T10:00:00+08:00');
    expect(end('2026-11-27T17:00:00+08:00', 1, 'workingDays', late)).toBe('2026-11-30T18:00:00+08:00');
  });

  it('uses an imported year the package does not know (2027 here)', () => {
    const doc = {
      _id: 'c',
      updatedAt: '2026-12-01T00:00:00+08:00',
      years: { '2027': { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-02'] } },
    };
    const withYear = calendarOf(doc);
    expect(isWorkingDate('2027-01-01', withYear)).toBe(false); // a Friday off
    expect(isWorkingDate('2027-01-02', withYear)).toBe(true); // a Saturday on
    expect(end('2026-12-31T17:00:00+08:00', 1, 'workingDays', withYear)).toBe('2027-01-02T17:30:00+08:00');
  });

  it('names every problem of a bad year or bad periods', () => {
    expect(
      yearProblems({ year: 2027, holidays: ['2027-02-30', '2026-12-31'], workdays: ['2027-01-04'] }),
    ).toEqual([
      '节假日 “2027-02-30” 不是有效日期（应写成 2027-01-01）',
      '节假日 2026-12-31 不在 2027 年',
      '调休上班日 2027-01-04 本来就是工作日（调休上班日应为周六或周日）',
    ]);
    expect(
      periodProblems([
        { start: '13:30', end: '17:30' },
        { start: '08:30', end: '12:00' },
      ]),
    ).toEqual(['第 2 个时段（08:30–12:00）与上一个时段重叠或顺序颠倒']);
    expect(periodProblems([{ start: '8:30', end: '12:00' }])).toHaveLength(1);
  });
});
