import { VIETNAM_TIME_ZONE } from '../../platform/calendar/local-time.js';
import { AppError } from '../../platform/errors/app-error.js';

const OFFSET_MS = VIETNAM_TIME_ZONE.utcOffsetMinutes * 60_000;

/** The local month (Asia/Ho_Chi_Minh, yyyy-MM) of an ISO UTC instant: months in the index are local (contract). */
export function localMonthOf(instant: string): string {
  return new Date(Date.parse(instant) + OFFSET_MS).toISOString().slice(0, 7);
}

/** Today's local date (yyyy-MM-dd). */
export function localToday(now = new Date()): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export interface Period {
  from: string;
  to: string;
  fromMonth: string;
  toMonth: string;
}

/** The whole months of an inclusive local period (from's month .. to's month); the current year by default. */
export function periodOf(from: string | undefined, to: string | undefined, now = new Date()): Period {
  const today = localToday(now);
  const start = from ?? `${today.slice(0, 4)}-01-01`;
  const end = to ?? today;
  if (!isRealDate(start)) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/query/from', message: 'yyyy-MM-dd' }]);
  if (!isRealDate(end)) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/query/to', message: 'yyyy-MM-dd' }]);
  if (start > end) throw new AppError('INDEX_PERIOD_INVALID', { from: start, to: end });
  return { from: start, to: end, fromMonth: start.slice(0, 7), toMonth: end.slice(0, 7) };
}
