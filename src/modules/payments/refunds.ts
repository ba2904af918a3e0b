import type { Db, Executor } from '../../platform/database/database.js';
import { dialectOf } from '../../platform/database/dialect.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hasPermission, permittedUnits } from '../../platform/auth/access.js';
import { Permission, type PermissionCode } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { withIdempotency, type IdempotentResult } from '../../platform/http/idempotency.js';
import type { PaymentDetail, Refund, RefundBody } from './reconciliation.schema.js';

/**
 * Opens every accountant use case on one payment: no grant of the permission anywhere → 403; a payment of a
 * unit outside the caller's grants → 404 (they may not learn that it exists).
 */
async function requirePaymentPermission(db: Executor, actor: Actor, permissions: PermissionCode[], unitId: number | undefined) {
  const anywhere = await Promise.all(permissions.map((p) => permittedUnits(db, actor, p)));
  if (anywhere.every((scope) => !scope.all && scope.unitIds.length === 0)) throw new AppError('FORBIDDEN');
  if (unitId === undefined) throw new AppError('NOT_FOUND');
  for (const permission of permissions) if (await hasPermission(db, actor, permission, unitId)) return;
  throw new AppError('NOT_FOUND');
}

/** A payment with its refunds, for whoever reconciles or reports on the issuing unit. */
export async function getPaymentDetail(db: Executor, actor: Actor, paymentId: number): Promise<PaymentDetail> {
  const payment = await paymentQuery(db).where('payments.id', '=', paymentId).executeTakeFirst();
  await requirePaymentPermission(db, actor, [Permission.PaymentReconcile, Permission.PaymentReport], payment && Number(payment.unit_id));
  const refunds = await db
    .selectFrom('payment_refunds')
    .innerJoin('users', 'users.id', 'payment_refunds.recorded_by')
    .selectAll('payment_refunds')
    .select('users.full_name as recorder_name')
    .where('payment_refunds.payment_id', '=', paymentId)
    .orderBy('payment_refunds.id')
    .execute();
  const row = payment!;
  const refundedVnd = refunds.reduce((sum, r) => sum + Number(r.amount_vnd), 0);
  return {
    id: Number(row.id),
    dossierCode: row.dossier_code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    unit: { id: Number(row.unit_id), name: row.unit_name },
    channel: row.channel,
    status: row.status,
    amountVnd: Number(row.amount_vnd),
    receiptNo: row.receipt_no,
    txnRef: row.txn_ref ?? null,
    reference: row.reference,
    paidAt: row.paid_at,
    refundedVnd,
    refundableVnd: Number(row.amount_vnd) - refundedVnd,
    refunds: refunds.map(
      (r): Refund => ({
        id: Number(r.id),
        paymentId: Number(r.payment_id),
        amountVnd: Number(r.amount_vnd),
        reason: r.reason,
        reference: r.reference,
        refundedAt: r.refunded_at,
        recordedBy: r.recorder_name,
      }),
    ),
  };
}

/**
 * Money handed back (a duplicate gateway payment, a dossier refused before processing…). The refunds of a payment
 * never add up to more than it: the payment row is locked on PostgreSQL, and SQLite runs one writer at a time.
 * With an Idempotency-Key a retried request (a double click, a lost answer) replays the first answer, never pays twice.
 */
export async function recordRefund(
  db: Db,
  actor: Actor,
  context: AuditContext,
  paymentId: number,
  body: RefundBody,
  idempotencyKey?: string,
): Promise<IdempotentResult<PaymentDetail>> {
  const scope = `POST /api/payments/:id/refunds ${paymentId}`;
  return withIdempotency(db, { userId: actor.userId, key: idempotencyKey, scope, body }, async (tx) => {
    const payment = await paymentQuery(tx)
      .where('payments.id', '=', paymentId)
      .$if(dialectOf(tx) === 'postgres', (q) => q.forUpdate('payments'))
      .executeTakeFirst();
    await requirePaymentPermission(tx, actor, [Permission.PaymentReconcile], payment && Number(payment.unit_id));
    const refunded = await tx.selectFrom('payment_refunds').select(['amount_vnd']).where('payment_id', '=', paymentId).execute();
    const refundable = Number(payment!.amount_vnd) - refunded.reduce((sum, r) => sum + Number(r.amount_vnd), 0);
    if (body.amountVnd > refundable) throw new AppError('REFUND_EXCEEDS_PAYMENT', { refundable });
    const refund = await tx
      .insertInto('payment_refunds')
      .values({
        payment_id: paymentId,
        amount_vnd: body.amountVnd,
        reason: body.reason,
        reference: body.reference ?? null,
        refunded_at: new Date().toISOString(),
        recorded_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, context, {
      action: 'payment.refund',
      entityType: 'payment',
      entityId: paymentId,
      unitId: Number(payment!.unit_id),
      summary: { refundId: Number(refund.id), amountVnd: body.amountVnd, reason: body.reason, reference: body.reference ?? null },
    });
    return { statusCode: 201, body: await getPaymentDetail(tx, actor, paymentId) };
  });
}

function paymentQuery(db: Executor) {
  return db
    .selectFrom('payments')
    .innerJoin('payment_orders', 'payment_orders.id', 'payments.order_id')
    .innerJoin('dossiers', 'dossiers.id', 'payment_orders.dossier_id')
    .innerJoin('units', 'units.id', 'payments.unit_id')
    .leftJoin('payment_attempts', 'payment_attempts.id', 'payments.attempt_id')
    .selectAll('payments')
    .select([
      'dossiers.code as dossier_code',
      'dossiers.procedure_code',
      'dossiers.procedure_name',
      'units.name as unit_name',
      'payment_attempts.txn_ref',
    ]);
}
