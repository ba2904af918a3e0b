import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import { CLOCK_RUNNING_STATUSES, DossierStatus, type DossierStatusCode } from '../dossiers/dossier-status.js';
import { Direction, OPEN_INCOMING } from '../documents/document-status.js';

/** The service_index_monthly counters the dashboards read (kept in step with dossier events by the service index). */
export const DASHBOARD_COUNTERS = [
  'received', 'received_online', 'received_counter', 'received_postal',
  'finished', 'finished_early', 'finished_on_time', 'finished_late',
  'fee_required', 'paid', 'paid_online', 'rated', 'rated_negative',
] as const;
export type DashboardCounter = (typeof DASHBOARD_COUNTERS)[number];
export type Counters = Record<DashboardCounter, number>;

export const zeroCounters = (): Counters => Object.fromEntries(DASHBOARD_COUNTERS.map((c) => [c, 0])) as Counters;

export function addCounters(into: Counters, more: Counters): Counters {
  for (const c of DASHBOARD_COUNTERS) into[c] += more[c];
  return into;
}

/**
 * In process now (tồn): received and not finished. A dossier submitted online but not received yet is the desk's
 * intake queue, not the unit's backlog.
 */
export const PENDING_STATUSES: DossierStatusCode[] = [DossierStatus.Received, DossierStatus.Processing, DossierStatus.SupplementRequested, DossierStatus.FeeDue];

type CounterGroup = 'unit_id' | 'procedure_code' | 'month';

/** Sums of the counters over the units and months, one row per unit, procedure or month. */
export async function sumCounters(
  db: Executor,
  unitIds: number[],
  months: { first: string; last: string },
  groupBy: CounterGroup,
): Promise<{ key: string; counters: Counters }[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('service_index_monthly')
    .select((eb) => [eb.ref(groupBy).as('key'), ...DASHBOARD_COUNTERS.map((c) => eb.fn.sum<number | string>(c).as(c))])
    .where('unit_id', 'in', unitIds)
    .where('month', '>=', months.first)
    .where('month', '<=', months.last)
    .groupBy(groupBy)
    .execute();
  return rows.map((row) => {
    const counters = zeroCounters();
    for (const c of DASHBOARD_COUNTERS) counters[c] = Number((row as Record<string, unknown>)[c] ?? 0);
    return { key: String(row.key), counters };
  });
}

/**
 * Dossiers in process now and, of those whose clock runs, the ones past their appointment date — per unit and
 * procedure, in one pass over the unit's pending dossiers (the dashboard folds it by unit and by procedure).
 */
export async function countPending(
  db: Executor,
  unitIds: number[],
  now: string,
): Promise<{ unitId: number; procedureCode: string; pending: number; overdue: number }[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('dossiers')
    .select((eb) => [
      'unit_id',
      'procedure_code',
      eb.fn.countAll<number | string>().as('pending'),
      eb.fn
        .sum<number | string>(eb.case().when(eb.and([eb('status', 'in', CLOCK_RUNNING_STATUSES), eb('due_at', '<', now)])).then(1).else(0).end())
        .as('overdue'),
    ])
    .where('unit_id', 'in', unitIds)
    .where('status', 'in', PENDING_STATUSES)
    .groupBy(['unit_id', 'procedure_code'])
    .execute();
  return rows.map((r) => ({ unitId: Number(r.unit_id), procedureCode: r.procedure_code, pending: Number(r.pending), overdue: Number(r.overdue ?? 0) }));
}

/**
 * Documents counted per UTC hour (yyyy-MM-ddTHH) of `column`: few rows (at most 24 a day), and exact local months once
 * each hour is shifted to Viet Nam time (UTC+7 starts a local month at 17:00 UTC).
 */
export async function countDocumentsByHour(
  db: Executor,
  unitIds: number[],
  direction: 'incoming' | 'outgoing',
  range: { start: string; end: string },
): Promise<{ hour: string; count: number }[]> {
  if (unitIds.length === 0) return [];
  const column = direction === Direction.Incoming ? 'arrival_date' : 'issued_at';
  const hour = sql<string>`substr(${sql.ref(column)}, 1, 13)`;
  const rows = await db
    .selectFrom('documents')
    .select((eb) => [hour.as('hour'), eb.fn.countAll<number | string>().as('n')])
    .where('unit_id', 'in', unitIds)
    .where('direction', '=', direction)
    .where(column, '>=', range.start)
    .where(column, '<', range.end)
    .groupBy(hour)
    .execute();
  return rows.map((r) => ({ hour: r.hour, count: Number(r.n) }));
}

/** Incoming documents still being handled past their handling deadline (the worklists' "overdue"), per unit. */
export async function countOverdueDocuments(db: Executor, unitIds: number[], today: string): Promise<{ unitId: number; count: number }[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('documents')
    .select((eb) => ['unit_id', eb.fn.countAll<number | string>().as('n')])
    .where('unit_id', 'in', unitIds)
    .where('direction', '=', Direction.Incoming)
    .where('status', 'in', OPEN_INCOMING)
    .where('due_date', '<', today)
    .groupBy('unit_id')
    .execute();
  return rows.map((r) => ({ unitId: Number(r.unit_id), count: Number(r.n) }));
}

export async function procedureNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('procedures').select(['code', 'name']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
