import { sql } from 'kysely';
import type { CalendarEntry, OfficeInterval } from '../../platform/calendar/calendar-config.js';
import type { Executor } from '../../platform/database/database.js';
import { dialectOf } from '../../platform/database/dialect.js';
import type { CalendarEntryView } from './calendar.schema.js';

function toView(row: { date: string; kind: string; name: string; name_en: string | null }): CalendarEntryView {
  return { date: row.date, kind: row.kind as CalendarEntryView['kind'], name: row.name, nameEn: row.name_en };
}

// Dates are yyyy-MM-dd text, so a year is a text range and sorts chronologically.
export async function listEntriesOfYear(db: Executor, year: number): Promise<CalendarEntryView[]> {
  const rows = await db
    .selectFrom('calendar_entries')
    .selectAll()
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
  return rows.map(toView);
}

export async function listAllEntries(db: Executor): Promise<CalendarEntry[]> {
  const rows = await db.selectFrom('calendar_entries').selectAll().orderBy('date').execute();
  return rows.map((row) => ({
    date: row.date,
    kind: row.kind as CalendarEntry['kind'],
    name: row.name,
    ...(row.name_en === null ? {} : { nameEn: row.name_en }),
  }));
}

/**
 * Serialises year replacements. Two concurrent delete-then-insert transactions would otherwise collide on
 * the date key under PostgreSQL's READ COMMITTED (the second delete does not see the first one's inserts);
 * SQLite already runs one write transaction at a time.
 */
export async function lockCalendarEntries(tx: Executor): Promise<void> {
  if (dialectOf(tx) === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('cqs.calendar_entries'))`.execute(tx);
}

export async function replaceEntriesOfYear(
  tx: Executor,
  year: number,
  entries: CalendarEntryView[],
  by: { userId: number | null; at: string },
): Promise<void> {
  await tx.deleteFrom('calendar_entries').where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).execute();
  if (entries.length === 0) return;
  await tx
    .insertInto('calendar_entries')
    .values(entries.map((e) => ({ date: e.date, kind: e.kind, name: e.name, name_en: e.nameEn, updated_at: by.at, updated_by: by.userId })))
    .execute();
}

export interface StoredOfficeHours {
  unitId: number;
  officeHours: OfficeInterval[];
  workingWeekdays: number[];
}

export async function findOfficeHoursRows(db: Executor, unitIds: number[]): Promise<StoredOfficeHours[]> {
  if (unitIds.length === 0) return [];
  const rows = await db.selectFrom('unit_office_hours').selectAll().where('unit_id', 'in', unitIds).execute();
  return rows.map((row) => ({
    unitId: Number(row.unit_id),
    officeHours: JSON.parse(row.intervals) as OfficeInterval[],
    workingWeekdays: JSON.parse(row.working_weekdays) as number[],
  }));
}

export async function upsertOfficeHours(tx: Executor, hours: StoredOfficeHours, by: { userId: number | null; at: string }): Promise<void> {
  const values = {
    intervals: JSON.stringify(hours.officeHours),
    working_weekdays: JSON.stringify(hours.workingWeekdays),
    updated_at: by.at,
    updated_by: by.userId,
  };
  await tx
    .insertInto('unit_office_hours')
    .values({ unit_id: hours.unitId, ...values })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet(values))
    .execute();
}

export async function deleteOfficeHours(tx: Executor, unitId: number): Promise<number> {
  const result = await tx.deleteFrom('unit_office_hours').where('unit_id', '=', unitId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
