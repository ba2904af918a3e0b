import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { DEFAULT_OFFICE_HOURS } from './calendar-config.js';
import { VIETNAM_CALENDAR_ENTRIES } from './holidays-vn.js';
import { createWorkingCalendar } from './working-calendar.js';

const HOUR = 3_600_000;
const calendar = createWorkingCalendar({ officeHours: [...DEFAULT_OFFICE_HOURS], entries: [...VIETNAM_CALENDAR_ENTRIES] });

/** A local wall-clock time in Viet Nam, `yyyy-MM-dd HH:mm`, as the UTC instant it denotes. */
const vn = (localDateTime: string) => new Date(`${localDateTime.replace(' ', 'T')}:00+07:00`);

describe('working days', () => {
  it('follows Monday–Friday, holidays, bridge days and working Saturdays', () => {
    expect(calendar.isWorkingDay('2025-04-28')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2025-04-27')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2025-04-19')).toBe(false); // ordinary Saturday
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true); // Saturday worked in exchange for 02/05
    expect(calendar.isWorkingDay('2025-05-02')).toBe(false); // the bridge Friday
    expect(calendar.isWorkingDay('2025-01-29')).toBe(false); // mùng 1 Tết Ất Tỵ
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false); // compensation for Hùng Kings on Sunday 26/04/2026
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true); // Saturday worked in exchange for 02/01/2026
  });

  it('explains a day off with its entry', () => {
    expect(calendar.findEntry('2026-04-27')).toMatchObject({ kind: 'day_off', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
    expect(calendar.findEntry('2025-04-28')).toBeUndefined();
  });
});

describe('nextWorkingStart — when a receipt starts to count', () => {
  it('keeps a receipt made during office hours', () => {
    expect(calendar.nextWorkingStart(vn('2025-03-17 09:00'))).toEqual(vn('2025-03-17 09:00'));
    expect(calendar.nextWorkingStart(vn('2025-03-17 07:30'))).toEqual(vn('2025-03-17 07:30'));
    const justBeforeLunch = new Date(vn('2025-03-17 11:30').getTime() - 1);
    expect(calendar.nextWorkingStart(justBeforeLunch)).toEqual(justBeforeLunch);
  });

  it('counts a receipt during the lunch break (11:45) from 13:30', () => {
    expect(calendar.nextWorkingStart(vn('2025-03-17 11:45'))).toEqual(vn('2025-03-17 13:30'));
    expect(calendar.nextWorkingStart(vn('2025-03-17 11:30'))).toEqual(vn('2025-03-17 13:30'));
  });

  it('counts a receipt after hours on Friday (17:30, or 17:00 sharp) from Monday 07:30', () => {
    expect(calendar.nextWorkingStart(vn('2025-03-14 17:30'))).toEqual(vn('2025-03-17 07:30'));
    expect(calendar.nextWorkingStart(vn('2025-03-14 17:00'))).toEqual(vn('2025-03-17 07:30'));
  });

  it('counts an early-morning receipt from the opening', () => {
    expect(calendar.nextWorkingStart(vn('2025-03-17 06:00'))).toEqual(vn('2025-03-17 07:30'));
  });

  it('skips a Sunday holiday and its compensatory Monday', () => {
    expect(calendar.nextWorkingStart(vn('2026-04-26 09:00'))).toEqual(vn('2026-04-28 07:30'));
  });
});

describe('addWorkingDays — the appointment date (ngày hẹn trả)', () => {
  it('is the same time of day n working days later', () => {
    expect(calendar.addWorkingDays(vn('2025-03-17 09:00'), 1)).toEqual(vn('2025-03-18 09:00'));
    expect(calendar.addWorkingDays(vn('2025-03-14 15:20'), 1)).toEqual(vn('2025-03-17 15:20'));
    expect(calendar.addWorkingDays(vn('2025-03-17 09:00'), 0)).toEqual(vn('2025-03-17 09:00'));
  });

  it('puts a dossier received on the last working day before Tết after Tết', () => {
    // Tết Ất Tỵ: break Saturday 25/01/2025 – Sunday 02/02/2025.
    expect(calendar.addWorkingDays(vn('2025-01-24 10:00'), 1)).toEqual(vn('2025-02-03 10:00'));
    expect(calendar.addWorkingDays(vn('2025-01-24 10:00'), 3)).toEqual(vn('2025-02-05 10:00'));
    // Tết Bính Ngọ: break Saturday 14/02/2026 – Sunday 22/02/2026.
    expect(calendar.addWorkingDays(vn('2026-02-13 16:00'), 1)).toEqual(vn('2026-02-23 16:00'));
  });

  it('uses the government swap: Saturday 26/04/2025 is a working day, 30/04–04/05 is not', () => {
    expect(calendar.addWorkingDays(vn('2025-04-25 09:00'), 1)).toEqual(vn('2025-04-26 09:00'));
    expect(calendar.addWorkingDays(vn('2025-04-25 09:00'), 2)).toEqual(vn('2025-04-28 09:00'));
    expect(calendar.addWorkingDays(vn('2025-04-25 09:00'), 4)).toEqual(vn('2025-05-05 09:00'));
  });

  it('counts an after-hours or lunch-time receipt from the next opening', () => {
    expect(calendar.addWorkingDays(vn('2025-03-14 17:30'), 1)).toEqual(vn('2025-03-18 07:30'));
    expect(calendar.addWorkingDays(vn('2025-03-17 11:45'), 2)).toEqual(vn('2025-03-19 13:30'));
  });
});

describe('addWorkingHours', () => {
  it('adds working time inside the day, stopping at the end of an interval when it is used up exactly', () => {
    expect(calendar.addWorkingHours(vn('2025-03-17 10:00'), 1)).toEqual(vn('2025-03-17 11:00'));
    expect(calendar.addWorkingHours(vn('2025-03-17 10:00'), 1.5)).toEqual(vn('2025-03-17 11:30'));
    expect(calendar.addWorkingHours(vn('2025-03-17 10:00'), 2)).toEqual(vn('2025-03-17 14:00'));
    expect(calendar.addWorkingHours(vn('2025-03-17 07:30'), 7.5)).toEqual(vn('2025-03-17 17:00'));
  });

  it('carries over evenings, weekends and holidays', () => {
    expect(calendar.addWorkingHours(vn('2025-03-17 16:00'), 2)).toEqual(vn('2025-03-18 08:30'));
    expect(calendar.addWorkingHours(vn('2025-03-14 16:00'), 2)).toEqual(vn('2025-03-17 08:30'));
    expect(calendar.addWorkingHours(vn('2025-01-24 16:00'), 8)).toEqual(vn('2025-02-03 16:30'));
    expect(calendar.addWorkingHours(vn('2025-03-17 10:00'), 7.5)).toEqual(vn('2025-03-18 10:00'));
  });

  it('counts a lunch-time receipt from 13:30', () => {
    expect(calendar.addWorkingHours(vn('2025-03-17 11:45'), 1)).toEqual(vn('2025-03-17 14:30'));
  });
});

describe('working time between two instants', () => {
  it('counts only office hours on working days', () => {
    expect(calendar.workingMsBetween(vn('2025-03-14 16:00'), vn('2025-03-17 08:30'))).toBe(2 * HOUR);
    expect(calendar.workingMsBetween(vn('2025-03-17 11:00'), vn('2025-03-17 14:00'))).toBe(1 * HOUR);
    expect(calendar.workingMsBetween(vn('2025-03-17 12:00'), vn('2025-03-17 13:00'))).toBe(0);
    expect(calendar.workingMsBetween(vn('2025-01-24 10:00'), vn('2025-02-03 10:00'))).toBe(7.5 * HOUR);
  });

  it('is negative when the end is before the start (e.g. time left before a deadline)', () => {
    expect(calendar.workingMsBetween(vn('2025-03-17 08:30'), vn('2025-03-14 16:00'))).toBe(-2 * HOUR);
  });

  it('gives whole working days elapsed, truncated', () => {
    expect(calendar.workingDaysBetween(vn('2025-01-24 10:00'), vn('2025-02-03 10:00'))).toBe(1);
    expect(calendar.workingDaysBetween(vn('2025-01-24 10:00'), vn('2025-02-03 09:59'))).toBe(0);
    expect(calendar.workingDaysBetween(vn('2025-04-25 09:00'), vn('2025-05-05 09:00'))).toBe(4);
    expect(calendar.workingDaysBetween(vn('2025-05-05 09:00'), vn('2025-04-25 09:00'))).toBe(-4);
  });
});

describe('configuration', () => {
  it('uses each unit’s own office hours and working week', () => {
    const saturdayMornings = createWorkingCalendar({
      officeHours: [{ start: '08:00', end: '12:00' }],
      entries: [...VIETNAM_CALENDAR_ENTRIES],
      workingWeekdays: [1, 2, 3, 4, 5, 6],
    });
    expect(saturdayMornings.workingMsPerDay).toBe(4 * HOUR);
    expect(saturdayMornings.nextWorkingStart(vn('2025-03-14 12:30'))).toEqual(vn('2025-03-15 08:00'));
    expect(saturdayMornings.addWorkingHours(vn('2025-03-15 11:00'), 2)).toEqual(vn('2025-03-17 09:00'));
    expect(calendar.workingMsPerDay).toBe(7.5 * HOUR);
  });

  it('does its arithmetic in the configured zone, not the machine’s', () => {
    const utcCalendar = createWorkingCalendar({
      officeHours: [...DEFAULT_OFFICE_HOURS],
      entries: [...VIETNAM_CALENDAR_ENTRIES],
      timeZone: { name: 'UTC', utcOffsetMinutes: 0 },
    });
    expect(utcCalendar.nextWorkingStart(new Date('2025-03-17T06:00:00Z'))).toEqual(new Date('2025-03-17T07:30:00Z'));
  });

  it('refuses to reason about a year without holiday data', () => {
    const attempt = () => calendar.addWorkingDays(vn('2027-12-31 10:00'), 1);
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_CONFIGURED', params: { year: 2028 }, status: 409 }));
    expect(() => calendar.isWorkingDay('2024-12-31')).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_CONFIGURED' }));
    // Time already elapsed inside configured years needs nothing from 2028.
    expect(calendar.workingMsBetween(vn('2027-12-31 07:30'), vn('2027-12-31 23:59'))).toBe(7.5 * HOUR);
  });

  it('rejects an invalid configuration with a coded error and field paths', () => {
    const attempt = () =>
      createWorkingCalendar({
        officeHours: [{ start: '13:30', end: '17:00' }, { start: '07:30', end: '7:30' }],
        entries: [{ date: '2025-02-30', kind: 'holiday', name: 'x' }],
      });
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'CALENDAR_CONFIG_INVALID',
        status: 400,
        fieldErrors: [
          { path: '/officeHours/1/end', message: 'Giờ phải có dạng HH:mm (00:00–24:00).' },
          { path: '/entries/0/date', message: 'Ngày phải có dạng yyyy-MM-dd và là ngày có thật.' },
        ],
      }),
    );
  });

  it('rejects arguments that are not instants or not non-negative amounts', () => {
    const monday = vn('2025-03-17 09:00');
    expect(() => calendar.addWorkingDays(monday, -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(monday, 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingHours(monday, Number.NaN)).toThrow(RangeError);
    expect(() => calendar.addWorkingMs(monday, 0.5)).toThrow(RangeError);
    expect(() => calendar.nextWorkingStart(new Date('not a date'))).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('17/03/2025')).toThrow(RangeError);
  });
});

describe('independence from the machine time zone', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('gives the same answers whatever TZ the process runs in', () => {
    const answers = () => [
      calendar.nextWorkingStart(vn('2025-03-14 17:30')).toISOString(),
      calendar.addWorkingDays(vn('2025-01-24 10:00'), 1).toISOString(),
      calendar.addWorkingHours(vn('2025-03-17 16:00'), 2).toISOString(),
      calendar.localDateOf(new Date('2025-01-24T17:30:00Z')),
    ];
    const offsets: number[] = [];
    const results = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh'].map((tz) => {
      process.env.TZ = tz;
      offsets.push(new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset());
      return answers();
    });
    expect(new Set(offsets).size).toBe(4); // the TZ really changed between runs
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0]).toEqual(['2025-03-17T00:30:00.000Z', '2025-02-03T03:00:00.000Z', '2025-03-18T01:30:00.000Z', '2025-01-25']);
  });
});
