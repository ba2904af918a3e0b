import type { Kysely } from 'kysely';
import { VIETNAM_CALENDAR_ENTRIES } from '../../calendar/holidays-vn.js';

// The working calendar becomes data the administrator edits (domain.md §4: configuration with shipped
// defaults): province-wide holidays, days off and swap days, and office hours per unit (a unit without a
// row inherits its nearest ancestor's hours, else the shipped default).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_entries')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .execute();

  await db.schema
    .createTable('unit_office_hours')
    .addColumn('unit_id', 'integer', (c) => c.primaryKey().references('units.id'))
    .addColumn('intervals', 'text', (c) => c.notNull())
    .addColumn('working_weekdays', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .execute();

  // Seeded from the shipped data of 2025–2027 (holidays-vn.ts, with sources); later years are the
  // administrator's to add once the government announces them.
  const now = new Date().toISOString();
  await db
    .insertInto('calendar_entries')
    .values(
      VIETNAM_CALENDAR_ENTRIES.map((entry) => ({
        date: entry.date,
        kind: entry.kind,
        name: entry.name,
        name_en: entry.nameEn ?? null,
        updated_at: now,
        updated_by: null,
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unit_office_hours').execute();
  await db.schema.dropTable('calendar_entries').execute();
}
