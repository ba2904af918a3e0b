import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/database/database.js';
import type { Language } from '../../platform/i18n/language.js';
import { localMonthOf, localToday, rate, resolvePeriod, type Period } from './period.js';
import { childOf, resolveStatisticsScope, type StatisticsScope, type UnitRef } from './statistics-scope.js';
import {
  addCounters,
  countDocumentsByHour,
  countOverdueDocuments,
  countPending,
  procedureNames,
  sumCounters,
  zeroCounters,
  type Counters,
} from './statistics.repository.js';
import type { Dashboard, DashboardQuery } from './statistics.schema.js';

/** The by-procedure chart shows the procedures most received (a province runs about 2,000). */
export const TOP_PROCEDURES = 20;

/**
 * The leader dashboard (issue 6): counters of the period from service_index_monthly (kept in step with every
 * dossier event, so a year of the province is a sum over a few thousand rows), pending and overdue dossiers and
 * documents as they are now. Every figure of a unit includes its subtree, within the caller's report.view scope.
 */
export async function getDashboard(db: Executor, actor: Actor, language: Language, query: DashboardQuery, now = new Date()): Promise<Dashboard> {
  const scope = await resolveStatisticsScope(db, actor, query.unit);
  const period = resolvePeriod(query, language, now);
  return buildDashboard(db, scope, period, now);
}

export async function buildDashboard(db: Executor, scope: StatisticsScope, period: Period, now: Date): Promise<Dashboard> {
  const months = { first: period.months[0], last: period.months[period.months.length - 1] };
  const nowIso = now.toISOString();
  const [byUnitRows, byProcedureRows, byMonthRows, pendingRows, incoming, outgoing, overdueDocs] = await Promise.all([
    sumCounters(db, scope.unitIds, months, 'unit_id'),
    sumCounters(db, scope.unitIds, months, 'procedure_code'),
    sumCounters(db, scope.unitIds, months, 'month'),
    countPending(db, scope.unitIds, nowIso),
    countDocumentsByHour(db, scope.unitIds, 'incoming', period),
    countDocumentsByHour(db, scope.unitIds, 'outgoing', period),
    countOverdueDocuments(db, scope.unitIds, localToday(now)),
  ]);

  const pendingByUnit = foldPending(pendingRows, (r) => String(r.unitId));
  const pendingByProcedure = foldPending(pendingRows, (r) => r.procedureCode);
  const totals = byMonthRows.reduce((sum, row) => addCounters(sum, row.counters), zeroCounters());
  const pending = pendingByUnit.reduce((sum, r) => sum + r.pending, 0);
  const overdue = pendingByUnit.reduce((sum, r) => sum + r.overdue, 0);
  const onTime = totals.finished_early + totals.finished_on_time;
  const satisfactionIndex = satisfactionOf(totals);

  return {
    unit: scope.unit,
    from: period.from,
    to: period.to,
    totals: {
      received: totals.received,
      finished: totals.finished,
      pending,
      overdue,
      onTime,
      late: totals.finished_late,
      onTimeRate: rate(onTime, onTime + totals.finished_late),
      onlineShare: rate(totals.received_online, totals.received),
      paidOnlineShare: rate(totals.paid_online, totals.paid),
      satisfaction: satisfactionIndex,
    },
    byUnit: unitRows(scope, byUnitRows, pendingByUnit),
    byProcedure: await procedureRows(db, byProcedureRows, pendingByProcedure),
    trend: period.months.map((month) => {
      const c = byMonthRows.find((r) => r.key === month)?.counters ?? zeroCounters();
      const monthOnTime = c.finished_early + c.finished_on_time;
      return { month, received: c.received, finished: c.finished, onTime: monthOnTime, late: c.finished_late, onTimeRate: rate(monthOnTime, monthOnTime + c.finished_late) };
    }),
    channels: { online: totals.received_online, counter: totals.received_counter, postal: totals.received_postal },
    payments: { feeRequired: totals.fee_required, paid: totals.paid, paidOnline: totals.paid_online, paidOnlineShare: rate(totals.paid_online, totals.paid) },
    satisfaction: { rated: totals.rated, negative: totals.rated_negative, index: satisfactionIndex },
    documents: {
      trend: documentTrend(period.months, incoming, outgoing),
      overdue: overdueDocs.reduce((sum, r) => sum + r.count, 0),
      overdueByUnit: perChild(scope, overdueDocs.map((r) => ({ unitId: r.unitId, value: r.count }))).map(({ unit, own, value }) => ({
        unit,
        ...(own ? { own } : {}),
        count: value,
      })),
    },
  };
}

type PendingRow = Awaited<ReturnType<typeof countPending>>[number];

function foldPending(rows: PendingRow[], keyOf: (row: PendingRow) => string): { key: string; pending: number; overdue: number }[] {
  const sums = new Map<string, { key: string; pending: number; overdue: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    const sum = sums.get(key) ?? { key, pending: 0, overdue: 0 };
    sum.pending += row.pending;
    sum.overdue += row.overdue;
    sums.set(key, sum);
  }
  return [...sums.values()];
}

/**
 * Decision 766 indicator 5.4 as domain.md §5 puts it: 100 % − (share finished late + share rated negatively), both
 * over the dossiers finished in the period (ratings are counted in the month processing ended).
 */
function satisfactionOf(c: Counters): number | null {
  const share = rate(c.finished_late + c.rated_negative, c.finished);
  return share === null ? null : Math.max(0, 1 - share);
}

interface ChildValue {
  unit: UnitRef;
  own: boolean;
  value: number;
}

/** Sums per unit folded into the scope's direct children (each with its subtree); the unit's own row first when non-zero. */
function perChild(scope: StatisticsScope, values: { unitId: number; value: number }[]): ChildValue[] {
  const top = childOf(scope);
  const sums = new Map<number, number>();
  for (const v of values) {
    const key = top.get(v.unitId);
    if (key !== undefined) sums.set(key, (sums.get(key) ?? 0) + v.value);
  }
  const own = sums.get(scope.unit.id) ?? 0;
  return [
    ...(own > 0 ? [{ unit: scope.unit, own: true, value: own }] : []),
    ...scope.children.map((unit) => ({ unit, own: false, value: sums.get(unit.id) ?? 0 })),
  ];
}

function unitRows(
  scope: StatisticsScope,
  counters: { key: string; counters: Counters }[],
  pending: { key: string; pending: number; overdue: number }[],
): Dashboard['byUnit'] {
  const top = childOf(scope);
  const sums = new Map<number, { counters: Counters; pending: number; overdue: number }>();
  const entry = (unitId: number) => {
    const key = top.get(unitId);
    if (key === undefined) return undefined;
    let e = sums.get(key);
    if (!e) sums.set(key, (e = { counters: zeroCounters(), pending: 0, overdue: 0 }));
    return e;
  };
  for (const row of counters) {
    const e = entry(Number(row.key));
    if (e) addCounters(e.counters, row.counters);
  }
  for (const row of pending) {
    const e = entry(Number(row.key));
    if (e) {
      e.pending += row.pending;
      e.overdue += row.overdue;
    }
  }
  const rowOf = (unit: UnitRef, own: boolean) => {
    const e = sums.get(unit.id) ?? { counters: zeroCounters(), pending: 0, overdue: 0 };
    const onTime = e.counters.finished_early + e.counters.finished_on_time;
    return {
      unit,
      ...(own ? { own } : {}),
      received: e.counters.received,
      finished: e.counters.finished,
      pending: e.pending,
      overdue: e.overdue,
      onTime,
      late: e.counters.finished_late,
      onTimeRate: rate(onTime, onTime + e.counters.finished_late),
    };
  };
  const own = sums.get(scope.unit.id);
  const ownHasFigures = own !== undefined && (own.pending > 0 || Object.values(own.counters).some((v) => v > 0));
  return [...(ownHasFigures ? [rowOf(scope.unit, true)] : []), ...scope.children.map((unit) => rowOf(unit, false))];
}

async function procedureRows(
  db: Executor,
  counters: { key: string; counters: Counters }[],
  pending: { key: string; pending: number }[],
): Promise<Dashboard['byProcedure']> {
  const top = [...counters].sort((a, b) => b.counters.received - a.counters.received || a.key.localeCompare(b.key)).slice(0, TOP_PROCEDURES);
  const names = await procedureNames(db, top.map((r) => r.key));
  return top.map(({ key, counters: c }) => {
    const onTime = c.finished_early + c.finished_on_time;
    return {
      procedureCode: key,
      procedureName: names.get(key) ?? key,
      received: c.received,
      finished: c.finished,
      pending: pending.find((p) => p.key === key)?.pending ?? 0,
      onTimeRate: rate(onTime, onTime + c.finished_late),
    };
  });
}

function documentTrend(months: string[], incoming: { hour: string; count: number }[], outgoing: { hour: string; count: number }[]): Dashboard['documents']['trend'] {
  const bucket = (rows: { hour: string; count: number }[]) => {
    const byMonth = new Map<string, number>();
    for (const r of rows) {
      const month = localMonthOf(`${r.hour}:00:00.000Z`);
      byMonth.set(month, (byMonth.get(month) ?? 0) + r.count);
    }
    return byMonth;
  };
  const inByMonth = bucket(incoming);
  const outByMonth = bucket(outgoing);
  return months.map((month) => ({ month, incoming: inByMonth.get(month) ?? 0, outgoing: outByMonth.get(month) ?? 0 }));
}
