import type { WorkingCalendar } from '../../platform/calendar/working-calendar.js';
import type { Timeliness } from '../forms/timeliness.js';
import type { Duration, ProcedureDocument, WorkflowStep } from '../procedures/procedures.schema.js';

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

/**
 * A step's share of the legal processing time in working milliseconds. Budgets are written in the catalogue's
 * convention (8 hours a day, validate-procedure.ts) while the calendar counts the unit's real office hours
 * (7.5 by default), so budgets that add up to more than the processing time are scaled down to fit it: the
 * steps divide the legal time, they never extend it.
 */
export function stepBudgetMs(calendar: WorkingCalendar, document: Pick<ProcedureDocument, 'processingTime' | 'workflow'>, step: WorkflowStep): number {
  const legal = durationMs(calendar, document.processingTime);
  const total = document.workflow.steps.reduce((sum, s) => sum + durationMs(calendar, s.budget), 0);
  const own = durationMs(calendar, step.budget);
  return total > legal ? Math.floor((own * legal) / total) : own;
}
