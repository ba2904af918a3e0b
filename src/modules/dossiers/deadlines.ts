import type { WorkingCalendar } from '../../platform/calendar/working-calendar.js';
import type { Timeliness } from '../forms/timeliness.js';
import type { Duration } from '../procedures/procedures.schema.js';

/** An instant `duration` of working time after `from` (domain.md §4: counted in working days or hours). */
export function addDuration(calendar: WorkingCalendar, from: Date, duration: Duration): Date {
  if (duration.unit === 'working_hours') return calendar.addWorkingHours(from, duration.amount);
  if (Number.isInteger(duration.amount)) return calendar.addWorkingDays(from, duration.amount);
  return calendar.addWorkingMs(from, Math.round(duration.amount * calendar.workingMsPerDay));
}

export function durationMs(calendar: WorkingCalendar, duration: Duration): number {
  const perHour = 3_600_000;
  return Math.round(duration.unit === 'working_hours' ? duration.amount * perHour : duration.amount * calendar.workingMsPerDay);
}

/**
 * Trước hạn / đúng hạn / quá hạn: late after the deadline, early when finished on an earlier day than the
 * appointment date (the slip promises a date), otherwise on time.
 */
export function timelinessOf(calendar: WorkingCalendar, finishedAt: Date, dueAt: Date): Timeliness {
  if (finishedAt.getTime() > dueAt.getTime()) return 'late';
  return calendar.localDateOf(finishedAt) < calendar.localDateOf(dueAt) ? 'early' : 'onTime';
}

/** After a pause (waiting for the citizen) a deadline moves by the working time the pause lasted. */
export function extendByPause(calendar: WorkingCalendar, deadline: Date, pausedAt: Date, resumedAt: Date): Date {
  const paused = Math.max(0, calendar.workingMsBetween(pausedAt, resumedAt));
  if (paused === 0) return deadline;
  return calendar.addWorkingMs(deadline, paused);
}
