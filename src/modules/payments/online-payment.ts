import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Config } from '../../platform/config.js';
import type { Db, Tx } from '../../platform/database/database.js';
import type { DossierRow } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import { withIdempotency, type IdempotentResult } from '../../platform/http/idempotency.js';
import type { Language } from '../../platform/i18n/language.js';
import { buildPaymentUrl } from '../../platform/payment-gateway/protocol.js';
import { DossierStatus } from '../dossiers/dossier-status.js';
import { findDossier } from '../dossiers/dossiers.repository.js';
import { AttemptStatus, OrderStatus } from './payment-status.js';
import type { OnlinePayment } from './payments.schema.js';
import { findOrderOfDossier, type PaymentOrderRow } from './payments.repository.js';
import { gatewayConfigured, readableDossier } from './payment-view.js';

export interface StartOnlineRequest {
  context: AuditContext;
  actor: Actor;
  code: string;
  language: Language;
  ipAddr: string;
  idempotencyKey: string | undefined;
  config: Pick<Config, 'publicUrl' | 'payment'>;
}

/** vnp_TxnRef allows letters, digits and '-': the dossier code with anything else replaced, and the attempt number. */
export const txnRefFor = (dossierCode: string, attemptNo: number) => `${dossierCode.replace(/[^A-Za-z0-9-]/g, '-')}-${attemptNo}`;

/** An order the dossier owes now, or 409 PAYMENT_NOT_DUE. */
export async function dueOrder(tx: Tx, row: DossierRow): Promise<PaymentOrderRow> {
  const order = await findOrderOfDossier(tx, row.id);
  if (row.status !== DossierStatus.FeeDue || !order || order.status !== OrderStatus.Pending) throw new AppError('PAYMENT_NOT_DUE', { code: row.code });
  return order;
}

/** A new attempt of the order under its own gateway reference, open for `minutes`. */
export async function openAttempt(tx: Tx, order: PaymentOrderRow, row: DossierRow, createdBy: number | null, now: Date, minutes: number) {
  // Touching the order takes its row lock (PostgreSQL): two starts at once number their attempts one after the other.
  await tx.updateTable('payment_orders').set({ status: OrderStatus.Pending }).where('id', '=', order.id).where('status', '=', OrderStatus.Pending).execute();
  const previous = await tx
    .selectFrom('payment_attempts')
    .innerJoin('payment_orders', 'payment_orders.id', 'payment_attempts.order_id')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('payment_orders.dossier_id', '=', row.id)
    .executeTakeFirstOrThrow();
  const txnRef = txnRefFor(row.code, Number(previous.count) + 1);
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  const inserted = await tx
    .insertInto('payment_attempts')
    .values({
      order_id: order.id,
      txn_ref: txnRef,
      amount_vnd: Number(order.amount_vnd),
      status: AttemptStatus.Started,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(inserted.id), txnRef, expiresAt, amountVnd: Number(order.amount_vnd) };
}

/**
 * The applicant starts paying online (payments contract): a new attempt with its own reference and the signed URL
 * of the gateway's payment page. Only the applicant, only while the fee is due; 503 without a configured gateway.
 */
export async function startOnlinePayment(db: Db, request: StartOnlineRequest): Promise<IdempotentResult<OnlinePayment>> {
  const { actor, config } = request;
  const { viewer } = await readableDossier(db, actor, request.code);
  if (!viewer.isApplicant) throw new AppError('FORBIDDEN');
  const { gatewayUrl, merchantCode, hashSecret } = config.payment;
  if (!gatewayConfigured(config.payment) || !gatewayUrl || !merchantCode || !hashSecret) throw new AppError('PAYMENT_UNAVAILABLE');
  const scope = `POST /api/dossiers/${request.code}/payment/online`;
  return withIdempotency(db, { userId: actor.userId, key: request.idempotencyKey, scope, body: null }, async (tx) => {
    const row = (await findDossier(tx, request.code))!;
    const order = await dueOrder(tx, row);
    const now = new Date();
    const attempt = await openAttempt(tx, order, row, actor.userId, now, config.payment.attemptMinutes);
    const paymentUrl = buildPaymentUrl({
      gatewayUrl,
      merchantCode,
      secret: hashSecret,
      amountVnd: attempt.amountVnd,
      txnRef: attempt.txnRef,
      // Shown on the gateway's page and in the bank statement: ASCII keeps every bank's display intact.
      orderInfo: `Thanh toan le phi ho so ${row.code}`,
      returnUrl: `${config.publicUrl.replace(/\/$/, '')}/portal/payments/return`,
      ipAddr: request.ipAddr,
      createdAt: now,
      expiresAt: attempt.expiresAt,
      locale: request.language === 'en' ? 'en' : 'vn',
    });
    await recordAudit(tx, request.context, {
      action: 'payment.start',
      entityType: 'dossier',
      entityId: row.code,
      unitId: row.unit_id,
      summary: { txnRef: attempt.txnRef, amountVnd: attempt.amountVnd },
    });
    return { statusCode: 201, body: { paymentUrl, txnRef: attempt.txnRef, expiresAt: attempt.expiresAt.toISOString() } };
  });
}
