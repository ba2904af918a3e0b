import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/database/database.js';
import { findAmountFromGateway, findResult, isApproved, verifyParams } from '../../platform/payment-gateway/protocol.js';
import { loadSetting } from '../dossiers/dossier-detail.js';
import type { EventActor } from '../dossiers/record-outcome.js';
import { settleOrder } from './confirm-payment.js';
import { AttemptStatus, IpnAnswer, OPEN_ATTEMPT_STATUSES, PaymentChannel, type AttemptStatusCode, type IpnResponse } from './payment-status.js';
import { findAttemptByTxnRef, finishAttempt, getOrder, type PaymentAttemptRow } from './payments.repository.js';

/** The history names the gateway as the one who reported the payment (no user acted). */
export const GATEWAY_ACTOR: EventActor = { userId: null, fullName: 'Cổng thanh toán trực tuyến' };

export interface GatewayPayment {
  attempt: PaymentAttemptRow;
  transactionNo: string;
  bankCode: string | null;
  paidAt: Date;
  responseCode: string;
  context: AuditContext;
  publicUrl: string;
}

export type GatewayOutcome = 'confirmed' | 'duplicate' | 'already_final';

/**
 * A gateway success, after the IPN's checks (hash, merchant, order, amount), in one transaction: the attempt is
 * settled only if still open (a concurrent copy of the callback finds it settled: already_final), then the order
 * is paid through settleOrder — or, when another attempt or the desk paid it first, kept as a duplicate payment.
 * The demo seed confirms its online payments through here too.
 */
export async function confirmGatewayPayment(db: Db, input: GatewayPayment): Promise<GatewayOutcome> {
  const order = await getOrder(db, input.attempt.order_id);
  const dossier = await db.selectFrom('dossiers').selectAll().where('id', '=', order.dossier_id).executeTakeFirstOrThrow();
  const setting = await loadSetting(db, dossier);
  return db.transaction().execute(async (tx) => {
    const settled = await finishAttempt(tx, input.attempt.id, {
      status: AttemptStatus.Succeeded,
      finished_at: new Date().toISOString(),
      response_code: input.responseCode,
      gateway_txn_no: input.transactionNo,
    });
    if (!settled) return 'already_final';
    const result = await settleOrder(tx, {
      orderId: order.id,
      channel: PaymentChannel.Gateway,
      amountVnd: Number(input.attempt.amount_vnd),
      attemptId: input.attempt.id,
      reference: input.transactionNo,
      bankCode: input.bankCode,
      paidAt: input.paidAt,
      actor: GATEWAY_ACTOR,
      context: input.context,
      auditAction: 'payment.confirm',
      setting,
      publicUrl: input.publicUrl,
    });
    return result.duplicate ? 'duplicate' : 'confirmed';
  });
}

export interface IpnRequest {
  params: Record<string, string>;
  config: Pick<Config, 'payment' | 'publicUrl'>;
  context: AuditContext;
  /** Where an unexpected failure is reported for operators (the gateway itself only hears 99). */
  logError?: (error: unknown, message: string) => void;
}

/**
 * The gateway's server-to-server callback (IPN). Always an answer, never an HTTP error: checks in the gateway's
 * order — checksum (97), merchant (99), order (01), amount (04), already settled (02) — then applies the result.
 * Every callback is kept in gateway_callbacks with the answer given (evidence for disputes).
 */
export async function handleGatewayIpn(db: Db, request: IpnRequest): Promise<IpnResponse> {
  let answer: IpnResponse;
  try {
    answer = await decide(db, request);
  } catch (error) {
    request.logError?.(error, 'IPN could not be applied');
    answer = IpnAnswer.Unknown;
  }
  try {
    await db.transaction().execute((tx) =>
      tx
        .insertInto('gateway_callbacks')
        .values({
          received_at: new Date().toISOString(),
          txn_ref: request.params.vnp_TxnRef ?? null,
          params: JSON.stringify(request.params),
          rsp_code: answer.RspCode,
          message: answer.Message,
        })
        .execute(),
    );
  } catch (error) {
    request.logError?.(error, 'IPN could not be logged');
    // The log is evidence, not a condition: the payment (if any) is committed and the gateway must hear so.
  }
  return answer;
}

async function decide(db: Db, { params, config, context }: IpnRequest): Promise<IpnResponse> {
  const { hashSecret, merchantCode } = config.payment;
  if (!hashSecret || !verifyParams(params, hashSecret)) return IpnAnswer.InvalidChecksum;
  if (params.vnp_TmnCode !== merchantCode) return IpnAnswer.InvalidMerchant;
  const attempt = params.vnp_TxnRef ? await findAttemptByTxnRef(db, params.vnp_TxnRef) : undefined;
  if (!attempt) return IpnAnswer.OrderNotFound;
  if (findAmountFromGateway(params.vnp_Amount ?? '') !== Number(attempt.amount_vnd)) return IpnAnswer.InvalidAmount;
  if (!OPEN_ATTEMPT_STATUSES.includes(attempt.status as AttemptStatusCode)) return IpnAnswer.AlreadyConfirmed;
  const result = findResult(params);
  if (!result) return IpnAnswer.Unknown;
  if (!isApproved(result)) {
    // Declined or cancelled by the payer: the order stays pending and the dossier fee_due, to be paid again.
    const settled = await db.transaction().execute(async (tx) => {
      const changes = { status: AttemptStatus.Declined, finished_at: new Date().toISOString(), response_code: result.responseCode, gateway_txn_no: result.transactionNo };
      if (!(await finishAttempt(tx, attempt.id, changes))) return false;
      await recordAudit(tx, context, { action: 'payment.decline', entityType: 'payment_attempt', entityId: attempt.txn_ref, summary: { responseCode: result.responseCode } });
      return true;
    });
    return settled ? IpnAnswer.Confirmed : IpnAnswer.AlreadyConfirmed;
  }
  const outcome = await confirmGatewayPayment(db, {
    attempt,
    transactionNo: result.transactionNo,
    bankCode: result.bankCode || null,
    paidAt: result.payDate ?? new Date(),
    responseCode: result.responseCode,
    context,
    publicUrl: config.publicUrl,
  });
  return outcome === 'confirmed' ? IpnAnswer.Confirmed : IpnAnswer.AlreadyConfirmed;
}
