import type { Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.js';

/*
 * The national service index (Decision 766/QĐ-TTg, domain.md §5), kept live rather than scanned per request:
 * - `service_index_configs`: versioned groups, indicators, weights, thresholds and formulas (JSON); the built-in
 *   default applies until an administrator saves version 1.
 * - `dossier_index_facts`: one row per dossier with what the index needs to know about it (months it counts in,
 *   timeliness and why, online, electronic result, payment, components, rating), rewritten in the transaction of
 *   every dossier event — the drill-down ("why did it count") reads these rows.
 * - `service_index_monthly`: counters per competent unit, procedure and local month (yyyy-MM), changed by the
 *   difference between a dossier's old and new facts in that same transaction, so a year of the whole province
 *   is a sum over a few thousand rows, not a scan of a million dossiers.
 */
const COUNTERS = [
  // Counted in the month the dossier was received (tiếp nhận).
  'received', 'received_online', 'received_counter', 'received_postal', 'online_counted',
  'fee_required', 'paid', 'paid_online', 'components', 'components_digitised', 'components_reusable', 'components_reused',
  'components_from_store', 'eid_verified',
  // Counted in the month processing ended (first of result ready, returned, stopped, refused, withdrawn).
  'finished', 'finished_early', 'finished_on_time', 'finished_late', 'finished_late_supplements',
  'refused_intake', 'withdrawn', 'stopped', 'result_electronic_expected', 'result_electronic',
  'rated', 'rated_negative',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));

  await db.schema
    .createTable('service_index_configs')
    .addColumn('id', 'integer', id)
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .execute();

  await db.schema
    .createTable('dossier_index_facts')
    .addColumn('dossier_id', 'integer', (c) => c.primaryKey().references('dossiers.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_month', 'text')
    .addColumn('finished_month', 'text')
    .addColumn('timeliness', 'text')
    .addColumn('late_reason', 'text')
    .addColumn('supplement_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('online', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('online_counted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result_electronic_expected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result_electronic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fee_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_online', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('components', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('components_digitised', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('components_reusable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('components_reused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('components_from_store', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('eid_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating', 'integer')
    .addColumn('rated_negative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossier_index_facts_received').on('dossier_index_facts').columns(['unit_id', 'received_month']).execute();
  await db.schema.createIndex('dossier_index_facts_finished').on('dossier_index_facts').columns(['unit_id', 'finished_month']).execute();

  let monthly = db.schema
    .createTable('service_index_monthly')
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull());
  for (const counter of COUNTERS) monthly = monthly.addColumn(counter, 'integer', (c) => c.notNull().defaultTo(0));
  await monthly.addPrimaryKeyConstraint('service_index_monthly_pk', ['unit_id', 'procedure_code', 'month']).execute();
  await db.schema.createIndex('service_index_monthly_month').on('service_index_monthly').columns(['month', 'unit_id']).execute();
}

export async function down(): Promise<void> {
  // The configuration versions are what the province decided; dropping them would rewrite past scores silently.
  throw new Error('Migration 0012 cannot be rolled back: it would drop the service index configuration history.');
}
