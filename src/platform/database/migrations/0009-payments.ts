import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { dialectOf, idColumn } from '../dialect.js';

/*
 * Cashless fee payment (domain.md §7). Amounts are whole đồng in `bigint` columns, never floating point.
 * - `payment_orders`: what a dossier owes (the fee lines computed at filing); one open order per dossier.
 * - `payment_attempts`: each redirect to the gateway, under its own order reference (vnp_TxnRef).
 * - `payments`: money received (gateway, cash or bank transfer). A partial unique index keeps one valid payment per
 *   order however many callbacks race; a late success for an order already paid is kept as `duplicate` (to refund).
 * - `gateway_callbacks`: every IPN as received and what the platform answered (evidence for disputes).
 * - `receipt_counters`: biên lai numbers per issuing unit and year, taken inside the paying transaction (gap-free).
 * - `payment_refunds`, `reconciliation_runs`, `reconciliation_items`: the accountant's side.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));

  await db.schema
    .createTable('payment_orders')
    .addColumn('id', 'integer', id)
    .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossiers.id'))
    .addColumn('amount_vnd', 'bigint', (c) => c.notNull())
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('payment_orders_dossier').on('payment_orders').columns(['dossier_id', 'status']).execute();

  await db.schema
    .createTable('payment_attempts')
    .addColumn('id', 'integer', id)
    .addColumn('order_id', 'integer', (c) => c.notNull().references('payment_orders.id'))
    .addColumn('txn_ref', 'text', (c) => c.notNull().unique())
    .addColumn('amount_vnd', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('response_code', 'text')
    .addColumn('gateway_txn_no', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('payment_attempts_order').on('payment_attempts').column('order_id').execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'integer', id)
    .addColumn('order_id', 'integer', (c) => c.notNull().references('payment_orders.id'))
    .addColumn('attempt_id', 'integer', (c) => c.unique().references('payment_attempts.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('amount_vnd', 'bigint', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('receipt_year', 'integer', (c) => c.notNull())
    .addColumn('receipt_seq', 'integer', (c) => c.notNull())
    .addColumn('receipt_no', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('bank_code', 'text')
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('payments_receipt_unique', ['unit_id', 'receipt_year', 'receipt_seq'])
    .execute();
  await sql`CREATE UNIQUE INDEX payments_one_valid_per_order ON payments (order_id) WHERE status = 'valid'`.execute(db);
  await db.schema.createIndex('payments_paid_at').on('payments').columns(['paid_at']).execute();

  await db.schema
    .createTable('receipt_counters')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('receipt_counters_pk', ['unit_id', 'year'])
    .execute();

  await db.schema
    .createTable('gateway_callbacks')
    .addColumn('id', 'integer', id)
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('txn_ref', 'text')
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('rsp_code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gateway_callbacks_txn').on('gateway_callbacks').column('txn_ref').execute();

  await db.schema
    .createTable('payment_refunds')
    .addColumn('id', 'integer', id)
    .addColumn('payment_id', 'integer', (c) => c.notNull().references('payments.id'))
    .addColumn('amount_vnd', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('refunded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('payment_refunds_payment').on('payment_refunds').column('payment_id').execute();

  await db.schema
    .createTable('reconciliation_runs')
    .addColumn('id', 'integer', id)
    .addColumn('gateway_date', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('gateway_rows', 'integer', (c) => c.notNull())
    .addColumn('platform_rows', 'integer', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reconciliation_items')
    .addColumn('id', 'integer', id)
    .addColumn('run_id', 'integer', (c) => c.notNull().references('reconciliation_runs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('txn_ref', 'text', (c) => c.notNull())
    .addColumn('gateway_amount_vnd', 'bigint')
    .addColumn('platform_amount_vnd', 'bigint')
    .addColumn('gateway_row', 'text')
    .addColumn('payment_id', 'integer', (c) => c.references('payments.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution_note', 'text')
    .addColumn('resolved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('reconciliation_items_run').on('reconciliation_items').columns(['run_id', 'status']).execute();
}

export async function down(): Promise<void> {
  // Payments and receipts are financial records (never drop them).
  throw new Error('Migration 0009 cannot be rolled back: it would drop payments and receipts.');
}
