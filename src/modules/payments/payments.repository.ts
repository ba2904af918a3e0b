import { sql, type Selectable } from 'kysely';
import type { Executor, Tx } from '../../platform/database/database.js';
import type { PaymentAttemptsTable, PaymentOrdersTable, PaymentsTable } from '../../platform/database/schema.js';
import { OPEN_ATTEMPT_STATUSES, OrderStatus } from './payment-status.js';

export type PaymentOrderRow = Selectable<PaymentOrdersTable>;
export type PaymentAttemptRow = Selectable<PaymentAttemptsTable>;
export type PaymentRow = Selectable<PaymentsTable>;

/** The dossier's order: the open one if any, else the latest (paid or cancelled); undefined for a free dossier. */
export async function findOrderOfDossier(db: Executor, dossierId: number): Promise<PaymentOrderRow | undefined> {
  const orders = await db.selectFrom('payment_orders').selectAll().where('dossier_id', '=', dossierId).orderBy('id', 'desc').execute();
  return orders.find((o) => o.status === OrderStatus.Pending) ?? orders[0];
}

export async function getOrder(db: Executor, id: number): Promise<PaymentOrderRow> {
  return db.selectFrom('payment_orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function findAttemptByTxnRef(db: Executor, txnRef: string): Promise<PaymentAttemptRow | undefined> {
  return db.selectFrom('payment_attempts').selectAll().where('txn_ref', '=', txnRef).executeTakeFirst();
}

export async function listAttemptsOfDossier(db: Executor, dossierId: number): Promise<PaymentAttemptRow[]> {
  return db
    .selectFrom('payment_attempts')
    .innerJoin('payment_orders', 'payment_orders.id', 'payment_attempts.order_id')
    .selectAll('payment_attempts')
    .where('payment_orders.dossier_id', '=', dossierId)
    .orderBy('payment_attempts.id')
    .execute();
}

export async function listPaymentsOfDossier(db: Executor, dossierId: number): Promise<PaymentRow[]> {
  return db
    .selectFrom('payments')
    .innerJoin('payment_orders', 'payment_orders.id', 'payments.order_id')
    .selectAll('payments')
    .where('payment_orders.dossier_id', '=', dossierId)
    .orderBy('payments.id')
    .execute();
}

export async function findPayment(db: Executor, id: number): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Marks the order paid if it is still pending. On PostgreSQL the update takes the order's row lock: a concurrent
 * payment or withdrawal waits for this transaction and then finds the order no longer pending (0 rows).
 */
export async function claimOrder(tx: Tx, orderId: number, paidAt: string): Promise<boolean> {
  const result = await tx
    .updateTable('payment_orders')
    .set({ status: OrderStatus.Paid, paid_at: paidAt })
    .where('id', '=', orderId)
    .where('status', '=', OrderStatus.Pending)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Settles an attempt the gateway may still settle; false when another callback settled it first. */
export async function finishAttempt(
  tx: Tx,
  attemptId: number,
  changes: { status: string; finished_at: string; response_code: string | null; gateway_txn_no: string | null },
): Promise<boolean> {
  const result = await tx
    .updateTable('payment_attempts')
    .set(changes)
    .where('id', '=', attemptId)
    .where('status', 'in', OPEN_ATTEMPT_STATUSES)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The next receipt number of a unit and year, inside the paying transaction: the upsert locks the counter row until
 * commit (PostgreSQL row lock; SQLite has one writer), and a rolled-back payment gives its number back — biên lai
 * numbers stay gap-free (Decree 123/2020: a series is numbered consecutively).
 */
export async function nextReceiptSequence(tx: Tx, unitId: number, year: number): Promise<number> {
  const row = await tx
    .insertInto('receipt_counters')
    .values({ unit_id: unitId, year, last_seq: 1 })
    .onConflict((oc) => oc.columns(['unit_id', 'year']).doUpdateSet({ last_seq: sql`receipt_counters.last_seq + 1` }))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}
