import { AppError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import { findDayNumber, formatDayNumber, getDayNumber, toInstant, toLocalPosition, VIETNAM_TIME_ZONE } from '../../platform/calendar/local-time.js';

/** Dashboards read whole local months; three years is what a leader compares, and it keeps every query bounded. */
export const MAX_PERIOD_MONTHS = 36;

export interface Period {
  /** The inclusive local dates as asked (or the current year). */
  from: string;
  to: string;
  /** Every local month yyyy-MM from from's month to to's month. */
  months: string[];
  /** UTC instants [start, end) of those whole months, comparable with stored ISO text. */
  start: string;
  end: string;
  /** Local dates (yyyy-MM-dd) of the first day of the first month and the day after the last month. */
  startDate: string;
  endDate: string;
}

const MESSAGES = {
  date: { vi: 'Ngày không hợp lệ (yyyy-MM-dd).', en: 'Not a valid date (yyyy-MM-dd).' },
  order: { vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.', en: 'The end date must not be before the start date.' },
  length: { vi: `Mỗi lần xem tối đa ${MAX_PERIOD_MONTHS} tháng.`, en: `A period covers at most ${MAX_PERIOD_MONTHS} months.` },
} satisfies Record<string, Record<Language, string>>;

export function localToday(now: Date): string {
  return formatDayNumber(toLocalPosition(now, VIETNAM_TIME_ZONE).day);
}

/** Local month yyyy-MM of an ISO instant (the year and month of its Asia/Ho_Chi_Minh wall clock). */
export function localMonthOf(instant: string): string {
  return localToday(new Date(instant)).slice(0, 7);
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOfIndex = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * The period of a dashboard query: `from`/`to` inclusive local dates widened to whole months (the counters are
 * monthly); without them, the current local year. Bad or too long periods are VALIDATION_FAILED with the field's path.
 */
export function resolvePeriod(query: { from?: string; to?: string }, language: Language, now = new Date()): Period {
  const year = localToday(now).slice(0, 4);
  const from = query.from ?? `${year}-01-01`;
  const to = query.to ?? `${year}-12-31`;
  const problems = [
    ...(findDayNumber(from) === undefined ? [{ path: '/query/from', message: MESSAGES.date[language] }] : []),
    ...(findDayNumber(to) === undefined ? [{ path: '/query/to', message: MESSAGES.date[language] }] : []),
  ];
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', {}, problems);
  if (to < from) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/query/to', message: MESSAGES.order[language] }]);
  const first = monthIndex(from.slice(0, 7));
  const last = monthIndex(to.slice(0, 7));
  if (last - first + 1 > MAX_PERIOD_MONTHS) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/query/to', message: MESSAGES.length[language] }]);
  const months = Array.from({ length: last - first + 1 }, (_, i) => monthOfIndex(first + i));
  const startDate = `${months[0]}-01`;
  const endDate = `${monthOfIndex(last + 1)}-01`;
  const instant = (date: string) => toInstant({ day: getDayNumber(date), msOfDay: 0 }, VIETNAM_TIME_ZONE).toISOString();
  return { from, to, months, start: instant(startDate), end: instant(endDate), startDate, endDate };
}

/** Share `part / whole` (0..1), null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
