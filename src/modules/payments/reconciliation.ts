import { createHash } from 'node:crypto';
import type { Db, Executor } from '../../platform/database/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { permittedUnits, type UnitScope } from '../../platform/auth/access.js';
import { Permission } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import { findDayNumber } from '../../platform/calendar/local-time.js';
import { findAttemptOwner, itemQuery, platformPaymentsOf, runQuery, toItem, toRun, type ItemRow } from './reconciliation.repository.js';
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

/** An item without a payment (money only the gateway knows of) concerns every accountant who reconciles. */
function itemInScope(scope: UnitScope, item: ItemRow): boolean {
  return item.payment_unit_id === null || inScope(scope, Number(item.payment_unit_id));
}
