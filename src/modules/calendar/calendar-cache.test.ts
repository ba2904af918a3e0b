import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_HOURS } from '../../platform/calendar/calendar-config.js';
import { VIETNAM_CALENDAR_ENTRIES } from '../../platform/calendar/holidays-vn.js';
import { createWorkingCalendar } from '../../platform/calendar/working-calendar.js';
import { CALENDAR_CACHE_TTL_MS, cacheVersion, findCachedCalendar, invalidateCalendars, storeCalendar } from './calendar-cache.js';

const calendar = createWorkingCalendar({ officeHours: [...DEFAULT_OFFICE_HOURS], entries: [...VIETNAM_CALENDAR_ENTRIES] });

describe('calendar cache', () => {
  it('keeps a calendar for the TTL, per database handle', () => {
    const db = {};
    const other = {};
    storeCalendar(db, 7, cacheVersion(db), calendar, 1_000);
    expect(findCachedCalendar(db, 7, 1_000 + CALENDAR_CACHE_TTL_MS - 1)).toBe(calendar);
    expect(findCachedCalendar(db, 7, 1_000 + CALENDAR_CACHE_TTL_MS)).toBeUndefined();
    expect(findCachedCalendar(other, 7, 1_000)).toBeUndefined();
  });

  it('drops everything on an edit, and refuses a calendar built from data read before the edit', () => {
    const db = {};
    const readAt = cacheVersion(db);
    storeCalendar(db, 1, readAt, calendar, 0);
    invalidateCalendars(db);
    expect(findCachedCalendar(db, 1, 0)).toBeUndefined();
    storeCalendar(db, 1, readAt, calendar, 0);
    expect(findCachedCalendar(db, 1, 0)).toBeUndefined();
    storeCalendar(db, 1, cacheVersion(db), calendar, 0);
    expect(findCachedCalendar(db, 1, 0)).toBe(calendar);
  });
});
