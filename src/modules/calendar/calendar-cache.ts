import type { WorkingCalendar } from '../../platform/calendar/working-calendar.js';

/**
 * Built calendars, per database and unit, for a short time. Edits made through this process bump the
 * version and so take effect at once; another node of a multi-node deployment keeps its own cache and sees
 * an edit within CALENDAR_CACHE_TTL_MS at the latest (holiday edits are rare and announced weeks ahead).
 */
export const CALENDAR_CACHE_TTL_MS = 60_000;

interface Slot {
  version: number;
  byUnit: Map<number, { calendar: WorkingCalendar; expiresAt: number }>;
}

// Keyed by the database handle, so two apps in one process (tests on both dialects) never share entries.
const slots = new WeakMap<object, Slot>();

function slotOf(db: object): Slot {
  let slot = slots.get(db);
  if (!slot) {
    slot = { version: 0, byUnit: new Map() };
    slots.set(db, slot);
  }
  return slot;
}

export function cacheVersion(db: object): number {
  return slotOf(db).version;
}

export function findCachedCalendar(db: object, unitId: number, now = Date.now()): WorkingCalendar | undefined {
  const hit = slotOf(db).byUnit.get(unitId);
  return hit && hit.expiresAt > now ? hit.calendar : undefined;
}

/** Stores a calendar built from data read at `version`; dropped if an edit happened meanwhile. */
export function storeCalendar(db: object, unitId: number, version: number, calendar: WorkingCalendar, now = Date.now()): void {
  const slot = slotOf(db);
  if (slot.version !== version) return;
  slot.byUnit.set(unitId, { calendar, expiresAt: now + CALENDAR_CACHE_TTL_MS });
}

/** Call after an edit has committed (not before: a reader could cache the old data in between). */
export function invalidateCalendars(db: object): void {
  const slot = slotOf(db);
  slot.version += 1;
  slot.byUnit.clear();
}
