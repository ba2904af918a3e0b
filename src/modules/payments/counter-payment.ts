import type { Actor } from '../../platform/auth/actor.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { withIdempotency, type IdempotentResult } from '../../platform/http/idempotency.js';
import type { Language } from '../../platform/i18n/language.js';
import { loadSetting } from '../dossiers/dossier-detail.js';
import { findDossier } from '../dossiers/dossiers.repository.js';
import { settleOrder } from './confirm-payment.js';
import { dueOrder } from './online-payment.js';
import { PaymentChannel } from './payment-status.js';
import type { CounterPaymentBody, DossierPayment } from './payments.schema.js';
import { buildPaymentView, mayCollect, readableDossier } from './payment-view.js';

export interface CounterPaymentRequest {
  context: AuditContext;
  actor: Actor;
  code: string;
  body: CounterPaymentBody;
  language: Language;
  idempotencyKey: string | undefined;
  config: Pick<Config, 'publicUrl' | 'payment'>;
}

const REFERENCE_REQUIRED = { vi: 'Nhập mã giao dịch chuyển khoản.', en: 'Enter the bank transfer reference.' } as const;

/**
 * The one-stop desk takes the fee in cash or by bank transfer (payments contract): permission payment.collect on
 * the dossier's receiving unit, the full amount only (no partial payments), a bank transfer with its reference.
 * Paid, the dossier goes to the desk's "Chờ tiếp nhận" list like any other.
 */
export async function recordCounterPayment(db: Db, request: CounterPaymentRequest): Promise<IdempotentResult<DossierPayment>> {
  const { actor, body } = request;
  const { row: first, viewer } = await readableDossier(db, actor, request.code);
  if (!(await mayCollect(db, actor, first))) throw new AppError('FORBIDDEN');
  const reference = body.reference?.trim();
  if (body.method === PaymentChannel.BankTransfer && !reference) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/reference', message: REFERENCE_REQUIRED[request.language] }]);
  }
  const setting = await loadSetting(db, first);
  const scope = `POST /api/dossiers/${request.code}/payment/counter`;
  return withIdempotency(db, { userId: actor.userId, key: request.idempotencyKey, scope, body }, async (tx) => {
    const row = (await findDossier(tx, request.code))!;
    const order = await dueOrder(tx, row);
    const due = Number(order.amount_vnd);
    if (body.amountVnd !== due) throw new AppError('PAYMENT_AMOUNT_MISMATCH', { amount: body.amountVnd, due });
    const settled = await settleOrder(tx, {
      orderId: order.id,
      channel: body.method,
      amountVnd: due,
      reference: reference ?? null,
      bankCode: null,
      paidAt: new Date(),
      actor,
      context: request.context,
      auditAction: 'payment.counter',
      setting,
      publicUrl: request.config.publicUrl,
    });
    // The order was pending inside this transaction, so the claim cannot lose: a duplicate here would be a bug.
    if (settled.duplicate) throw new AppError('DOSSIER_CHANGED');
    return { statusCode: 201, body: await buildPaymentView(tx, actor, settled.dossier, viewer, request.config.payment) };
  });
}
