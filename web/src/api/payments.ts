import { get } from './client';
import { sendIdempotent } from './dossiers';
import type { FeeLine } from './fees';

export type { FeeLine };

/**
 * Shapes and calls of the payments module (contract: /work/notes/payments-api.md; the server's TypeBox schemas under
 * src/modules/payments are the truth). Amounts are whole đồng (integers), never fractions.
 */

/** How a payment arrived: through the gateway, or at the counter in cash or by bank transfer. */
export type PaymentChannel = 'gateway' | 'cash' | 'bank_transfer';
export type CounterMethod = 'cash' | 'bank_transfer';
export type OrderStatus = 'pending' | 'paid' | 'cancelled';

export interface PaymentOrder {
  amountVnd: number;
  status: OrderStatus;
  lines: FeeLine[];
  createdAt: string;
  paidAt: string | null;
}

export interface PaymentRecord {
  id: number | string;
  channel: PaymentChannel;
  amountVnd: number;
  receiptNo: string;
  paidAt: string;
  status: string;
}

export interface PaymentAttempt {
  txnRef: string;
  status: string;
  createdAt: string;
  responseCode: string | null;
}

/** `GET /api/dossiers/{code}/payment`; a null order means the procedure is free. */
export interface DossierPayment {
  order: PaymentOrder | null;
  payments: PaymentRecord[];
  attempts: PaymentAttempt[];
  canPayOnline: boolean;
  canRecordCounter: boolean;
}

export interface OnlinePayment {
  paymentUrl: string;
  txnRef: string;
  expiresAt: string;
}

/** `GET /api/payments/gateway/return`: read-only, what the gateway's redirect says and where the order stands. */
export interface GatewayReturn {
  valid: boolean;
  dossierCode: string | null;
  txnRef: string | null;
  approved: boolean;
  orderStatus: OrderStatus | null;
  amountVnd: number | null;
  receiptId?: number | string | null;
}

export interface Receipt {
  id: number | string;
  receiptNo: string;
  dossierCode: string;
  procedureName: string;
  amountVnd: number;
  channel: PaymentChannel;
  paidAt: string;
}

export interface CounterPaymentInput {
  method: CounterMethod;
  amountVnd: number;
  reference?: string;
}

const dossierPath = (code: string) => `/api/dossiers/${encodeURIComponent(code)}/payment`;

export const fetchDossierPayment = (code: string) => get<DossierPayment>(dossierPath(code));

/** Starts a gateway attempt; pass one key per click so a retried request does not open a second attempt. */
export const startOnlinePayment = (code: string, idempotencyKey: string) =>
  sendIdempotent<OnlinePayment>(`${dossierPath(code)}/online`, {}, idempotencyKey);

/** The one-stop officer records a fee paid at the counter (the full amount of the order). */
export const recordCounterPayment = (code: string, input: CounterPaymentInput, idempotencyKey: string) =>
  sendIdempotent<unknown>(`${dossierPath(code)}/counter`, input, idempotencyKey);

/** Passes the gateway's redirect parameters (`vnp_…`) through unchanged: the server checks their signature. */
export const fetchGatewayReturn = (search: string) =>
  get<GatewayReturn>(`/api/payments/gateway/return${search.startsWith('?') ? search : search ? `?${search}` : ''}`);

export const fetchMyReceipts = () => get<{ items: Receipt[] }>('/api/me/receipts');

export const receiptUrl = (paymentId: number | string) => `/api/payments/${encodeURIComponent(String(paymentId))}/receipt`;
