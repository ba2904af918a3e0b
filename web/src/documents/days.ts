import { formatDate } from '../format/date';

const PLAIN_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today in Vietnam as yyyy-MM-dd (deadlines are calendar days there, whatever the browser's zone). */
export function vietnamToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** `2026-11-27` or an instant → `27/11/2026` (a plain day is not shifted through a time zone). */
export function formatDay(value: string | null | undefined): string {
  const plain = value ? PLAIN_DAY.exec(value) : null;
  return plain ? `${plain[3]}/${plain[2]}/${plain[1]}` : formatDate(value);
}

/** A deadline day already gone (Decree 30/2020: overdue once the due day has passed). */
export function isPastDay(value: string): boolean {
  const day = PLAIN_DAY.test(value) ? value : new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(value));
  return day < vietnamToday();
}
