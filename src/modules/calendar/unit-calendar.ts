import { ancestorIds } from '../../platform/auth/access.js';
import { DEFAULT_OFFICE_HOURS, DEFAULT_WORKING_WEEKDAYS } from '../../platform/calendar/calendar-config.js';
import { createWorkingCalendar, type WorkingCalendar } from '../../platform/calendar/working-calendar.js';
import type { Db, Executor } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { cacheVersion, findCachedCalendar, storeCalendar } from './calendar-cache.js';
import { findOfficeHoursRows, listAllEntries, type StoredOfficeHours } from './calendar.repository.js';

export interface EffectiveOfficeHours extends Omit<StoredOfficeHours, 'unitId'> {
  /** The unit whose row applies (the unit itself or its nearest ancestor), or null for the shipped default. */
  sourceUnitId: number | null;
}

/** Office hours of a unit: its own row, else the nearest ancestor's, else the shipped default (domain.md §4). */
export async function findEffectiveOfficeHours(db: Executor, unitId: number): Promise<EffectiveOfficeHours | undefined> {
  const chain = await ancestorIds(db, unitId);
  if (chain.length === 0) return undefined;
  const rows = new Map((await findOfficeHoursRows(db, chain)).map((row) => [row.unitId, row]));
  const nearest = chain.map((id) => rows.get(id)).find((row) => row !== undefined);
  if (nearest) return { officeHours: nearest.officeHours, workingWeekdays: nearest.workingWeekdays, sourceUnitId: nearest.unitId };
  return { officeHours: [...DEFAULT_OFFICE_HOURS], workingWeekdays: [...DEFAULT_WORKING_WEEKDAYS], sourceUnitId: null };
}

/**
 * The working calendar of a unit: the province's holidays and swaps with the unit's office hours. Cached
 * in memory per process (calendar-cache.ts: edits here apply at once, other nodes within a minute).
 * Throws NOT_FOUND for a unit that does not exist.
 */
export async function getWorkingCalendar(db: Db, unitId: number): Promise<WorkingCalendar> {
  const cached = findCachedCalendar(db, unitId);
  if (cached) return cached;
  const version = cacheVersion(db);
  const hours = await findEffectiveOfficeHours(db, unitId);
  if (!hours) throw new AppError('NOT_FOUND');
  const calendar = createWorkingCalendar({
    officeHours: hours.officeHours,
    workingWeekdays: hours.workingWeekdays,
    entries: await listAllEntries(db),
  });
  storeCalendar(db, unitId, version, calendar);
  return calendar;
}
