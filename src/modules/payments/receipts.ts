import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { viewDossier } from '../dossiers/dossier-access.js';
import { issuerOf } from '../dossiers/dossier-forms.js';
import type { Applicant } from '../dossiers/dossiers.schema.js';
import type { FeeLine } from '../procedures/fees.js';
import { PAYMENT_CHANNEL_LABELS, PaymentStatus, type PaymentChannelCode } from './payment-status.js';
import type { ReceiptList } from './payments.schema.js';
import { findPayment, getOrder } from './payments.repository.js';
import { renderFeeReceipt } from './receipt-pdf.js';
import { findReceiptSeal } from './receipt-seal.js';
import type { SecretBox } from '../signing/secret-box.js';

/** `GET /api/me/receipts`: the receipts of the caller's own dossiers, newest first. */
export async function listMyReceipts(db: Db, actor: Actor): Promise<ReceiptList> {
  const rows = await db
    .selectFrom('payments')
    .innerJoin('payment_orders', 'payment_orders.id', 'payments.order_id')
    .innerJoin('dossiers', 'dossiers.id', 'payment_orders.dossier_id')
    .select(['payments.id', 'payments.receipt_no', 'payments.amount_vnd', 'payments.channel', 'payments.paid_at', 'dossiers.code', 'dossiers.procedure_name'])
    .where('dossiers.owner_user_id', '=', actor.userId)
    .orderBy('payments.paid_at', 'desc')
    .orderBy('payments.id', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      receiptNo: r.receipt_no,
      dossierCode: r.code,
      procedureName: r.procedure_name,
      amountVnd: Number(r.amount_vnd),
      channel: r.channel,
      paidAt: r.paid_at,
    })),
  };
}

/**
 * The electronic receipt of one payment as a PDF: for the applicant and whoever may read the dossier (404 for
 * anyone else); officials' reads of the payer's data are audited.
 */
export async function renderPaymentReceipt(db: Db, context: AuditContext, actor: Actor, paymentId: number, secrets?: SecretBox): Promise<{ pdf: Buffer; receiptNo: string }> {
  const payment = await findPayment(db, paymentId);
  if (!payment) throw new AppError('NOT_FOUND');
  const order = await getOrder(db, payment.order_id);
  const dossier = await db.selectFrom('dossiers').selectAll().where('id', '=', order.dossier_id).executeTakeFirstOrThrow();
  const viewer = await viewDossier(db, actor, dossier);
  if (!viewer.mayRead) throw new AppError('NOT_FOUND');
  const applicant = JSON.parse(dossier.applicant) as Applicant;
  const paidAt = new Date(payment.paid_at);
  // The officer who took the money signs as collector; a gateway payment is collected by the unit itself.
  const collector = payment.recorded_by === null ? undefined : await db.selectFrom('users').select('full_name').where('id', '=', payment.recorded_by).executeTakeFirst();
  const pdf = await renderFeeReceipt({
    ...(await issuerOf(db, Number(payment.unit_id), paidAt)),
    receiptNo: payment.receipt_no,
    payer: { fullName: applicant.fullName, ...(applicant.address ? { address: applicant.address } : {}) },
    dossierCode: dossier.code,
    procedureName: dossier.procedure_name,
    lines: JSON.parse(order.lines) as FeeLine[],
    totalVnd: Number(payment.amount_vnd),
    method: PAYMENT_CHANNEL_LABELS[payment.channel as PaymentChannelCode]?.vi ?? payment.channel,
    paidAt,
    duplicate: payment.status === PaymentStatus.Duplicate,
    ...(collector ? { collectorName: collector.full_name } : {}),
  }, { seal: secrets ? await findReceiptSeal(db, secrets, Number(payment.unit_id)) : undefined });
  if (!viewer.isApplicant) {
    await db.transaction().execute((tx) =>
      recordAudit(tx, context, { action: 'payment.receipt.read', entityType: 'payment', entityId: String(payment.id), unitId: dossier.unit_id, summary: { dossier: dossier.code } }),
    );
  }
  return { pdf, receiptNo: payment.receipt_no };
}
