import { toLocalPosition, VIETNAM_TIME_ZONE, MS_PER_HOUR, MS_PER_MINUTE } from '../calendar/local-time.js';

/** Wall-clock parts of an instant in Viet Nam (UTC+7), independent of the machine's TZ. */
function localParts(instant: Date) {
  const { day, msOfDay } = toLocalPosition(instant, VIETNAM_TIME_ZONE);
  const date = new Date(day * 24 * MS_PER_HOUR);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: Math.floor(msOfDay / MS_PER_HOUR),
    minute: Math.floor((msOfDay % MS_PER_HOUR) / MS_PER_MINUTE),
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * "ngày 05 tháng 3 năm 2026", "ngày 27 tháng 01 năm 2026" — the date line of an administrative document.
 * Decree 30/2020 appendix I: a day below 10 and the months 1 and 2 take a leading zero (so "tháng 1"
 * cannot be turned into "tháng 11"); months 3–9 do not.
 */
export function formatLongDate(instant: Date): string {
  const p = localParts(instant);
  const month = p.month <= 2 ? two(p.month) : String(p.month);
  return `ngày ${two(p.day)} tháng ${month} năm ${p.year}`;
}

/** "05/03/2026" */
export function formatShortDate(instant: Date): string {
  const p = localParts(instant);
  return `${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** "14 giờ 05 phút, ngày 05 tháng 3 năm 2026" — receipt and appointment times on forms 01 and 04. */
export function formatLongDateTime(instant: Date): string {
  const p = localParts(instant);
  return `${two(p.hour)} giờ ${two(p.minute)} phút, ${formatLongDate(instant)}`;
}

/** "14:05 05/03/2026" — compact form for table cells. */
export function formatShortDateTime(instant: Date): string {
  const p = localParts(instant);
  return `${two(p.hour)}:${two(p.minute)} ${formatShortDate(instant)}`;
}
