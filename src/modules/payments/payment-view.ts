import type { Actor } from '../../platform/auth/actor.js';
import { hasPermission } from '../../platform/auth/access.js';
import { Permission } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { PaymentConfig } from '../../platform/config.js';
import type { Db, Executor } from '../../platform/database/database.js';
import type { DossierRow } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import { viewDossier, type DossierViewer } from '../dossiers/dossier-access.js';
import { DossierStatus } from '../dossiers/dossier-status.js';
import { findDossier } from '../dossiers/dossiers.repository.js';
import type { FeeLine } from '../procedures/fees.js';
import { OrderStatus } from './payment-status.js';
import type { DossierPayment } from './payments.schema.js';
import { findOrderOfDossier, listAttemptsOfDossier, listPaymentsOfDossier } from './payments.repository.js';

export const gatewayConfigured = (payment: PaymentConfig) => Boolean(payment.gatewayUrl && payment.merchantCode && payment.hashSecret);

/** The dossier as the caller may see it: 404 for anyone who may not read it (another citizen's dossier). */
export async function readableDossier(db: Executor, actor: Actor, code: string): Promise<{ row: DossierRow; viewer: DossierViewer }> {
  const row = await findDossier(db, code);
  if (!row) throw new AppError('NOT_FOUND');
  const viewer = await viewDossier(db, actor, row);
  if (!viewer.mayRead) throw new AppError('NOT_FOUND');
  return { row, viewer };
}

export async function mayCollect(db: Executor, actor: Actor, row: DossierRow): Promise<boolean> {
  return hasPermission(db, actor, Permission.PaymentCollect, row.receiving_unit_id);
}

export async function buildPaymentView(db: Executor, actor: Actor, row: DossierRow, viewer: DossierViewer, payment: PaymentConfig): Promise<DossierPayment> {
  const [order, payments, attempts] = await Promise.all([findOrderOfDossier(db, row.id), listPaymentsOfDossier(db, row.id), listAttemptsOfDossier(db, row.id)]);
  const due = row.status === DossierStatus.FeeDue && order?.status === OrderStatus.Pending;
  return {
    order: order
      ? { amountVnd: Number(order.amount_vnd), status: order.status, lines: JSON.parse(order.lines) as FeeLine[], createdAt: order.created_at, paidAt: order.paid_at }
      : null,
    payments: payments.map((p) => ({ id: Number(p.id), channel: p.channel, amountVnd: Number(p.amount_vnd), receiptNo: p.receipt_no, paidAt: p.paid_at, status: p.status })),
    attempts: attempts.map((a) => ({ txnRef: a.txn_ref, status: a.status, createdAt: a.created_at, responseCode: a.response_code })),
    canPayOnline: due && viewer.isApplicant && gatewayConfigured(payment),
    canRecordCounter: due && (await mayCollect(db, actor, row)),
  };
}

/** `GET /api/dossiers/{code}/payment`: whoever may read the dossier; officials' reads are audited like the dossier's. */
export async function getDossierPayment(db: Db, context: AuditContext, actor: Actor, code: string, payment: PaymentConfig): Promise<DossierPayment> {
  const { row, viewer } = await readableDossier(db, actor, code);
  if (viewer.isApplicant) return buildPaymentView(db, actor, row, viewer, payment);
  return db.transaction().execute(async (tx) => {
    await recordAudit(tx, context, { action: 'payment.read', entityType: 'dossier', entityId: row.code, unitId: row.unit_id });
    return buildPaymentView(tx, actor, row, viewer, payment);
  });
}
