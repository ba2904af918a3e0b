import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { VIETNAM_TIME_ZONE } from '../../platform/calendar/local-time.js';
import type { Tx } from '../../platform/database/database.js';
import type { DossierRow } from '../../platform/database/schema.js';
import type { DossierSetting } from '../dossiers/dossier-detail.js';
import { DossierStatus } from '../dossiers/dossier-status.js';
import { recordFeePaid, type EventActor } from '../dossiers/record-outcome.js';
import { PaymentStatus, type PaymentChannelCode } from './payment-status.js';
import { claimOrder, getOrder, nextReceiptSequence, type PaymentRow } from './payments.repository.js';

export interface Settlement {
  orderId: number;
  channel: PaymentChannelCode;
  amountVnd: number;
  /** The gateway attempt that took the money (already marked succeeded by the caller). */
  attemptId?: number;
  /** Gateway transaction number, or the bank transfer's reference. */
  reference: string | null;
  bankCode: string | null;
  paidAt: Date;
  actor: EventActor;
  context: AuditContext;
  /** payment.confirm (gateway) or payment.counter (one-stop desk). */
  auditAction: 'payment.confirm' | 'payment.counter';
  /** The dossier's procedure version and calendar, loaded before the transaction. */
  setting: DossierSetting;
  publicUrl: string;
}

export interface Settled {
  payment: PaymentRow;
  /** Money taken for an order that was already paid or cancelled: kept as `duplicate`, to be refunded. */
  duplicate: boolean;
  dossier: DossierRow;
}

/** `2026-000042`: the local year and the unit's sequence in it. */
export const formatReceiptNo = (year: number, seq: number) => `${year}-${String(seq).padStart(6, '0')}`;

const localYear = (instant: Date) => new Date(instant.getTime() + VIETNAM_TIME_ZONE.utcOffsetMinutes * 60_000).getUTCFullYear();

/**
 * The one place where money is recorded (payments contract), inside the caller's transaction: the order is claimed
 * (pending → paid), a receipt number is taken from the receiving unit's counter for the local year, the payment row
 * is written, and the dossier moves fee_due → submitted with its `fee_paid` event, audit and notice. When the order
 * was no longer pending the money is still recorded, with its receipt, as a duplicate — the gateway took it.
 */
export async function settleOrder(tx: Tx, s: Settlement): Promise<Settled> {
  const paidAt = s.paidAt.toISOString();
  const claimed = await claimOrder(tx, s.orderId, paidAt);
  const order = await getOrder(tx, s.orderId);
  const dossier = await tx.selectFrom('dossiers').selectAll().where('id', '=', order.dossier_id).executeTakeFirstOrThrow();
  const year = localYear(s.paidAt);
  const seq = await nextReceiptSequence(tx, dossier.receiving_unit_id, year);
  const payment: PaymentRow = await tx
    .insertInto('payments')
    .values({
      order_id: s.orderId,
      attempt_id: s.attemptId ?? null,
      channel: s.channel,
      status: claimed ? PaymentStatus.Valid : PaymentStatus.Duplicate,
      amount_vnd: s.amountVnd,
      unit_id: dossier.receiving_unit_id,
      receipt_year: year,
      receipt_seq: seq,
      receipt_no: formatReceiptNo(year, seq),
      reference: s.reference,
      bank_code: s.bankCode,
      paid_at: paidAt,
      recorded_by: s.actor.userId,
      created_at: new Date().toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, s.context, {
    action: s.auditAction,
    entityType: 'payment',
    entityId: String(payment.id),
    unitId: dossier.receiving_unit_id,
    summary: { dossier: dossier.code, amountVnd: s.amountVnd, channel: s.channel, receiptNo: payment.receipt_no, status: payment.status },
  });
  let updated = dossier;
  if (claimed && dossier.status === DossierStatus.FeeDue) {
    updated = await recordFeePaid(tx, dossier, {
      context: s.context,
      actor: s.actor,
      amountVnd: s.amountVnd,
      channel: s.channel,
      receiptNo: payment.receipt_no,
      document: s.setting.document,
      calendar: s.setting.calendar,
      now: new Date(),
      publicUrl: s.publicUrl,
    });
  }
  return { payment, duplicate: !claimed, dossier: updated };
}
