import type { Actor } from '../../platform/auth/actor.js';
import { subtreeIds } from '../../platform/auth/access.js';
import type { Executor } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { computeFormulas, isNumberCell, round2 } from './report-formulas.js';
import { AssignmentStatus, findSubmission, getTemplateDocument, getUnitRef, unitRefs } from './reports.repository.js';
import type { ReportAggregate, ReportData, ReportRow, ReportTemplateDocument, RoundAggregate } from './reports.schema.js';
import { getManagedRound } from './rounds.service.js';

const defaultAggregate = (row: ReportRow): ReportAggregate => (row.formula ? 'formula' : row.type === 'text' ? 'none' : (row.aggregate ?? 'sum'));

function combine(kind: ReportAggregate, values: number[]): number | null {
  if (values.length === 0) return null;
  switch (kind) {
    case 'sum':
      return round2(values.reduce((a, b) => a + b, 0));
    case 'average':
      return round2(values.reduce((a, b) => a + b, 0) / values.length);
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    default:
      return null;
  }
}

/**
 * Aggregates units' figures row by row (sum, average, min, max; empty cells left out). Formula rows are recomputed
 * from the aggregated rows, never summed: a rate of totals is not the sum of rates. Text rows are not aggregated.
 */
export function aggregateData(document: ReportTemplateDocument, reports: ReportData[]): ReportData {
  const values: ReportData = {};
  for (const row of document.rows) {
    values[row.code] = {};
    for (const column of document.columns) {
      const kind = defaultAggregate(row);
      const numbers = isNumberCell(row, column) && kind !== 'formula' && kind !== 'none'
        ? reports.map((r) => r[row.code]?.[column.code]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
        : [];
      values[row.code]![column.code] = combine(kind, numbers);
    }
  }
  const computed = computeFormulas(document, values);
  for (const [row, cells] of Object.entries(computed)) values[row] = { ...values[row], ...cells };
  return values;
}

/** The round's accepted reports of a unit's subtree (default: the assigning unit, i.e. the whole round). */
export async function getRoundAggregate(db: Executor, actor: Actor, roundId: number, unitId?: number): Promise<RoundAggregate & { document: ReportTemplateDocument; round: { periodLabel: string; periodFrom: string; periodTo: string; dueDate: string } }> {
  const round = await getManagedRound(db, actor, roundId);
  const assignerUnitId = Number(round.assigner_unit_id);
  const target = unitId ?? assignerUnitId;
  const assignerTree = new Set(await subtreeIds(db, [assignerUnitId]));
  if (!assignerTree.has(target)) throw new AppError('NOT_FOUND');
  const tree = await subtreeIds(db, [target]);
  const assignments = await db.selectFrom('report_assignments').selectAll().where('round_id', '=', roundId).where('unit_id', 'in', tree).execute();
  const document = await getTemplateDocument(db, Number(round.template_id), Number(round.template_version));
  const units = await unitRefs(db, assignments.map((a) => Number(a.unit_id)));
  const accepted = assignments.filter((a) => a.status === AssignmentStatus.Accepted);
  const reports: ReportData[] = [];
  for (const assignment of accepted) reports.push((await findSubmission(db, Number(assignment.id), Number(assignment.current_version)))!.parsed);
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  return {
    unit: await getUnitRef(db, target),
    columns: document.columns,
    rows: document.rows,
    values: aggregateData(document, reports),
    includedUnits: accepted.map((a) => units.get(Number(a.unit_id))!).sort(byCode),
    pendingUnits: assignments
      .filter((a) => a.status !== AssignmentStatus.Accepted)
      .map((a) => ({ ...units.get(Number(a.unit_id))!, status: a.status as RoundAggregate['pendingUnits'][number]['status'] }))
      .sort(byCode),
    document,
    round: { periodLabel: round.period_label, periodFrom: round.period_from, periodTo: round.period_to, dueDate: round.due_date },
  };
}
