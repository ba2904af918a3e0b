import { VIETNAM_TIME_ZONE, type TimeZone } from './local-time.js';

/** One stretch of office hours on a working day, local wall-clock `HH:mm`, start inclusive, end exclusive. */
export interface OfficeInterval {
  start: string;
  end: string;
}

export const CALENDAR_ENTRY_KINDS = {
  /** ngày nghỉ lễ, tết — a public holiday of Labour Code 2019 art. 112, kept even when it falls on a weekend. */
  holiday: 'holiday',
  /** ngày nghỉ bù / nghỉ hoán đổi — a compensatory day (art. 111(3)) or a bridge day the government gives off. */
  dayOff: 'day_off',
  /** ngày làm bù — a weekend day the government turns into a working day in exchange for a bridge day. */
  workingDay: 'working_day',
} as const;

export type CalendarEntryKind = (typeof CALENDAR_ENTRY_KINDS)[keyof typeof CALENDAR_ENTRY_KINDS];

/** One exception to the ordinary working week, on a local date `yyyy-MM-dd`. */
export interface CalendarEntry {
  date: string;
  kind: CalendarEntryKind;
  /** Vietnamese name shown to users, e.g. "Tết Nguyên đán". */
  name: string;
  /** English name, second language of the interface. */
  nameEn?: string;
}

/**
 * Everything a working calendar is made of. All of it is data (domain.md §4: configuration with shipped
 * defaults): office hours per unit, holidays and swaps per province and year, the time zone.
 */
export interface WorkingCalendarConfig {
  officeHours: OfficeInterval[];
  /**
   * Holidays, days off and working weekend days. A year counts as configured once it has at least one
   * entry (every year has New Year's Day); reasoning about a day of a year without entries fails instead
   * of silently treating its holidays as working days.
   */
  entries: CalendarEntry[];
  /** 0 = Sunday … 6 = Saturday; default DEFAULT_WORKING_WEEKDAYS (Monday–Friday). */
  workingWeekdays?: number[];
  timeZone?: TimeZone;
}

/**
 * Office hours of state agencies: 40-hour week, Monday–Friday (Decision 188/1999/QĐ-TTg); the daily
 * split is set by each province — 07:30–11:30 and 13:30–17:00 is the common one (verify local hours).
 */
export const DEFAULT_OFFICE_HOURS: readonly OfficeInterval[] = Object.freeze([
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
]);

/** Monday–Friday: the 40-hour week of state agencies (Decision 188/1999/QĐ-TTg). */
export const DEFAULT_WORKING_WEEKDAYS: readonly number[] = Object.freeze([1, 2, 3, 4, 5]);

export const DEFAULT_TIME_ZONE: TimeZone = VIETNAM_TIME_ZONE;
