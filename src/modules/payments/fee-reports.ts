import type { Executor } from '../../platform/database/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hasPermission, permittedUnits, subtreeIds } from '../../platform/auth/access.js';
import { Permission } from '../../platform/auth/roles.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import { findDayNumber, localDateOf, VIETNAM_TIME_ZONE } from '../../platform/calendar/local-time.js';
import { PAYMENT_CHANNEL_LABELS, PaymentStatus, type PaymentChannelCode } from './payment-status.js';
import { localDayBounds } from './local-day.js';
import {
  ReportGroupBy,
  type CollectedReport,
  type CollectedReportQuery,
  type CollectedReportRow,
  type ReportGroupByCode,
} from './reconciliation.schema.js';

/** A report spans at most a year: longer periods are the yearly reports' business (Decree 09/2019). */
const MAX_REPORT_DAYS = 366;

const RANGE_MESSAGES = {
  date: { vi: 'Ngày không hợp lệ (yyyy-MM-dd).', en: 'Not a valid date (yyyy-MM-dd).' },
  order: { vi: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.', en: 'The end date must not be before the start date.' },
  length: { vi: `Mỗi báo cáo tối đa ${MAX_REPORT_DAYS} ngày.`, en: `A report covers at most ${MAX_REPORT_DAYS} days.` },
} satisfies Record<string, Record<Language, string>>;

/**
 * Fees collected in a period of local days, grouped by issuing unit, procedure, channel or day; refunds of those
 * payments are shown beside them (never silently netted). Only units where the caller holds payment.report count.
 * Valid and duplicate payments are both money the unit received.
 */
export async function collectedReport(
  db: Executor,
  actor: Actor,
  language: Language,
  query: CollectedReportQuery,
): Promise<CollectedReport> {
  const scope = await permittedUnits(db, actor, Permission.PaymentReport);
  if (!scope.all && scope.unitIds.length === 0) throw new AppError('FORBIDDEN');
  const fromDay = findDayNumber(query.from);
  const toDay = findDayNumber(query.to);
  const problems = [
    ...(fromDay === undefined ? [{ path: '/from', message: RANGE_MESSAGES.date[language] }] : []),
    ...(toDay === undefined ? [{ path: '/to', message: RANGE_MESSAGES.date[language] }] : []),
  ];
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', {}, problems);
  if (toDay! < fromDay!) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/to', message: RANGE_MESSAGES.order[language] }]);
  if (toDay! - fromDay! + 1 > MAX_REPORT_DAYS) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/to', message: RANGE_MESSAGES.length[language] }]);
  }

  let unitIds: number[] | undefined = scope.all ? undefined : scope.unitIds;
  if (query.unit !== undefined) {
    if (!(await hasPermission(db, actor, Permission.PaymentReport, query.unit))) throw new AppError('NOT_FOUND');
    const subtree = await subtreeIds(db, [query.unit]);
    unitIds = unitIds === undefined ? subtree : subtree.filter((id) => unitIds!.includes(id));
  }

  const start = localDayBounds(fromDay!).start;
  const end = localDayBounds(toDay!).end;
  let payments = db
    .selectFrom('payments')
    .innerJoin('payment_orders', 'payment_orders.id', 'payments.order_id')
    .innerJoin('dossiers', 'dossiers.id', 'payment_orders.dossier_id')
    .innerJoin('units', 'units.id', 'payments.unit_id')
    .select([
      'payments.id',
      'payments.amount_vnd',
      'payments.channel',
      'payments.paid_at',
      'payments.unit_id',
      'units.name as unit_name',
      'dossiers.procedure_code',
      'dossiers.procedure_name',
    ])
    .where('payments.status', 'in', [PaymentStatus.Valid, PaymentStatus.Duplicate])
    .where('payments.paid_at', '>=', start)
    .where('payments.paid_at', '<', end);
  if (unitIds !== undefined) {
    if (unitIds.length === 0) return emptyReport(query);
    payments = payments.where('payments.unit_id', 'in', unitIds);
  }
  const rows = await payments.execute();
  const refunds = await refundsOf(db, rows.map((r) => Number(r.id)));

  const groupBy = query.groupBy ?? ReportGroupBy.Unit;
  const groups = new Map<string, CollectedReportRow>();
  for (const row of rows) {
    const { key, label } = groupOf(groupBy, row, language);
    const group = groups.get(key) ?? { key, label, count: 0, amountVnd: 0, refundedVnd: 0, netVnd: 0 };
    const amount = Number(row.amount_vnd);
    const refunded = refunds.get(Number(row.id)) ?? 0;
    group.count += 1;
    group.amountVnd += amount;
    group.refundedVnd += refunded;
    group.netVnd += amount - refunded;
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort((a, b) =>
    groupBy === ReportGroupBy.Day ? a.key.localeCompare(b.key) : b.amountVnd - a.amountVnd || a.label.localeCompare(b.label, 'vi'),
  );
  return {
    from: query.from,
    to: query.to,
    groupBy,
    rows: sorted,
    count: sorted.reduce((sum, r) => sum + r.count, 0),
    totalVnd: sorted.reduce((sum, r) => sum + r.amountVnd, 0),
    refundedVnd: sorted.reduce((sum, r) => sum + r.refundedVnd, 0),
    netVnd: sorted.reduce((sum, r) => sum + r.netVnd, 0),
  };
}

function emptyReport(query: CollectedReportQuery): CollectedReport {
  return { from: query.from, to: query.to, groupBy: query.groupBy ?? ReportGroupBy.Unit, rows: [], count: 0, totalVnd: 0, refundedVnd: 0, netVnd: 0 };
}

interface ReportSource {
  channel: string;
  paid_at: string;
  unit_id: number;
  unit_name: string;
  procedure_code: string;
  procedure_name: string;
}

function groupOf(groupBy: ReportGroupByCode, row: ReportSource, language: Language): { key: string; label: string } {
  switch (groupBy) {
    case ReportGroupBy.Unit:
      return { key: String(row.unit_id), label: row.unit_name };
    case ReportGroupBy.Procedure:
      return { key: row.procedure_code, label: `${row.procedure_code} — ${row.procedure_name}` };
    case ReportGroupBy.Channel:
      return { key: row.channel, label: PAYMENT_CHANNEL_LABELS[row.channel as PaymentChannelCode]?.[language] ?? row.channel };
    case ReportGroupBy.Day: {
      const day = localDateOf(new Date(row.paid_at), VIETNAM_TIME_ZONE);
      return { key: day, label: `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` };
    }
  }
}

/** Total refunded per payment; chunks keep the IN list within every database's parameter limit. */
async function refundsOf(db: Executor, paymentIds: number[]): Promise<Map<number, number>> {
  const totals = new Map<number, number>();
  for (let i = 0; i < paymentIds.length; i += 500) {
    const chunk = paymentIds.slice(i, i + 500);
    const rows = await db.selectFrom('payment_refunds').select(['payment_id', 'amount_vnd']).where('payment_id', 'in', chunk).execute();
    for (const r of rows) totals.set(Number(r.payment_id), (totals.get(Number(r.payment_id)) ?? 0) + Number(r.amount_vnd));
  }
  return totals;
}
