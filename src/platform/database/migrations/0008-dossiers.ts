import type { Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.js';

/*
 * The one-stop dossier (hồ sơ TTHC, domain.md §4). `dossiers` holds the current state, `dossier_events` the
 * append-only history it is derived from (every action adds one event in the same transaction as the state
 * change). Codes come from `dossier_code_counters`, one row per receiving unit and local day, incremented inside
 * the submitting transaction so a rolled-back submission gives its number back (gap-free).
 * `idempotency_keys` stores the response of a mutating request so that a retry with the same key replays it.
 * `applicant_documents` is the applicant's data store (kho dữ liệu điện tử): files they handed in and results they
 * received, reusable in later dossiers (Decree 45/2020 art. 12: information is not asked for twice).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));

  await db.schema
    .createTable('dossiers')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('procedure_code', 'text', (c) => c.notNull().references('procedures.code'))
    .addColumn('procedure_version', 'integer', (c) => c.notNull())
    .addColumn('procedure_name', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('receiving_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('owner_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('applicant', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_identity', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('current_step', 'text')
    .addColumn('current_role', 'text')
    .addColumn('current_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('step_started_at', 'text')
    .addColumn('step_due_at', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('original_due_at', 'text')
    .addColumn('paused_at', 'text')
    .addColumn('resume_status', 'text')
    .addColumn('resume_step', 'text')
    .addColumn('supplement_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('finished_at', 'text')
    .addColumn('returned_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('result_file_id', 'text', (c) => c.references('files.id'))
    .addColumn('timeliness', 'text')
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossiers_receiving_status').on('dossiers').columns(['receiving_unit_id', 'status']).execute();
  await db.schema.createIndex('dossiers_unit_status').on('dossiers').columns(['unit_id', 'status']).execute();
  await db.schema.createIndex('dossiers_actor').on('dossiers').columns(['current_role', 'current_unit_id']).execute();
  await db.schema.createIndex('dossiers_owner').on('dossiers').columns(['owner_user_id', 'submitted_at']).execute();
  await db.schema.createIndex('dossiers_due').on('dossiers').columns(['status', 'due_at']).execute();

  await db.schema
    .createTable('dossier_events')
    .addColumn('id', 'integer', id)
    .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossiers.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('step_code', 'text')
    .addColumn('step_name', 'text')
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('step_due_at', 'text')
    .addColumn('timeliness', 'text')
    .addUniqueConstraint('dossier_events_seq', ['dossier_id', 'seq'])
    .execute();

  await db.schema
    .createTable('dossier_components')
    .addColumn('id', 'integer', id)
    .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossiers.id'))
    .addColumn('requirement_code', 'text', (c) => c.notNull())
    .addColumn('requirement_name', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.references('files.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('digitised', 'integer', (c) => c.notNull())
    .addColumn('event_seq', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossier_components_dossier').on('dossier_components').columns(['dossier_id']).execute();
  await db.schema.createIndex('dossier_components_file').on('dossier_components').columns(['file_id']).execute();

  await db.schema
    .createTable('dossier_code_counters')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dossier_code_counters_pk', ['unit_id', 'day'])
    .execute();

  await db.schema
    .createTable('dossier_ratings')
    .addColumn('dossier_id', 'integer', (c) => c.primaryKey().references('dossiers.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('rated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('dossier_drafts')
    .addColumn('id', 'integer', id)
    .addColumn('owner_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('procedure_code', 'text', (c) => c.notNull().references('procedures.code'))
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossier_drafts_owner').on('dossier_drafts').columns(['owner_user_id']).execute();

  await db.schema
    .createTable('applicant_documents')
    .addColumn('id', 'integer', id)
    .addColumn('owner_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('requirement_code', 'text')
    .addColumn('requirement_name', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('dossier_id', 'integer', (c) => c.references('dossiers.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('applicant_documents_owner_file', ['owner_user_id', 'file_id'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').columns(['created_at']).execute();
}

export async function down(): Promise<void> {
  // Dossiers, their history and the applicants' data store are citizens' records (never drop user data).
  throw new Error('Migration 0008 cannot be rolled back: it would drop dossiers and their history.');
}
