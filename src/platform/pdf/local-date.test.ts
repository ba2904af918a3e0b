import { describe, expect, it } from 'vitest';
import { formatLongDate, formatLongDateTime, formatShortDate, formatShortDateTime } from './local-date.js';

describe('dates on forms (Asia/Ho_Chi_Minh, Decree 30/2020 style)', () => {
  it('reads the date in Viet Nam, not in UTC: 20:30 UTC on 31 Dec is already 1 Jan', () => {
    const instant = new Date('2025-12-31T20:30:00Z');
    expect(formatLongDate(instant)).toBe('ngày 01 tháng 01 năm 2026');
    expect(formatShortDateTime(instant)).toBe('03:30 01/01/2026');
  });

  it('pads days below 10 and the months 1 and 2, but not months 3 to 9', () => {
    expect(formatLongDate(new Date('2026-02-05T03:00:00Z'))).toBe('ngày 05 tháng 02 năm 2026');
    expect(formatLongDate(new Date('2026-03-09T03:00:00Z'))).toBe('ngày 09 tháng 3 năm 2026');
    expect(formatLongDate(new Date('2026-11-27T03:00:00Z'))).toBe('ngày 27 tháng 11 năm 2026');
  });

  it('writes hours and minutes in words for receipt and appointment times', () => {
    expect(formatLongDateTime(new Date('2026-03-12T09:00:00Z'))).toBe('16 giờ 00 phút, ngày 12 tháng 3 năm 2026');
    expect(formatShortDate(new Date('2026-03-12T17:00:00Z'))).toBe('13/03/2026');
  });
});
