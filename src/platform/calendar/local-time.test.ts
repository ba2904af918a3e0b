import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  VIETNAM_TIME_ZONE,
  findClockTimeMs,
  findDayNumber,
  formatDayNumber,
  getDayNumber,
  localDateOf,
  toInstant,
  toLocalPosition,
  weekdayOf,
} from './local-time.js';

const HO_CHI_MINH_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

describe('local time in Asia/Ho_Chi_Minh', () => {
  it('reads 17:00 UTC as the next local day at 00:00', () => {
    const position = toLocalPosition(new Date('2025-01-24T17:00:00Z'), VIETNAM_TIME_ZONE);
    expect(formatDayNumber(position.day)).toBe('2025-01-25');
    expect(position.msOfDay).toBe(0);
    expect(localDateOf(new Date('2025-01-24T16:59:59.999Z'), VIETNAM_TIME_ZONE)).toBe('2025-01-24');
  });

  it('agrees with the IANA time-zone database for any instant 2000–2040', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (ms) => {
        const instant = new Date(ms - (ms % 1000));
        const parts = Object.fromEntries(HO_CHI_MINH_PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
        const position = toLocalPosition(instant, VIETNAM_TIME_ZONE);
        const seconds = position.msOfDay / 1000;
        expect(formatDayNumber(position.day)).toBe(`${parts.year}-${parts.month}-${parts.day}`);
        expect(seconds).toBe(Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second));
      }),
    );
  });

  it('turns a local position back into the same instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: -840, max: 840 }), (ms, offset) => {
        const zone = { name: 'test', utcOffsetMinutes: offset };
        expect(toInstant(toLocalPosition(new Date(ms), zone), zone).getTime()).toBe(ms);
      }),
    );
  });
});

describe('local dates and clock times', () => {
  it('parses real dates and rejects impossible or malformed ones', () => {
    expect(formatDayNumber(getDayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(weekdayOf(getDayNumber('2025-04-26'))).toBe(6);
    for (const bad of ['2025-02-29', '2025-13-01', '2025-04-31', '2025-4-1', '25-04-01', '0099-01-01', '2025-04-01T00:00', '']) {
      expect(findDayNumber(bad), bad).toBeUndefined();
    }
    expect(() => getDayNumber('2025-02-30')).toThrow(RangeError);
  });

  it('parses HH:mm from 00:00 to 24:00 only', () => {
    expect(findClockTimeMs('07:30')).toBe(7.5 * 3_600_000);
    expect(findClockTimeMs('00:00')).toBe(0);
    expect(findClockTimeMs('24:00')).toBe(24 * 3_600_000);
    for (const bad of ['7:30', '24:01', '25:00', '12:60', '12:3', '12.30', '']) expect(findClockTimeMs(bad), bad).toBeUndefined();
  });
});
