import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_HOURS, type CalendarEntry } from './calendar-config.js';
import { VIETNAM_CALENDAR_ENTRIES } from './holidays-vn.js';
import { createWorkingCalendar } from './working-calendar.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const OFFSET = 7 * HOUR;

const calendar = createWorkingCalendar({ officeHours: [...DEFAULT_OFFICE_HOURS], entries: [...VIETNAM_CALENDAR_ENTRIES] });

// Receipts from 2025 to autumn 2027, so that every result stays inside the years that have holiday data.
const FIRST = Date.parse('2025-01-01T00:00:00+07:00');
const LAST = Date.parse('2027-09-30T00:00:00+07:00');
const BOUNDARIES = ['07:30', '11:30', '13:30', '17:00', '00:00'].map((t) => Number(t.slice(0, 2)) * HOUR + Number(t.slice(3)) * MINUTE);

/** Any instant, with extra weight on the edges of office hours where off-by-one mistakes live. */
const instant = fc.oneof(
  fc.integer({ min: FIRST, max: LAST }).map((ms) => new Date(ms)),
  fc
    .tuple(fc.integer({ min: 0, max: Math.floor((LAST - FIRST) / DAY) }), fc.constantFrom(...BOUNDARIES), fc.constantFrom(-1, 0, 1))
    .map(([day, clock, nudge]) => new Date(Math.max(FIRST, FIRST + day * DAY + clock + nudge))),
);
const workingMs = fc.integer({ min: 0, max: 40 * 7.5 * HOUR });
const positiveWorkingMs = fc.integer({ min: 1, max: 20 * 7.5 * HOUR });
const workingDays = fc.integer({ min: 0, max: 40 });

/** Local date and milliseconds since local midnight, computed independently of the calendar. */
function local(at: Date): { date: string; msOfDay: number } {
  const shifted = at.getTime() + OFFSET;
  return { date: new Date(shifted).toISOString().slice(0, 10), msOfDay: ((shifted % DAY) + DAY) % DAY };
}

const OPEN = [
  { start: 7.5 * HOUR, end: 11.5 * HOUR },
  { start: 13.5 * HOUR, end: 17 * HOUR },
];

function insideOfficeHours(at: Date, { closedEnd }: { closedEnd: boolean }): boolean {
  const { date, msOfDay } = local(at);
  if (!calendar.isWorkingDay(date)) return false;
  return OPEN.some(({ start, end }) => (closedEnd ? msOfDay > start && msOfDay <= end : msOfDay >= start && msOfDay < end));
}

// A deliberately naive oracle: the office is open in a minute if its local date is a working day by the raw
// data and the minute lies in an interval. Summing minutes must match the calendar's arithmetic.
const ENTRY_BY_DATE = new Map<string, CalendarEntry>(VIETNAM_CALENDAR_ENTRIES.map((e) => [e.date, e]));
function openInMinute(minuteStart: number): boolean {
  const { date, msOfDay } = local(new Date(minuteStart));
  const entry = ENTRY_BY_DATE.get(date);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const workingDay = entry ? entry.kind === 'working_day' : weekday >= 1 && weekday <= 5;
  return workingDay && OPEN.some(({ start, end }) => msOfDay >= start && msOfDay < end);
}

describe('working calendar properties', () => {
  it('addWorkingMs then workingMsBetween gives back the same duration', () => {
    fc.assert(
      fc.property(instant, workingMs, (at, ms) => {
        expect(calendar.workingMsBetween(at, calendar.addWorkingMs(at, ms))).toBe(ms);
      }),
    );
  });

  it('a positive amount of working hours ends inside office hours (an interval’s end included) on a working day', () => {
    fc.assert(
      fc.property(instant, positiveWorkingMs, (at, ms) => {
        const end = calendar.addWorkingMs(at, ms);
        expect(insideOfficeHours(end, { closedEnd: true })).toBe(true);
        expect(end.getTime()).toBeGreaterThan(at.getTime());
      }),
    );
  });

  it('a deadline in working days falls inside office hours on a day that is neither a holiday nor a day off', () => {
    fc.assert(
      fc.property(instant, workingDays, (at, days) => {
        const due = calendar.addWorkingDays(at, days);
        expect(insideOfficeHours(due, { closedEnd: false })).toBe(true);
        expect(calendar.findEntry(local(due).date)?.kind ?? 'working_day').toBe('working_day');
      }),
    );
  });

  it('is monotonic: more working days or hours never give an earlier result', () => {
    fc.assert(
      fc.property(instant, workingDays, (at, days) => {
        expect(calendar.addWorkingDays(at, days + 1).getTime()).toBeGreaterThan(calendar.addWorkingDays(at, days).getTime());
      }),
    );
    fc.assert(
      fc.property(instant, workingMs, workingMs, (at, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(calendar.addWorkingMs(at, small).getTime()).toBeLessThanOrEqual(calendar.addWorkingMs(at, large).getTime());
      }),
    );
  });

  it('is additive: adding a then b equals adding a + b', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (at, a, b) => {
        expect(calendar.addWorkingDays(calendar.addWorkingDays(at, a), b)).toEqual(calendar.addWorkingDays(at, a + b));
      }),
    );
    // Zero is left out for hours: adding nothing at 11:30 moves to 13:30 (the next opening), which is the
    // same working time but another instant.
    fc.assert(
      fc.property(instant, positiveWorkingMs, positiveWorkingMs, (at, a, b) => {
        expect(calendar.addWorkingMs(calendar.addWorkingMs(at, a), b)).toEqual(calendar.addWorkingMs(at, a + b));
      }),
    );
  });

  it('n working days are exactly n working days of working time, whatever the time of receipt', () => {
    fc.assert(
      fc.property(instant, workingDays, (at, days) => {
        const due = calendar.addWorkingDays(at, days);
        expect(calendar.workingMsBetween(at, due)).toBe(days * calendar.workingMsPerDay);
        expect(calendar.workingDaysBetween(at, due)).toBe(days);
      }),
    );
  });

  it('nextWorkingStart is the first open moment: no working time before it, idempotent, and the instant itself when open', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const start = calendar.nextWorkingStart(at);
        expect(start.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(calendar.workingMsBetween(at, start)).toBe(0);
        expect(calendar.nextWorkingStart(start)).toEqual(start);
        expect(insideOfficeHours(start, { closedEnd: false })).toBe(true);
        if (insideOfficeHours(at, { closedEnd: false })) expect(start).toEqual(at);
      }),
    );
  });

  it('working time is antisymmetric, additive over a split point and never more than wall-clock time', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const [forward, backward] = [calendar.workingMsBetween(a, b), calendar.workingMsBetween(b, a)];
        expect(forward + backward).toBe(0);
        expect(Object.is(backward, -0) || Object.is(forward, -0)).toBe(false);
        expect(calendar.workingMsBetween(a, b) + calendar.workingMsBetween(b, c)).toBe(calendar.workingMsBetween(a, c));
        expect(Math.abs(calendar.workingMsBetween(a, b))).toBeLessThanOrEqual(Math.abs(b.getTime() - a.getTime()));
      }),
    );
  });

  it('matches a minute-by-minute count of open minutes', () => {
    const minute = fc.integer({ min: FIRST / MINUTE, max: LAST / MINUTE });
    fc.assert(
      fc.property(minute, fc.integer({ min: 0, max: (10 * DAY) / MINUTE }), (first, length) => {
        let open = 0;
        for (let m = first; m < first + length; m++) if (openInMinute(m * MINUTE)) open++;
        const from = new Date(first * MINUTE);
        const to = new Date((first + length) * MINUTE);
        expect(calendar.workingMsBetween(from, to)).toBe(open * MINUTE);
      }),
      { numRuns: 60 },
    );
  });
});
