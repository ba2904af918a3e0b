import type { Tx } from '../../platform/database/database.js';
import type { FeeQuote } from '../procedures/fees.js';
import { OrderStatus } from './payment-status.js';

/** What a dossier owes, written in the filing transaction with the fee lines as quoted (amounts never recomputed). */
export async function createPaymentOrder(tx: Tx, dossierId: number, quote: FeeQuote, now: Date): Promise<number> {
  const row = await tx
    .insertInto('payment_orders')
    .values({ dossier_id: dossierId, amount_vnd: quote.totalVnd, lines: JSON.stringify(quote.lines), status: OrderStatus.Pending, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Cancels the dossier's pending order (the applicant withdrew while the fee was due). False when there was none
 * left to cancel: a payment took it first (it holds the order's row lock until it commits).
 */
export async function cancelPendingOrder(tx: Tx, dossierId: number, now: Date): Promise<boolean> {
  const result = await tx
    .updateTable('payment_orders')
    .set({ status: OrderStatus.Cancelled, cancelled_at: now.toISOString() })
    .where('dossier_id', '=', dossierId)
    .where('status', '=', OrderStatus.Pending)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
