/**
 * Wall-clock arithmetic in a fixed-offset time zone, done by hand so that nothing depends on the
 * machine's TZ setting: an instant is shifted by the zone's offset and then read with the UTC getters.
 * Viet Nam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact for every
 * date the platform handles; a zone with daylight saving is deliberately not supported.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;

export interface TimeZone {
  /** IANA name, kept for display and for checking the offset against the time-zone database in tests. */
  name: string;
  /** Minutes east of UTC. */
  utcOffsetMinutes: number;
}

export const VIETNAM_TIME_ZONE: TimeZone = { name: 'Asia/Ho_Chi_Minh', utcOffsetMinutes: 7 * 60 };

/** A local calendar day as a count of days since 1970-01-01 (local), so day arithmetic is integer addition. */
export type DayNumber = number;

/** Where an instant falls on the local wall clock: the day and the milliseconds since local midnight. */
export interface LocalPosition {
  day: DayNumber;
  msOfDay: number;
}

export function toLocalPosition(instant: Date, zone: TimeZone): LocalPosition {
  const localMs = instant.getTime() + zone.utcOffsetMinutes * MS_PER_MINUTE;
  const day = Math.floor(localMs / MS_PER_DAY);
  return { day, msOfDay: localMs - day * MS_PER_DAY };
}

export function toInstant(position: LocalPosition, zone: TimeZone): Date {
  return new Date(position.day * MS_PER_DAY + position.msOfDay - zone.utcOffsetMinutes * MS_PER_MINUTE);
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `yyyy-MM-dd`, rejecting dates that do not exist (2025-02-29); undefined when invalid. */
export function findDayNumber(localDate: string): DayNumber | undefined {
  const match = LOCAL_DATE.exec(localDate);
  if (!match) return undefined;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, dayOfMonth);
  const check = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999, and rolls 02-30 over to March: both fail this round trip.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== dayOfMonth) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

export function getDayNumber(localDate: string): DayNumber {
  const day = findDayNumber(localDate);
  if (day === undefined) throw new RangeError(`not a calendar date in the form yyyy-MM-dd: ${JSON.stringify(localDate)}`);
  return day;
}

export function formatDayNumber(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as in `Date#getUTCDay`. */
export function weekdayOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

export function yearOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Parses `HH:mm` (00:00–24:00, 24:00 meaning the end of the day) to milliseconds since midnight. */
export function findClockTimeMs(clockTime: string): number | undefined {
  if (!CLOCK_TIME.test(clockTime)) return undefined;
  const [hours, minutes] = clockTime.split(':').map(Number);
  return hours * MS_PER_HOUR + minutes * MS_PER_MINUTE;
}

export function localDateOf(instant: Date, zone: TimeZone): string {
  return formatDayNumber(toLocalPosition(instant, zone).day);
}
