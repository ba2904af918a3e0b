import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_HOURS } from './calendar-config.js';
import { VIETNAM_CALENDAR_ENTRIES, VIETNAM_CALENDAR_ENTRIES_BY_YEAR } from './holidays-vn.js';
import { getDayNumber, weekdayOf } from './local-time.js';
import { validateCalendarConfig } from './validate-calendar-config.js';
import { createWorkingCalendar } from './working-calendar.js';

const calendar = createWorkingCalendar({ officeHours: [...DEFAULT_OFFICE_HOURS], entries: [...VIETNAM_CALENDAR_ENTRIES] });
const weekday = (date: string) => weekdayOf(getDayNumber(date));
const isWeekend = (date: string) => [0, 6].includes(weekday(date));

/** Every local date from `first` to `last`, inclusive. */
function datesFrom(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let day = getDayNumber(first); day <= getDayNumber(last); day++) dates.push(new Date(day * 86_400_000).toISOString().slice(0, 10));
  return dates;
}

describe('shipped Vietnamese holidays 2025–2027', () => {
  it('is a valid calendar configuration, one entry per date', () => {
    expect(validateCalendarConfig({ officeHours: [...DEFAULT_OFFICE_HOURS], entries: [...VIETNAM_CALENDAR_ENTRIES] })).toEqual([]);
  });

  it.each([2025, 2026, 2027])('%i has the 11 statutory holidays of Labour Code art. 112 and its fixed dates', (year) => {
    const entries = VIETNAM_CALENDAR_ENTRIES_BY_YEAR[year];
    const holidays = entries.filter((e) => e.kind === 'holiday').map((e) => e.date);
    expect(holidays).toHaveLength(11);
    for (const fixed of ['01-01', '04-30', '05-01', '09-02']) expect(holidays).toContain(`${year}-${fixed}`);
    expect(entries.every((e) => e.date.startsWith(`${year}-`))).toBe(true);
  });

  it.each([2025, 2026, 2027])('%i compensates every holiday on a weekend and puts swaps on the right days', (year) => {
    const entries = VIETNAM_CALENDAR_ENTRIES_BY_YEAR[year];
    const weekendHolidays = entries.filter((e) => e.kind === 'holiday' && isWeekend(e.date)).length;
    const compensations = entries.filter((e) => e.kind === 'day_off' && e.name.startsWith('Nghỉ bù')).length;
    expect(compensations).toBe(weekendHolidays);
    for (const entry of entries) {
      if (entry.kind === 'day_off') expect(isWeekend(entry.date), entry.date).toBe(false);
      if (entry.kind === 'working_day') expect(weekday(entry.date), entry.date).toBe(6);
    }
    // A bridge day off is paid for by a working Saturday in the same year (the government's swap).
    const bridges = entries.filter((e) => e.kind === 'day_off' && !e.name.startsWith('Nghỉ bù')).length;
    expect(entries.filter((e) => e.kind === 'working_day')).toHaveLength(bridges);
  });

  it('has every name in Vietnamese and English', () => {
    for (const entry of VIETNAM_CALENDAR_ENTRIES) {
      expect(entry.name.trim()).not.toBe('');
      expect(entry.nameEn?.trim()).toBeTruthy();
    }
  });

  it.each([
    ['Tết Ất Tỵ 2025', '2025-01-24', '2025-01-25', '2025-02-02', '2025-02-03'],
    ['Hùng Kings 2025 (Monday)', '2025-04-04', '2025-04-05', '2025-04-07', '2025-04-08'],
    ['30/4–1/5 2025 with the Friday bridge', '2025-04-29', '2025-04-30', '2025-05-04', '2025-05-05'],
    ['National Day 2025', '2025-08-29', '2025-08-30', '2025-09-02', '2025-09-03'],
    ['New Year 2026 with the Friday bridge', '2025-12-31', '2026-01-01', '2026-01-04', '2026-01-05'],
    ['Tết Bính Ngọ 2026', '2026-02-13', '2026-02-14', '2026-02-22', '2026-02-23'],
    ['Hùng Kings 2026 (Sunday, compensated Monday)', '2026-04-24', '2026-04-25', '2026-04-27', '2026-04-28'],
    ['30/4–1/5 2026 (Thursday–Friday)', '2026-04-29', '2026-04-30', '2026-05-03', '2026-05-04'],
    ['Tết Đinh Mùi 2027 (verify), weekend mùng 1–2 compensated', '2027-02-04', '2027-02-05', '2027-02-11', '2027-02-12'],
    ['1/5 2027 (Saturday, compensated Monday)', '2027-04-29', '2027-04-30', '2027-05-03', '2027-05-04'],
  ])('%s: the break runs exactly from its first to its last day', (_, before, first, last, after) => {
    expect(calendar.isWorkingDay(before)).toBe(true);
    for (const date of datesFrom(first, last)) expect(calendar.isWorkingDay(date), date).toBe(false);
    expect(calendar.isWorkingDay(after)).toBe(true);
  });

  it('turns the swapped Saturdays into working days', () => {
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
  });

  it('counts 2025 as 250 working days: 261 weekdays − 11 holidays − 1 bridge day + 1 working Saturday', () => {
    const workingDays2025 = datesFrom('2025-01-01', '2025-12-31').filter((date) => calendar.isWorkingDay(date)).length;
    expect(workingDays2025).toBe(261 - 11 - 1 + 1);
  });
});
