import type { Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.js';

/*
 * Periodic reports under Decree 09/2019 (domain.md §8):
 * - `report_templates` + `report_template_versions`: a table of indicators (rows × columns, types, units, validation
 *   rules, formulas, aggregation, platform sources) as versioned JSON; a round keeps the version it was issued with.
 * - `report_rounds`: one issue of a template for a period (kỳ báo cáo) with its due date, by the assigning unit.
 * - `report_assignments`: one unit's report in a round and where it stands (pending, draft, submitted, returned,
 *   accepted); `report_submissions` keeps every saved or submitted version of its figures, never overwritten.
 * - `report_events`: the history shown to users (created, saved, submitted, returned with comments, accepted, reminded).
 * - `report_reminders`: which reminder went to which assignment, so the job sends each one exactly once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));

  await db.schema
    .createTable('report_templates')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('regime', 'text', (c) => c.notNull())
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('report_template_versions')
    .addColumn('id', 'integer', id)
    .addColumn('template_id', 'integer', (c) => c.notNull().references('report_templates.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('report_template_versions_unique', ['template_id', 'version'])
    .execute();

  await db.schema
    .createTable('report_rounds')
    .addColumn('id', 'integer', id)
    .addColumn('template_id', 'integer', (c) => c.notNull().references('report_templates.id'))
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('assigner_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('period_label', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_rounds_template').on('report_rounds').columns(['template_id', 'period_from']).execute();

  await db.schema
    .createTable('report_assignments')
    .addColumn('id', 'integer', id)
    .addColumn('round_id', 'integer', (c) => c.notNull().references('report_rounds.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('review_comment', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_assignments_unique', ['round_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('report_assignments_unit').on('report_assignments').columns(['unit_id', 'status']).execute();

  await db.schema
    .createTable('report_submissions')
    .addColumn('id', 'integer', id)
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('report_assignments.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('report_submissions_unique', ['assignment_id', 'version'])
    .execute();

  await db.schema
    .createTable('report_events')
    .addColumn('id', 'integer', id)
    .addColumn('assignment_id', 'integer', (c) => c.references('report_assignments.id'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('report_rounds.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_events_assignment').on('report_events').columns(['assignment_id', 'id']).execute();
  await db.schema.createIndex('report_events_round').on('report_events').columns(['round_id', 'id']).execute();

  await db.schema
    .createTable('report_reminders')
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('report_assignments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_reminders_pk', ['assignment_id', 'kind'])
    .execute();
}

export async function down(): Promise<void> {
  // Submitted reports are official records (Decree 09/2019 art. 12); they are never dropped by a rollback.
  throw new Error('Migration 0013 cannot be rolled back: it would drop submitted reports.');
}
