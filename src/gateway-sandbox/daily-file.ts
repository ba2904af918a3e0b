import { stringify } from 'csv-stringify/sync';
import { localDateOf, VIETNAM_TIME_ZONE } from '../platform/calendar/local-time.js';
import { formatGatewayDate } from '../platform/payment-gateway/protocol.js';
import type { SandboxTransaction } from './transactions.js';

/** Header of the gateway's daily transaction file, the format reconciliation reads (payments contract). */
export const DAILY_FILE_COLUMNS = ['txn_ref', 'transaction_no', 'amount_vnd', 'bank_code', 'pay_date', 'status'] as const;

/** The transactions paid or cancelled on a local (Asia/Ho_Chi_Minh) date as CSV, oldest first. */
export function dailyFileCsv(transactions: readonly SandboxTransaction[], localDate: string): string {
  const rows = transactions
    .filter((t) => localDateOf(new Date(t.payDate), VIETNAM_TIME_ZONE) === localDate)
    .map((t) => [t.txnRef, t.transactionNo, String(t.amountVnd), t.bankCode, formatGatewayDate(new Date(t.payDate)), t.transactionStatus]);
  return stringify([[...DAILY_FILE_COLUMNS], ...rows]);
}
