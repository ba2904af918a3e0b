import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/database/database.js';
import { findResult, isApproved, verifyParams } from '../../platform/payment-gateway/protocol.js';
import type { GatewayReturn } from './payments.schema.js';
import { findAttemptByTxnRef, getOrder } from './payments.repository.js';

const INVALID: GatewayReturn = { valid: false, dossierCode: null, txnRef: null, approved: false, orderStatus: null, amountVnd: null, receiptId: null };

/**
 * Where the payer's browser lands after the gateway (return URL). Read-only by design: only the IPN, server to
 * server, changes anything; the page shows what the gateway says and where the order stands (the IPN may be late).
 */
export async function readGatewayReturn(db: Db, params: Record<string, string>, config: Pick<Config, 'payment'>): Promise<GatewayReturn> {
  const { hashSecret, merchantCode } = config.payment;
  if (!hashSecret || !verifyParams(params, hashSecret) || params.vnp_TmnCode !== merchantCode) return INVALID;
  const result = findResult(params);
  const attempt = result ? await findAttemptByTxnRef(db, result.txnRef) : undefined;
  if (!result || !attempt || result.amountVnd !== Number(attempt.amount_vnd)) return INVALID;
  const order = await getOrder(db, attempt.order_id);
  const dossier = await db.selectFrom('dossiers').select('code').where('id', '=', order.dossier_id).executeTakeFirstOrThrow();
  const payment = await db.selectFrom('payments').select('id').where('attempt_id', '=', attempt.id).executeTakeFirst();
  return {
    valid: true,
    dossierCode: dossier.code,
    txnRef: attempt.txn_ref,
    approved: isApproved(result),
    orderStatus: order.status,
    amountVnd: Number(attempt.amount_vnd),
    receiptId: payment ? Number(payment.id) : null,
  };
}
