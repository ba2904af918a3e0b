import { createHash } from 'node:crypto';
import type { Db, Executor } from '../../platform/database/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { permittedUnits, type UnitScope } from '../../platform/auth/access.js';
import { Permission } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import { findDayNumber, toInstant, VIETNAM_TIME_ZONE } from '../../platform/calendar/local-time.js';
import { PaymentChannel, PaymentStatus } from './payment-status.js';
import { GatewayRowStatus, localDateOfPayDate, parseGatewayFile, type GatewayFileRow } from './reconciliation-file.js';
import {
  ReconciliationItemKind,
  ReconciliationItemStatus,
  type ReconciliationItem,
  type ReconciliationItemKindCode,
  type ReconciliationRun,
  type ReconciliationRunDetail,
} from './reconciliation.schema.js';

export interface GatewayFileUpload {
  /** Local date yyyy-MM-dd the file covers. */
  date: string | undefined;
  fileName: string | undefined;
  content: Buffer | undefined;
}

/**
 * The caller's reconciliation scope: every unit where they hold payment.reconcile. Someone holding it nowhere
 * may not reconcile at all (403); within the scope, another unit's payments are left to that unit's accountant.
 */
export async function getReconcileScope(db: Executor, actor: Actor): Promise<UnitScope> {
  const scope = await permittedUnits(db, actor, Permission.PaymentReconcile);
  if (!scope.all && scope.unitIds.length === 0) throw new AppError('FORBIDDEN');
  return scope;
}

export const inScope = (scope: UnitScope, unitId: number | null) => scope.all || (unitId !== null && scope.unitIds.includes(unitId));

/** UTC bounds [start, end) of a local day (Asia/Ho_Chi_Minh), as ISO text comparable with stored instants. */
export function localDayBounds(day: number): { start: string; end: string } {
  return {
    start: toInstant({ day, msOfDay: 0 }, VIETNAM_TIME_ZONE).toISOString(),
    end: toInstant({ day: day + 1, msOfDay: 0 }, VIETNAM_TIME_ZONE).toISOString(),
  };
}

interface PlatformPayment {
  paymentId: number;
  txnRef: string;
  amountVnd: number;
}

/**
 * Daily reconciliation (domain.md §7): the gateway's successful transactions of one local day against the gateway
 * payments (valid and duplicate: both are money taken) the platform recorded that day, matched by the attempt's
 * order reference. Only differences become items; the run keeps the counts and the file's digest as evidence.
 */
export async function importReconciliation(
  db: Db,
  actor: Actor,
  context: AuditContext,
  language: Language,
  upload: GatewayFileUpload,
): Promise<ReconciliationRunDetail> {
  const scope = await getReconcileScope(db, actor);
  const day = upload.date === undefined ? undefined : findDayNumber(upload.date);
  if (day === undefined || upload.date === undefined) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/date', message: DATE_MESSAGE[language] }]);
  }
  if (!upload.content) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/file', message: FILE_MESSAGE[language] }]);
  const rows = parseGatewayFile(upload.content, language);
  const date = upload.date;
  const gatewayRows = rows.filter((row) => row.status === GatewayRowStatus.Success && localDateOfPayDate(row.pay_date) === date);
  const now = new Date().toISOString();

  const runId = await db.transaction().execute(async (tx) => {
    const platform = await platformPaymentsOf(tx, scope, day);
    const byRef = new Map(platform.map((p) => [p.txnRef, p]));
    const items: NewItem[] = [];
    let matched = 0;
    for (const row of gatewayRows) {
      const payment = byRef.get(row.txn_ref);
      const gatewayAmount = Number(row.amount_vnd);
      if (payment) {
        byRef.delete(row.txn_ref);
        if (payment.amountVnd === gatewayAmount) matched += 1;
        else items.push(newItem(ReconciliationItemKind.AmountMismatch, row.txn_ref, row, payment.paymentId, payment.amountVnd));
        continue;
      }
      const owner = await findAttemptOwner(tx, row.txn_ref);
      // Another unit's transaction: its own accountant reconciles it.
      if (owner && !inScope(scope, owner.unitId)) continue;
      items.push(newItem(ReconciliationItemKind.MissingOnPlatform, row.txn_ref, row, owner?.paymentId ?? null, null));
    }
    for (const payment of byRef.values()) {
      items.push(newItem(ReconciliationItemKind.MissingAtGateway, payment.txnRef, null, payment.paymentId, payment.amountVnd));
    }

    const run = await tx
      .insertInto('reconciliation_runs')
      .values({
        gateway_date: date,
        file_name: (upload.fileName ?? 'gateway.csv').slice(0, 200),
        file_sha256: createHash('sha256').update(upload.content!).digest('hex'),
        gateway_rows: gatewayRows.length,
        platform_rows: platform.length,
        matched,
        imported_by: actor.userId,
        imported_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(run.id);
    if (items.length > 0) {
      await tx
        .insertInto('reconciliation_items')
        .values(items.map((item) => ({ ...item, run_id: id, status: ReconciliationItemStatus.Open })))
        .execute();
    }
    await recordAudit(tx, context, {
      action: 'payment.reconcile',
      entityType: 'reconciliation_run',
      entityId: id,
      summary: {
        gatewayDate: date,
        gatewayRows: gatewayRows.length,
        platformRows: platform.length,
        matched,
        missingOnPlatform: items.filter((i) => i.kind === ReconciliationItemKind.MissingOnPlatform).length,
        missingAtGateway: items.filter((i) => i.kind === ReconciliationItemKind.MissingAtGateway).length,
        amountMismatch: items.filter((i) => i.kind === ReconciliationItemKind.AmountMismatch).length,
      },
    });
    return id;
  });
  return getReconciliationRun(db, actor, runId);
}

const DATE_MESSAGE: Record<Language, string> = {
  vi: 'Cần chọn ngày giao dịch của tệp (yyyy-MM-dd).',
  en: 'Give the date the file covers (yyyy-MM-dd).',
};
const FILE_MESSAGE: Record<Language, string> = {
  vi: 'Cần gửi kèm tệp giao dịch của cổng thanh toán trong trường "file".',
  en: 'Send the gateway\'s transaction file in the "file" field.',
};

interface NewItem {
  kind: ReconciliationItemKindCode;
  txn_ref: string;
  gateway_amount_vnd: number | null;
  platform_amount_vnd: number | null;
  gateway_row: string | null;
  payment_id: number | null;
}

function newItem(
  kind: ReconciliationItemKindCode,
  txnRef: string,
  row: GatewayFileRow | null,
  paymentId: number | null,
  platformAmount: number | null,
): NewItem {
  return {
    kind,
    txn_ref: txnRef,
    gateway_amount_vnd: row ? Number(row.amount_vnd) : null,
    platform_amount_vnd: platformAmount,
    gateway_row: row ? JSON.stringify(row) : null,
    payment_id: paymentId,
  };
}

async function platformPaymentsOf(db: Executor, scope: UnitScope, day: number): Promise<PlatformPayment[]> {
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
async function findAttemptOwner(db: Executor, txnRef: string): Promise<{ unitId: number; paymentId: number | null } | undefined> {
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

export async function listReconciliationRuns(db: Db, actor: Actor): Promise<ReconciliationRun[]> {
  const scope = await getReconcileScope(db, actor);
  const runs = await runQuery(db).orderBy('reconciliation_runs.id', 'desc').limit(200).execute();
  const items = runs.length === 0 ? [] : await itemQuery(db).where('reconciliation_items.run_id', 'in', runs.map((r) => r.id)).execute();
  return runs.map((run) => toRun(run, items.filter((i) => Number(i.run_id) === Number(run.id) && itemInScope(scope, i))));
}

export async function getReconciliationRun(db: Executor, actor: Actor, runId: number): Promise<ReconciliationRunDetail> {
  const scope = await getReconcileScope(db, actor);
  const run = await runQuery(db).where('reconciliation_runs.id', '=', runId).executeTakeFirst();
  if (!run) throw new AppError('NOT_FOUND');
  const items = (await itemQuery(db).where('reconciliation_items.run_id', '=', runId).orderBy('reconciliation_items.id').execute()).filter(
    (i) => itemInScope(scope, i),
  );
  return { ...toRun(run, items), items: items.map(toItem) };
}

/** The accountant's note on how a difference was settled; once only (409 on a second try). */
export async function resolveReconciliationItem(
  db: Db,
  actor: Actor,
  context: AuditContext,
  itemId: number,
  note: string,
): Promise<ReconciliationItem> {
  const scope = await getReconcileScope(db, actor);
  await db.transaction().execute(async (tx) => {
    const item = await itemQuery(tx).where('reconciliation_items.id', '=', itemId).executeTakeFirst();
    if (!item || !itemInScope(scope, item)) throw new AppError('NOT_FOUND');
    const result = await tx
      .updateTable('reconciliation_items')
      .set({ status: ReconciliationItemStatus.Resolved, resolution_note: note, resolved_by: actor.userId, resolved_at: new Date().toISOString() })
      .where('id', '=', itemId)
      .where('status', '=', ReconciliationItemStatus.Open)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('RECONCILIATION_ITEM_RESOLVED');
    await recordAudit(tx, context, {
      action: 'payment.reconcile_resolve',
      entityType: 'reconciliation_item',
      entityId: itemId,
      summary: { runId: Number(item.run_id), kind: item.kind, txnRef: item.txn_ref, paymentId: item.payment_id, note },
    });
  });
  const item = await itemQuery(db).where('reconciliation_items.id', '=', itemId).executeTakeFirstOrThrow();
  return toItem(item);
}

function runQuery(db: Executor) {
  return db
    .selectFrom('reconciliation_runs')
    .innerJoin('users', 'users.id', 'reconciliation_runs.imported_by')
    .selectAll('reconciliation_runs')
    .select('users.full_name as importer_name');
}

function itemQuery(db: Executor) {
  return db
    .selectFrom('reconciliation_items')
    .leftJoin('payments', 'payments.id', 'reconciliation_items.payment_id')
    .leftJoin('users', 'users.id', 'reconciliation_items.resolved_by')
    .selectAll('reconciliation_items')
    .select(['payments.unit_id as payment_unit_id', 'payments.receipt_no', 'users.full_name as resolver_name']);
}

type RunRow = Awaited<ReturnType<ReturnType<typeof runQuery>['executeTakeFirstOrThrow']>>;
type ItemRow = Awaited<ReturnType<ReturnType<typeof itemQuery>['executeTakeFirstOrThrow']>>;

/** An item without a payment (money only the gateway knows of) concerns every accountant who reconciles. */
function itemInScope(scope: UnitScope, item: ItemRow): boolean {
  return item.payment_unit_id === null || inScope(scope, Number(item.payment_unit_id));
}

function toRun(run: RunRow, items: ItemRow[]): ReconciliationRun {
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

function toItem(item: ItemRow): ReconciliationItem {
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
