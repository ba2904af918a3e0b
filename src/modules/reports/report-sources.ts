import { sql } from 'kysely';
import { subtreeIds } from '../../platform/auth/access.js';
import { getDayNumber, toInstant, VIETNAM_TIME_ZONE } from '../../platform/calendar/local-time.js';
import type { Executor } from '../../platform/database/database.js';
import { round2 } from './report-formulas.js';
import type { ReportData, ReportRowType, ReportSource, ReportSourceList, ReportTemplateDocument } from './reports.schema.js';

/** What the platform can report by itself (contract §D), for a unit with its subtree over a period. */
export const SOURCE_INFO: Record<ReportSource, { vi: string; en: string; unit: string; type: ReportRowType }> = {
  'dossiers.received': { vi: 'Số hồ sơ tiếp nhận trong kỳ', en: 'Dossiers received in the period', unit: 'hồ sơ', type: 'integer' },
  'dossiers.finished': { vi: 'Số hồ sơ đã giải quyết trong kỳ', en: 'Dossiers finished in the period', unit: 'hồ sơ', type: 'integer' },
  'dossiers.finished_on_time': { vi: 'Số hồ sơ giải quyết đúng hạn (kể cả trước hạn)', en: 'Dossiers finished on time (or early)', unit: 'hồ sơ', type: 'integer' },
  'dossiers.finished_late': { vi: 'Số hồ sơ giải quyết quá hạn', en: 'Dossiers finished late', unit: 'hồ sơ', type: 'integer' },
  'dossiers.on_time_rate': { vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', en: 'On-time rate of finished dossiers', unit: '%', type: 'percent' },
  'dossiers.received_online': { vi: 'Số hồ sơ tiếp nhận trực tuyến', en: 'Dossiers received online', unit: 'hồ sơ', type: 'integer' },
  'dossiers.pending_end': { vi: 'Số hồ sơ đang giải quyết cuối kỳ', en: 'Dossiers in process at the end of the period', unit: 'hồ sơ', type: 'integer' },
  'payments.amount_vnd': { vi: 'Số tiền phí, lệ phí đã thu', en: 'Fees collected', unit: 'đồng', type: 'integer' },
  'documents.incoming': { vi: 'Số văn bản đến', en: 'Incoming documents registered', unit: 'văn bản', type: 'integer' },
  'documents.outgoing': { vi: 'Số văn bản đi', en: 'Outgoing documents issued', unit: 'văn bản', type: 'integer' },
};

export function listSources(): ReportSourceList {
  return {
    items: Object.entries(SOURCE_INFO).map(([code, info]) => ({ code, name: { vi: info.vi, en: info.en }, unit: info.unit, type: info.type })),
  };
}

/** UTC bounds [start, end) of the local dates from..to inclusive. */
function periodInstants(from: string, to: string) {
  return {
    start: toInstant({ day: getDayNumber(from), msOfDay: 0 }, VIETNAM_TIME_ZONE).toISOString(),
    end: toInstant({ day: getDayNumber(to) + 1, msOfDay: 0 }, VIETNAM_TIME_ZONE).toISOString(),
  };
}

async function dossierCounters(db: Executor, unitIds: number[], from: string, to: string) {
  const row = await db
    .selectFrom('service_index_monthly')
    .select([
      sql<number>`coalesce(sum(received), 0)`.as('received'),
      sql<number>`coalesce(sum(received_online), 0)`.as('received_online'),
      sql<number>`coalesce(sum(finished), 0)`.as('finished'),
      sql<number>`coalesce(sum(finished_early), 0) + coalesce(sum(finished_on_time), 0)`.as('on_time'),
      sql<number>`coalesce(sum(finished_late), 0)`.as('late'),
    ])
    .where('unit_id', 'in', unitIds)
    .where('month', '>=', from.slice(0, 7))
    .where('month', '<=', to.slice(0, 7))
    .executeTakeFirstOrThrow();
  return { received: Number(row.received), online: Number(row.received_online), finished: Number(row.finished), onTime: Number(row.on_time), late: Number(row.late) };
}

/**
 * Values of the template's source rows for the unit (with its subtree) and the period, in the first column.
 * Dossier counters come from service_index_monthly (kept in step with every dossier event, whole local months);
 * pending at the end, fees and documents are counted over the exact dates.
 */
export async function computeAutofill(db: Executor, document: ReportTemplateDocument, unitId: number, from: string, to: string): Promise<ReportData> {
  const column = document.columns[0]!;
  const rows = document.rows.filter((r) => r.source && r.type !== 'text' && (column.type ?? 'number') === 'number');
  if (rows.length === 0) return {};
  const unitIds = await subtreeIds(db, [unitId]);
  const { start, end } = periodInstants(from, to);
  const needs = (prefix: string) => rows.some((r) => r.source!.startsWith(prefix));
  const counters = needs('dossiers.') ? await dossierCounters(db, unitIds, from, to) : undefined;
  const values = new Map<ReportSource, number | null>();
  if (counters) {
    values.set('dossiers.received', counters.received);
    values.set('dossiers.received_online', counters.online);
    values.set('dossiers.finished', counters.finished);
    values.set('dossiers.finished_on_time', counters.onTime);
    values.set('dossiers.finished_late', counters.late);
    values.set('dossiers.on_time_rate', counters.finished === 0 ? null : round2((counters.onTime / counters.finished) * 100));
  }
  if (rows.some((r) => r.source === 'dossiers.pending_end')) {
    const row = await db
      .selectFrom('dossiers')
      .select(sql<number>`count(*)`.as('n'))
      .where('unit_id', 'in', unitIds)
      .where('received_at', 'is not', null)
      .where('received_at', '<', end)
      .where((eb) => eb.or([eb('finished_at', 'is', null), eb('finished_at', '>=', end)]))
      .executeTakeFirstOrThrow();
    values.set('dossiers.pending_end', Number(row.n));
  }
  if (rows.some((r) => r.source === 'payments.amount_vnd')) {
    const row = await db
      .selectFrom('payments')
      .select(sql<number>`coalesce(sum(amount_vnd), 0)`.as('total'))
      .where('unit_id', 'in', unitIds)
      .where('status', '=', 'valid')
      .where('paid_at', '>=', start)
      .where('paid_at', '<', end)
      .executeTakeFirstOrThrow();
    values.set('payments.amount_vnd', Number(row.total));
  }
  if (needs('documents.')) {
    const count = async (direction: string, column: 'registered_at' | 'issued_at') => {
      const row = await db
        .selectFrom('documents')
        .select(sql<number>`count(*)`.as('n'))
        .where('unit_id', 'in', unitIds)
        .where('direction', '=', direction)
        .where(column, '>=', start)
        .where(column, '<', end)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    values.set('documents.incoming', await count('incoming', 'registered_at'));
    values.set('documents.outgoing', await count('outgoing', 'issued_at'));
  }
  const data: ReportData = {};
  for (const row of rows) data[row.code] = { [column.code]: values.get(row.source!) ?? null };
  return data;
}
