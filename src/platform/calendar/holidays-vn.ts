import type { CalendarEntry } from './calendar-config.js';

/**
 * Shipped default holidays for Viet Nam, 2025–2027: the data the administrator starts from and edits
 * per province (domain.md §4). Only weekdays matter for working time, but every statutory holiday is
 * listed even on a weekend so that its compensatory day is visible next to it.
 *
 * Rules behind the data:
 * - Labour Code 2019 (Law 45/2019/QH14) art. 112(1): 1 January; Lunar New Year 5 days; Hùng Kings
 *   10/3 lunar; 30 April; 1 May; 2 September plus one day before or after — 11 days a year.
 * - Art. 111(3): a holiday on the weekly rest day is compensated on the next working day (`day_off`).
 * - Art. 112(3) and the yearly decision of the Prime Minister / notice of the Ministry (Labour until
 *   02/2025, Home Affairs since): which Tết days and which day next to 2 September, and swaps for the
 *   public sector — a bridge day off (`day_off`) worked back on a Saturday (`working_day`).
 */

const NEW_YEAR = { name: 'Tết Dương lịch', nameEn: "New Year's Day" };
const LUNAR_NEW_YEAR = { name: 'Tết Nguyên đán', nameEn: 'Lunar New Year (Tết)' };
const HUNG_KINGS = { name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', nameEn: "Hùng Kings' Commemoration Day" };
const REUNIFICATION = { name: 'Ngày Giải phóng miền Nam, thống nhất đất nước (30/4)', nameEn: 'Reunification Day' };
const LABOUR_DAY = { name: 'Ngày Quốc tế Lao động (1/5)', nameEn: "International Workers' Day" };
const NATIONAL_DAY = { name: 'Quốc khánh (2/9)', nameEn: 'National Day' };
const NATIONAL_DAY_ADJACENT = { name: 'Quốc khánh (ngày liền kề)', nameEn: 'National Day (adjacent day)' };

function holiday(date: string, names: { name: string; nameEn: string }): CalendarEntry {
  return { date, kind: 'holiday', ...names };
}

function compensatoryDayOff(date: string, forWhat: { name: string; nameEn: string }): CalendarEntry {
  return { date, kind: 'day_off', name: `Nghỉ bù ${forWhat.name}`, nameEn: `Compensatory day off: ${forWhat.nameEn}` };
}

/**
 * 2025 — sources: Ministry of Labour notice on Tết Ất Tỵ and National Day 2025 (November 2024): Tết break
 * Saturday 25/01 to Sunday 02/02 (26 Chạp to mùng 5), National Day 01/09–02/09 (break 30/08–02/09);
 * Prime Minister's approval of the swap for 30/4–1/5, reported by baochinhphu.vn on 04/03/2025: work
 * Saturday 26/04, rest Friday 02/05 (break 30/04–04/05); Hùng Kings Monday 07/04.
 * Verify the notice numbers before production; the dates are as published.
 */
const YEAR_2025: CalendarEntry[] = [
  holiday('2025-01-01', NEW_YEAR),
  holiday('2025-01-27', LUNAR_NEW_YEAR),
  holiday('2025-01-28', LUNAR_NEW_YEAR),
  holiday('2025-01-29', LUNAR_NEW_YEAR),
  holiday('2025-01-30', LUNAR_NEW_YEAR),
  holiday('2025-01-31', LUNAR_NEW_YEAR),
  holiday('2025-04-07', HUNG_KINGS),
  { date: '2025-04-26', kind: 'working_day', name: 'Làm bù cho ngày 02/05/2025', nameEn: 'Working Saturday in exchange for 2 May 2025' },
  holiday('2025-04-30', REUNIFICATION),
  holiday('2025-05-01', LABOUR_DAY),
  { date: '2025-05-02', kind: 'day_off', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)', nameEn: 'Bridge day off (worked on Saturday 26 April 2025)' },
  holiday('2025-09-01', NATIONAL_DAY_ADJACENT),
  holiday('2025-09-02', NATIONAL_DAY),
];

/**
 * 2026 — sources: Government's agreement of 25/12/2025 and the Ministry of Home Affairs notice the same
 * day (reported 26/12/2025): rest Friday 02/01, work Saturday 10/01 (break 01/01–04/01); Ministry of Home
 * Affairs plan approved for Tết Bính Ngọ: Saturday 14/02 to Sunday 22/02 (27 Chạp to mùng 6), the five
 * weekdays 16/02–20/02 being the Tết holidays; Hùng Kings Sunday 26/04 → compensated Monday 27/04 (art.
 * 111(3)); 30/04 Thursday and 01/05 Friday.
 * VERIFY before production: the day next to National Day (Wednesday 02/09). We ship Tuesday 01/09 as in
 * 2025; a longer break (29/08–02/09 with a Monday 31/08 bridge worked back on a Saturday) was proposed by
 * the Ministry of Home Affairs — add the `day_off` / `working_day` pair here if it is adopted.
 * Also verify whether 24/11 (Vietnamese Culture Day) has become a paid day off; it is not included.
 */
const YEAR_2026: CalendarEntry[] = [
  holiday('2026-01-01', NEW_YEAR),
  { date: '2026-01-02', kind: 'day_off', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)', nameEn: 'Bridge day off (worked on Saturday 10 January 2026)' },
  { date: '2026-01-10', kind: 'working_day', name: 'Làm bù cho ngày 02/01/2026', nameEn: 'Working Saturday in exchange for 2 January 2026' },
  holiday('2026-02-16', LUNAR_NEW_YEAR),
  holiday('2026-02-17', LUNAR_NEW_YEAR),
  holiday('2026-02-18', LUNAR_NEW_YEAR),
  holiday('2026-02-19', LUNAR_NEW_YEAR),
  holiday('2026-02-20', LUNAR_NEW_YEAR),
  holiday('2026-04-26', HUNG_KINGS),
  compensatoryDayOff('2026-04-27', HUNG_KINGS),
  holiday('2026-04-30', REUNIFICATION),
  holiday('2026-05-01', LABOUR_DAY),
  holiday('2026-09-01', NATIONAL_DAY_ADJACENT),
  holiday('2026-09-02', NATIONAL_DAY),
];

/**
 * 2027 — VERIFY ALL before production: no government arrangement was published when this was written;
 * the dates follow art. 112 and art. 111(3) only. Lunar dates: mùng 1 Tết Đinh Mùi = Saturday 06/02/2027,
 * Hùng Kings 10/3 lunar = Friday 16/04/2027. Tết assumed as the last day of the old year plus mùng 1–4
 * (05/02–09/02, the pattern of 2026); mùng 1 and 2 fall on the weekend and are compensated on Wednesday
 * 10/02 and Thursday 11/02. 01/05 is a Saturday → compensated Monday 03/05. The day next to National Day
 * (Thursday 02/09) is assumed to be Friday 03/09. A bridge (e.g. Friday 12/02) may be added by the
 * government with a working Saturday; add the pair here when announced.
 */
const YEAR_2027: CalendarEntry[] = [
  holiday('2027-01-01', NEW_YEAR),
  holiday('2027-02-05', LUNAR_NEW_YEAR),
  holiday('2027-02-06', LUNAR_NEW_YEAR),
  holiday('2027-02-07', LUNAR_NEW_YEAR),
  holiday('2027-02-08', LUNAR_NEW_YEAR),
  holiday('2027-02-09', LUNAR_NEW_YEAR),
  compensatoryDayOff('2027-02-10', LUNAR_NEW_YEAR),
  compensatoryDayOff('2027-02-11', LUNAR_NEW_YEAR),
  holiday('2027-04-16', HUNG_KINGS),
  holiday('2027-04-30', REUNIFICATION),
  holiday('2027-05-01', LABOUR_DAY),
  compensatoryDayOff('2027-05-03', LABOUR_DAY),
  holiday('2027-09-02', NATIONAL_DAY),
  holiday('2027-09-03', NATIONAL_DAY_ADJACENT),
];

export const VIETNAM_CALENDAR_ENTRIES_BY_YEAR: Readonly<Record<number, readonly CalendarEntry[]>> = Object.freeze({
  2025: YEAR_2025,
  2026: YEAR_2026,
  2027: YEAR_2027,
});

/** All shipped years as one list, the shape `createWorkingCalendar` takes. */
export const VIETNAM_CALENDAR_ENTRIES: readonly CalendarEntry[] = Object.freeze([...YEAR_2025, ...YEAR_2026, ...YEAR_2027]);
