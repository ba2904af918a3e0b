import i18n from '../i18n/i18n';
import { ApiError, get, post, queryString, type FieldProblem } from './client';
import { sendIdempotent } from './dossiers';
import type { Me } from './types';

/**
 * The accountant's side of payments (contract /work/notes/payments-api.md "Accountant"; the server's schemas in
 * src/modules/payments/reconciliation.schema.ts are the truth). Amounts are whole đồng.
 */

export const PAYMENT_RECONCILE = 'payment.reconcile';
export const PAYMENT_REPORT = 'payment.report';

export type ReconciliationItemKind = 'missing_on_platform' | 'missing_at_gateway' | 'amount_mismatch';

export interface ReconciliationItem {
  id: number;
  runId: number;
  kind: ReconciliationItemKind;
  txnRef: string;
  gatewayAmountVnd: number | null;
  platformAmountVnd: number | null;
  gatewayRow: Record<string, string> | null;
  paymentId: number | null;
  receiptNo: string | null;
  status: 'open' | 'resolved';
  resolutionNote: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

export interface ReconciliationRun {
  id: number;
  gatewayDate: string;
  fileName: string;
  fileSha256: string;
  gatewayRows: number;
  platformRows: number;
  matched: number;
  importedBy: string;
  importedAt: string;
  openItems: number;
  totalItems: number;
}

export interface ReconciliationRunDetail extends ReconciliationRun {
  items: ReconciliationItem[];
}

export type ReportGroupBy = 'unit' | 'procedure' | 'channel' | 'day';

export interface ReportQuery {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
}

export interface CollectedReportRow {
  key: string;
  label: string;
  count: number;
  amountVnd: number;
  refundedVnd: number;
  netVnd: number;
}

export interface CollectedReport {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  rows: CollectedReportRow[];
  count: number;
  totalVnd: number;
  refundedVnd: number;
  netVnd: number;
}

export const fetchReconciliationRuns = () => get<{ items: ReconciliationRun[] }>('/api/payments/reconciliations');
export const fetchReconciliationRun = (id: number) => get<ReconciliationRunDetail>(`/api/payments/reconciliations/${id}`);
export const resolveReconciliationItem = (id: number, note: string) =>
  post<ReconciliationItem>(`/api/payments/reconciliation-items/${id}/resolve`, { note });

export const collectedReportPath = (query: ReportQuery, excel = false) =>
  `/api/payments/reports/collected${excel ? '.xlsx' : ''}${queryString({ ...query })}`;
export const fetchCollectedReport = (query: ReportQuery) => get<CollectedReport>(collectedReportPath(query));

/** Sends the gateway's daily CSV as multipart (the JSON client cannot); row problems come back in `errors`. */
export async function uploadGatewayFile(date: string, file: File): Promise<ReconciliationRunDetail> {
  const me = await get<Me>('/api/auth/me');
  const data = new FormData();
  data.append('date', date);
  data.append('file', file);
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language || 'vi' };
  if (me.csrfToken) headers['x-csrf-token'] = me.csrfToken;
  let response: Response;
  try {
    response = await fetch('/api/payments/reconciliations', { method: 'POST', headers, credentials: 'same-origin', body: data });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Partial<{ code: string; detail: string; errors: FieldProblem[] }>;
    throw new ApiError(response.status, body.code ?? 'HTTP_' + response.status, body.detail ?? response.statusText, body.errors ?? []);
  }
  return (await response.json()) as ReconciliationRunDetail;
}

export interface Refund {
  id: number;
  paymentId: number;
  amountVnd: number;
  reason: string;
  reference: string | null;
  refundedAt: string;
  recordedBy: string;
}

/** A payment as the accountant sees it (no payer's personal data) with its refunds. */
export interface PaymentDetail {
  id: number;
  dossierCode: string;
  procedureCode: string;
  procedureName: string;
  unit: { id: number; name: string };
  channel: string;
  status: string;
  amountVnd: number;
  receiptNo: string;
  txnRef: string | null;
  reference: string | null;
  paidAt: string;
  refundedVnd: number;
  refundableVnd: number;
  refunds: Refund[];
}

export interface RefundInput {
  amountVnd: number;
  reason: string;
  reference?: string;
}

export const fetchPaymentDetail = (id: number) => get<PaymentDetail>(`/api/payments/${id}`);
/** One key per refund the accountant means to make: a double press or a retried request never refunds twice. */
export const recordRefund = (paymentId: number, input: RefundInput, idempotencyKey: string) =>
  sendIdempotent<PaymentDetail>(`/api/payments/${paymentId}/refunds`, input, idempotencyKey);
