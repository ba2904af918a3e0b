import { AppError } from '../errors/app-error.js';
import {
  DEFAULT_TIME_ZONE,
  DEFAULT_WORKING_WEEKDAYS,
  type CalendarEntry,
  type WorkingCalendarConfig,
} from './calendar-config.js';
import {
  MS_PER_HOUR,
  findClockTimeMs,
  formatDayNumber,
  getDayNumber,
  toInstant,
  toLocalPosition,
  weekdayOf,
  yearOf,
  type DayNumber,
  type LocalPosition,
} from './local-time.js';
import { validateCalendarConfig } from './validate-calendar-config.js';

/**
 * A working calendar: which local days are working days and when the office is open, and the time
 * arithmetic one-stop deadlines need (domain.md §4). Instants in and out are UTC `Date`s; all wall-clock
 * reasoning happens in the calendar's own time zone.
 *
 * Working time is the union of the office intervals `[start, end)` on working days. An instant outside
 * it (evening, lunch break, weekend, holiday) "counts from" the next opening (`nextWorkingStart`).
 */
export interface WorkingCalendar {
  /** Working time in one full working day, e.g. 7.5 h for 07:30–11:30 + 13:30–17:00. */
  readonly workingMsPerDay: number;
  /** Local date `yyyy-MM-dd` of an instant in the calendar's time zone. */
  localDateOf(instant: Date): string;
  isWorkingDay(localDate: string): boolean;
  /** The holiday, day off or swap recorded for a local date, if any (for slips and explanations). */
  findEntry(localDate: string): CalendarEntry | undefined;
  /** The instant itself if the office is open then, else the next opening (after lunch, next working morning). */
  nextWorkingStart(instant: Date): Date;
  /**
   * Deadline (ngày hẹn trả) of `days` working days: the same time of day on the `days`-th working day
   * after the receipt, the receipt first moved to `nextWorkingStart`. See README.md for the convention.
   */
  addWorkingDays(instant: Date, days: number): Date;
  /** The earliest instant at which `hours` of working time have passed since `instant` (may be 11:30 or 17:00). */
  addWorkingHours(instant: Date, hours: number): Date;
  /** Exact form of `addWorkingHours` in milliseconds (a non-negative integer). */
  addWorkingMs(instant: Date, ms: number): Date;
  /** Working time between two instants; negative when `to` is before `from`. */
  workingMsBetween(from: Date, to: Date): number;
  /** Whole working days elapsed (working time ÷ working day, truncated towards zero). */
  workingDaysBetween(from: Date, to: Date): number;
}

interface Interval {
  start: number;
  end: number;
}

// A longer run of consecutive days off means the data is broken (every configured year has working days).
const MAX_CONSECUTIVE_DAYS_OFF = 60;

export function createWorkingCalendar(config: WorkingCalendarConfig): WorkingCalendar {
  const fieldErrors = validateCalendarConfig(config);
  if (fieldErrors.length > 0) throw new AppError('CALENDAR_CONFIG_INVALID', {}, fieldErrors);

  const zone = config.timeZone ?? DEFAULT_TIME_ZONE;
  const workingWeekdays = new Set(config.workingWeekdays ?? DEFAULT_WORKING_WEEKDAYS);
  const intervals: Interval[] = config.officeHours.map(({ start, end }) => ({
    start: findClockTimeMs(start)!,
    end: findClockTimeMs(end)!,
  }));
  const workingMsPerDay = intervals.reduce((sum, { start, end }) => sum + end - start, 0);
  const entriesByDay = new Map(config.entries.map((entry) => [getDayNumber(entry.date), { ...entry }]));
  const configuredYears = new Set([...entriesByDay.keys()].map(yearOf));

  function isWorkingDayNumber(day: DayNumber): boolean {
    const year = yearOf(day);
    if (!configuredYears.has(year)) throw new AppError('CALENDAR_YEAR_NOT_CONFIGURED', { year });
    const entry = entriesByDay.get(day);
    if (entry) return entry.kind === 'working_day';
    return workingWeekdays.has(weekdayOf(day));
  }

  function nextWorkingDay(day: DayNumber): DayNumber {
    for (let candidate = day + 1, steps = 0; steps < MAX_CONSECUTIVE_DAYS_OFF; candidate++, steps++) {
      if (isWorkingDayNumber(candidate)) return candidate;
    }
    throw new Error(`working calendar: no working day within ${MAX_CONSECUTIVE_DAYS_OFF} days after ${formatDayNumber(day)}`);
  }

  /** Moves a position forward to the first open moment at or after it. */
  function normalize({ day, msOfDay }: LocalPosition): LocalPosition {
    if (isWorkingDayNumber(day)) {
      for (const { start, end } of intervals) {
        if (msOfDay < start) return { day, msOfDay: start };
        if (msOfDay < end) return { day, msOfDay };
      }
    }
    return { day: nextWorkingDay(day), msOfDay: intervals[0].start };
  }

  /** Working time on `day` from local midnight up to `msOfDay` (the day is assumed to be a working day). */
  function workedBefore(msOfDay: number): number {
    return intervals.reduce((sum, { start, end }) => sum + Math.max(0, Math.min(end, msOfDay) - start), 0);
  }

  function addWorkingMs(instant: Date, ms: number): Date {
    requireInstant(instant);
    if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`working time must be a non-negative integer of ms: ${ms}`);
    let { day, msOfDay } = normalize(toLocalPosition(instant, zone));
    let remaining = ms;
    // Finish the current day, then skip whole working days, then walk the intervals of the last day.
    const leftToday = workingMsPerDay - workedBefore(msOfDay);
    if (remaining > leftToday) {
      remaining -= leftToday;
      day = nextWorkingDay(day);
      while (remaining > workingMsPerDay) {
        remaining -= workingMsPerDay;
        day = nextWorkingDay(day);
      }
      msOfDay = intervals[0].start;
    }
    for (const { start, end } of intervals) {
      if (msOfDay >= end) continue;
      const from = Math.max(start, msOfDay);
      if (remaining <= end - from) return toInstant({ day, msOfDay: from + remaining }, zone);
      remaining -= end - from;
    }
    throw new Error('working calendar: unreachable, the remaining time fits in the day');
  }

  // Day by day rather than through `normalize`, so that no day after `to` is consulted (it may lie in a
  // year without holiday data, which is irrelevant to the time already elapsed).
  function workingMsBetweenOrdered(from: Date, to: Date): number {
    const a = toLocalPosition(from, zone);
    const b = toLocalPosition(to, zone);
    if (a.day === b.day) return isWorkingDayNumber(a.day) ? workedBefore(b.msOfDay) - workedBefore(a.msOfDay) : 0;
    let total = isWorkingDayNumber(a.day) ? workingMsPerDay - workedBefore(a.msOfDay) : 0;
    for (let day = a.day + 1; day < b.day; day++) if (isWorkingDayNumber(day)) total += workingMsPerDay;
    return total + (isWorkingDayNumber(b.day) ? workedBefore(b.msOfDay) : 0);
  }

  function workingMsBetween(from: Date, to: Date): number {
    requireInstant(from);
    requireInstant(to);
    if (to.getTime() >= from.getTime()) return workingMsBetweenOrdered(from, to);
    return withoutNegativeZero(-workingMsBetweenOrdered(to, from));
  }

  return {
    workingMsPerDay,
    localDateOf: (instant) => formatDayNumber(toLocalPosition(requireInstant(instant), zone).day),
    isWorkingDay: (localDate) => isWorkingDayNumber(getDayNumber(localDate)),
    findEntry: (localDate) => {
      const entry = entriesByDay.get(getDayNumber(localDate));
      return entry && { ...entry };
    },
    nextWorkingStart: (instant) => toInstant(normalize(toLocalPosition(requireInstant(instant), zone)), zone),
    addWorkingDays(instant, days) {
      requireInstant(instant);
      if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`working days must be a non-negative integer: ${days}`);
      const start = normalize(toLocalPosition(instant, zone));
      let day = start.day;
      for (let i = 0; i < days; i++) day = nextWorkingDay(day);
      return toInstant({ day, msOfDay: start.msOfDay }, zone);
    },
    addWorkingHours(instant, hours) {
      if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`working hours must be a non-negative number: ${hours}`);
      return addWorkingMs(instant, Math.round(hours * MS_PER_HOUR));
    },
    addWorkingMs,
    workingMsBetween,
    workingDaysBetween: (from, to) => withoutNegativeZero(Math.trunc(workingMsBetween(from, to) / workingMsPerDay)),
  };
}

// -0 would print as 0 but fail strict equality (Object.is) in callers and tests.
function withoutNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}

function requireInstant(instant: Date): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('expected a valid Date');
  return instant;
}
