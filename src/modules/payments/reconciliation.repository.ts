import type { Executor } from '../../platform/database/database.js';
import type { UnitScope } from '../../platform/auth/access.js';
import { localDayBounds } from './local-day.js';
import { PaymentChannel, PaymentStatus } from './payment-status.js';
import {
  ReconciliationItemStatus,
  type ReconciliationItem,
  type ReconciliationItemKindCode,
  type ReconciliationRun,
} from './reconciliation.schema.js';

export interface PlatformPayment {
  paymentId: number;
  txnRef: string;
  amountVnd: number;
}

/** The gateway payments (valid and duplicate: both are money taken) recorded on a local day within the scope. */
export async function platformPaymentsOf(db: Executor, scope: UnitScope, day: number): Promise<PlatformPayment[]> {
  const { start, end } = localDayBounds(day);
  let query = db
    .selectFrom('payments')
    .innerJoin('payment_attempts', 'payment_attempts.id', 'payments.attempt_id')
    .select(['payments.id', 'payment_attempts.txn_ref', 'payments.amount_vnd'])
    .where('payments.channel', '=', PaymentChannel.Gateway)
    .where('payments.status', 'in', [PaymentStatus.Valid, PaymentStatus.Duplicate])
    .where('payments.paid_at', '>=', start)
    .where('payments.paid_at', '<', end);
  if (!scope.all) query = query.where('payments.unit_id', 'in', scope.unitIds);
  const rows = await query.execute();
  return rows.map((r) => ({ paymentId: Number(r.id), txnRef: r.txn_ref, amountVnd: Number(r.amount_vnd) }));
}

/** The unit an order reference belongs to (the dossier's receiving unit), and its payment if one was recorded. */
export async function findAttemptOwner(db: Executor, txnRef: string): Promise<{ unitId: number; paymentId: number | null } | undefined> {
  const row = await db
    .selectFrom('payment_attempts')
    .innerJoin('payment_orders', 'payment_orders.id', 'payment_attempts.order_id')
    .innerJoin('dossiers', 'dossiers.id', 'payment_orders.dossier_id')
    .leftJoin('payments', 'payments.attempt_id', 'payment_attempts.id')
    .select(['dossiers.receiving_unit_id', 'payments.id as payment_id', 'payments.unit_id as payment_unit_id'])
    .where('payment_attempts.txn_ref', '=', txnRef)
    .executeTakeFirst();
  if (!row) return undefined;
  const paymentId = row.payment_id === null ? null : Number(row.payment_id);
  const unitId = row.payment_unit_id === null ? Number(row.receiving_unit_id) : Number(row.payment_unit_id);
  return { unitId, paymentId };
}

export function runQuery(db: Executor) {
  return db
    .selectFrom('reconciliation_runs')
    .innerJoin('users', 'users.id', 'reconciliation_runs.imported_by')
    .selectAll('reconciliation_runs')
    .select('users.full_name as importer_name');
}

export function itemQuery(db: Executor) {
  return db
    .selectFrom('reconciliation_items')
    .leftJoin('payments', 'payments.id', 'reconciliation_items.payment_id')
    .leftJoin('users', 'users.id', 'reconciliation_items.resolved_by')
    .selectAll('reconciliation_items')
    .select(['payments.unit_id as payment_unit_id', 'payments.receipt_no', 'users.full_name as resolver_name']);
}

export type RunRow = Awaited<ReturnType<ReturnType<typeof runQuery>['executeTakeFirstOrThrow']>>;
export type ItemRow = Awaited<ReturnType<ReturnType<typeof itemQuery>['executeTakeFirstOrThrow']>>;

export function toRun(run: RunRow, items: ItemRow[]): ReconciliationRun {
  return {
    id: Number(run.id),
    gatewayDate: run.gateway_date,
    fileName: run.file_name,
    fileSha256: run.file_sha256,
    gatewayRows: Number(run.gateway_rows),
    platformRows: Number(run.platform_rows),
    matched: Number(run.matched),
    importedBy: run.importer_name,
    importedAt: run.imported_at,
    openItems: items.filter((i) => i.status === ReconciliationItemStatus.Open).length,
    totalItems: items.length,
  };
}

export function toItem(item: ItemRow): ReconciliationItem {
  return {
    id: Number(item.id),
    runId: Number(item.run_id),
    kind: item.kind as ReconciliationItemKindCode,
    txnRef: item.txn_ref,
    gatewayAmountVnd: item.gateway_amount_vnd === null ? null : Number(item.gateway_amount_vnd),
    platformAmountVnd: item.platform_amount_vnd === null ? null : Number(item.platform_amount_vnd),
    gatewayRow: item.gateway_row === null ? null : (JSON.parse(item.gateway_row) as Record<string, string>),
    paymentId: item.payment_id === null ? null : Number(item.payment_id),
    receiptNo: item.receipt_no ?? null,
    status: item.status as ReconciliationItem['status'],
    resolutionNote: item.resolution_note,
    resolvedBy: item.resolver_name ?? null,
    resolvedAt: item.resolved_at,
  };
}
