import type { FieldError } from '../errors/app-error.js';
import type { Language } from '../i18n/language.js';
import { CALENDAR_ENTRY_KINDS, DEFAULT_WORKING_WEEKDAYS, type WorkingCalendarConfig } from './calendar-config.js';
import { findClockTimeMs, findDayNumber, weekdayOf } from './local-time.js';

const MESSAGES = {
  officeHoursEmpty: { vi: 'Phải có ít nhất một khoảng giờ làm việc.', en: 'At least one office-hours interval is required.' },
  clockTime: { vi: 'Giờ phải có dạng HH:mm (00:00–24:00).', en: 'Time must be HH:mm (00:00–24:00).' },
  endBeforeStart: { vi: 'Giờ kết thúc phải sau giờ bắt đầu.', en: 'The end must be after the start.' },
  overlap: {
    vi: 'Các khoảng giờ làm việc phải theo thứ tự và không chồng lên nhau.',
    en: 'Office-hours intervals must be in order and must not overlap.',
  },
  date: { vi: 'Ngày phải có dạng yyyy-MM-dd và là ngày có thật.', en: 'The date must be a real date in the form yyyy-MM-dd.' },
  duplicateDate: { vi: 'Ngày này đã có trong lịch.', en: 'This date is already in the calendar.' },
  kind: {
    vi: 'Loại ngày phải là holiday (nghỉ lễ), day_off (nghỉ bù/hoán đổi) hoặc working_day (làm bù).',
    en: 'The kind must be holiday, day_off or working_day.',
  },
  name: { vi: 'Tên ngày không được để trống.', en: 'The name must not be empty.' },
  workingDayOnWorkday: {
    vi: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.',
    en: 'A working_day swap must fall on a Saturday or Sunday.',
  },
  weekdaysEmpty: { vi: 'Phải có ít nhất một ngày làm việc trong tuần.', en: 'At least one working weekday is required.' },
  weekday: {
    vi: 'Thứ trong tuần phải là số nguyên 0 (Chủ nhật) đến 6 (thứ Bảy), không trùng lặp.',
    en: 'A weekday must be a distinct integer from 0 (Sunday) to 6 (Saturday).',
  },
  zoneName: { vi: 'Tên múi giờ không được để trống.', en: 'The time-zone name must not be empty.' },
  zoneOffset: {
    vi: 'Độ lệch múi giờ phải là số phút nguyên từ -720 đến 840.',
    en: 'The time-zone offset must be whole minutes from -720 to 840.',
  },
} satisfies Record<string, Record<Language, string>>;

const ENTRY_KINDS: ReadonlySet<string> = new Set(Object.values(CALENDAR_ENTRY_KINDS));
const STANDARD_WEEKDAYS: ReadonlySet<number> = new Set(DEFAULT_WORKING_WEEKDAYS);

/**
 * Checks a calendar configuration the way an administrator's edit will be checked later (it comes from
 * a form or the database, so types are checked at run time too). Empty list = valid.
 */
export function validateCalendarConfig(config: WorkingCalendarConfig, language: Language = 'vi'): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (path: string, message: keyof typeof MESSAGES) => errors.push({ path, message: MESSAGES[message][language] });

  if (config.workingWeekdays !== undefined) checkWeekdays(config.workingWeekdays, fail);
  checkOfficeHours(config, fail);
  checkEntries(config, fail);

  if (config.timeZone !== undefined) {
    const { name, utcOffsetMinutes } = config.timeZone;
    if (typeof name !== 'string' || name.trim() === '') fail('/timeZone/name', 'zoneName');
    if (!Number.isInteger(utcOffsetMinutes) || utcOffsetMinutes < -720 || utcOffsetMinutes > 840) {
      fail('/timeZone/utcOffsetMinutes', 'zoneOffset');
    }
  }
  return errors;
}

type Fail = (path: string, message: keyof typeof MESSAGES) => void;

function checkWeekdays(weekdays: readonly number[], fail: Fail): void {
  if (!Array.isArray(weekdays) || weekdays.length === 0) return fail('/workingWeekdays', 'weekdaysEmpty');
  const seen = new Set<number>();
  weekdays.forEach((weekday, index) => {
    if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6 || seen.has(weekday)) fail(`/workingWeekdays/${index}`, 'weekday');
    seen.add(weekday);
  });
}

function checkOfficeHours(config: WorkingCalendarConfig, fail: Fail): void {
  if (!Array.isArray(config.officeHours) || config.officeHours.length === 0) return fail('/officeHours', 'officeHoursEmpty');
  let previousEnd = -1;
  config.officeHours.forEach((interval, index) => {
    const start = typeof interval?.start === 'string' ? findClockTimeMs(interval.start) : undefined;
    const end = typeof interval?.end === 'string' ? findClockTimeMs(interval.end) : undefined;
    if (start === undefined) fail(`/officeHours/${index}/start`, 'clockTime');
    if (end === undefined) fail(`/officeHours/${index}/end`, 'clockTime');
    if (start === undefined || end === undefined) return;
    if (end <= start) return fail(`/officeHours/${index}/end`, 'endBeforeStart');
    if (start < previousEnd) fail(`/officeHours/${index}/start`, 'overlap');
    previousEnd = end;
  });
}

function checkEntries(config: WorkingCalendarConfig, fail: Fail): void {
  if (!Array.isArray(config.entries)) return fail('/entries', 'date');
  const seen = new Set<number>();
  config.entries.forEach((entry, index) => {
    const day = typeof entry?.date === 'string' ? findDayNumber(entry.date) : undefined;
    if (day === undefined) fail(`/entries/${index}/date`, 'date');
    else if (seen.has(day)) fail(`/entries/${index}/date`, 'duplicateDate');
    if (day !== undefined) seen.add(day);
    const kindKnown = typeof entry?.kind === 'string' && ENTRY_KINDS.has(entry.kind);
    if (!kindKnown) fail(`/entries/${index}/kind`, 'kind');
    if (typeof entry?.name !== 'string' || entry.name.trim() === '') fail(`/entries/${index}/name`, 'name');
    // The government's swaps turn a Saturday or Sunday into a working day; a swap on Monday–Friday is almost
    // surely a typo in the date. Judged against the standard week, not the unit's: entries are per province,
    // and a swap Saturday is merely redundant for a unit that opens on Saturdays anyway.
    if (kindKnown && entry.kind === 'working_day' && day !== undefined && STANDARD_WEEKDAYS.has(weekdayOf(day))) {
      fail(`/entries/${index}/date`, 'workingDayOnWorkday');
    }
  });
}
