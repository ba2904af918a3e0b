import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_HOURS, type WorkingCalendarConfig } from './calendar-config.js';
import { validateCalendarConfig } from './validate-calendar-config.js';

const valid: WorkingCalendarConfig = {
  officeHours: [...DEFAULT_OFFICE_HOURS],
  entries: [{ date: '2025-01-01', kind: 'holiday', name: 'Tết Dương lịch' }],
};
const paths = (config: WorkingCalendarConfig) => validateCalendarConfig(config).map((e) => e.path);

describe('validateCalendarConfig', () => {
  it('accepts the defaults and a custom unit with its own week and zone', () => {
    expect(validateCalendarConfig(valid)).toEqual([]);
    expect(
      validateCalendarConfig({
        ...valid,
        officeHours: [{ start: '00:00', end: '24:00' }],
        workingWeekdays: [1, 2, 3, 4, 5, 6],
        timeZone: { name: 'Asia/Bangkok', utcOffsetMinutes: 420 },
      }),
    ).toEqual([]);
  });

  it('rejects missing, malformed, reversed or overlapping office hours', () => {
    expect(paths({ ...valid, officeHours: [] })).toEqual(['/officeHours']);
    expect(paths({ ...valid, officeHours: [{ start: '7:30', end: '11:30' }] })).toEqual(['/officeHours/0/start']);
    expect(paths({ ...valid, officeHours: [{ start: '11:30', end: '11:30' }] })).toEqual(['/officeHours/0/end']);
    expect(
      paths({
        ...valid,
        officeHours: [
          { start: '07:30', end: '11:30' },
          { start: '11:00', end: '17:00' },
        ],
      }),
    ).toEqual(['/officeHours/1/start']);
    expect(paths({ ...valid, officeHours: [{ start: 730, end: null }] as never })).toEqual(['/officeHours/0/start', '/officeHours/0/end']);
  });

  it('rejects bad entries field by field', () => {
    const entries = [
      { date: '2025-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
      { date: '2025-01-01', kind: 'holiday', name: 'Trùng ngày' },
      { date: '2025-02-29', kind: 'holiday', name: 'Không có thật' },
      { date: '2025-03-03', kind: 'vacation', name: 'Loại sai' },
      { date: '2025-03-04', kind: 'day_off', name: '  ' },
      { date: '2025-03-05', kind: 'working_day', name: 'Làm bù vào thứ Tư' },
    ] as WorkingCalendarConfig['entries'];
    expect(validateCalendarConfig({ ...valid, entries })).toEqual([
      { path: '/entries/1/date', message: 'Ngày này đã có trong lịch.' },
      { path: '/entries/2/date', message: 'Ngày phải có dạng yyyy-MM-dd và là ngày có thật.' },
      { path: '/entries/3/kind', message: expect.stringContaining('holiday') },
      { path: '/entries/4/name', message: 'Tên ngày không được để trống.' },
      { path: '/entries/5/date', message: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.' },
    ]);
  });

  it('rejects a bad working week and time zone', () => {
    expect(paths({ ...valid, workingWeekdays: [] })).toEqual(['/workingWeekdays']);
    expect(paths({ ...valid, workingWeekdays: [1, 7, 1, 2.5] })).toEqual(['/workingWeekdays/1', '/workingWeekdays/2', '/workingWeekdays/3']);
    expect(paths({ ...valid, timeZone: { name: '', utcOffsetMinutes: 7.5 } })).toEqual(['/timeZone/name', '/timeZone/utcOffsetMinutes']);
  });

  it('speaks English when asked', () => {
    expect(validateCalendarConfig({ ...valid, officeHours: [] }, 'en')).toEqual([
      { path: '/officeHours', message: 'At least one office-hours interval is required.' },
    ]);
  });
});
