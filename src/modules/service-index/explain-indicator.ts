import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { DossierIndexFactsTable } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import { getCurrentConfig } from './config-store.js';
import { dossierReason, procedureReason } from './explain-reasons.js';
import { countersOf, ROW_COUNTER_SQL } from './index-facts.js';
import { loadProcedureCatalogue, proceduresFor } from './procedure-counters.js';
import { evaluateFormula, MONTHLY_COUNTERS, PROCEDURE_COUNTERS, type Counters, type ExplainKind, type ServiceIndexIndicator } from './service-index.config.js';
import type { UnitsTree } from './units-tree.js';

export interface ExplainItem {
  dossierCode: string | null;
  procedureCode: string;
  procedureName: string;
  unit: { id: number; name: string } | null;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  /** In the indicator's numerator. */
  counted: boolean;
  reason: string;
}

export interface ExplainResult {
  indicator: { code: string; name: string };
  total: number;
  page: number;
  pageSize: number;
  items: ExplainItem[];
}

export interface ExplainInput {
  unitId: number;
  fromMonth: string;
  toMonth: string;
  indicatorCode: string;
  procedureCode?: string;
  page: number;
  pageSize: number;
  lang: Language;
}

type FactRow = Selectable<DossierIndexFactsTable>;

const ARITHMETIC = /^[\sA-Za-z_0-9.+\-*/()]+$/;
const KNOWN = new Set<string>([...MONTHLY_COUNTERS, ...PROCEDURE_COUNTERS]);

/**
 * A formula that is plain arithmetic over counter names, as SQL over one fact row (each counter replaced by what the
 * row adds to it, as a real number so division does not truncate); undefined for anything else.
 */
export function rowFormulaSql(expression: string, side: Record<string, string>): string | undefined {
  if (!ARITHMETIC.test(expression)) return undefined;
  let usable = true;
  const out = expression.replace(/[A-Za-z_][A-Za-z_0-9]*/g, (name) => {
    if (!KNOWN.has(name)) usable = false;
    return `((${side[name] ?? '0'}) * 1.0)`;
  });
  return usable ? out : undefined;
}

const ZERO: Counters = Object.fromEntries([...MONTHLY_COUNTERS, ...PROCEDURE_COUNTERS].map((name) => [name, 0]));

/** A row is behind the indicator when it adds to the denominator; it counted when it adds to the numerator. */
function classify(indicator: ServiceIndexIndicator, counters: Counters): { inDenominator: boolean; counted: boolean } {
  const all = { ...ZERO, ...counters };
  return { inDenominator: evaluateFormula(indicator.denominator, all) > 0, counted: evaluateFormula(indicator.numerator, all) > 0 };
}

/**
 * The records behind one indicator for a unit's subtree and period, each with why it counted (issue 6: every
 * figure drills down). Classified with the indicator's own formulas over each record's share of the counters, so the
 * list always adds up to the figure. No applicant data: codes, procedures, units and dates only.
 */
export async function explainIndicator(db: Executor, tree: UnitsTree, input: ExplainInput): Promise<ExplainResult> {
  const config = await getCurrentConfig(db);
  const indicator = config.document.indicators.find((i) => i.code === input.indicatorCode);
  if (!indicator) throw new AppError('INDEX_INDICATOR_UNKNOWN', { indicator: input.indicatorCode });
  const head = { indicator: { code: indicator.code, name: indicator.name[input.lang] }, page: input.page, pageSize: input.pageSize };
  const subtree = tree.subtree(input.unitId);
  const offset = (input.page - 1) * input.pageSize;

  if (indicator.basis === 'procedures') {
    const codes = new Set(subtree.map((id) => tree.find(id)!.code));
    const rows = proceduresFor(await loadProcedureCatalogue(db), codes, input.procedureCode)
      .map((entry) => ({ entry, ...classify(indicator, { procedures: 1, ...Object.fromEntries(Object.entries(entry.flags).map(([k, v]) => [k, v ? 1 : 0])) }) }))
      .filter((row) => row.inDenominator);
    const items = rows.slice(offset, offset + input.pageSize).map(({ entry, counted }): ExplainItem => ({
      dossierCode: null,
      procedureCode: entry.code,
      procedureName: entry.name,
      unit: null,
      receivedAt: null,
      dueAt: null,
      finishedAt: null,
      counted,
      reason: procedureReason(indicator.numerator, counted, input.lang),
    }));
    return { ...head, total: rows.length, items };
  }

  const monthColumn = indicator.basis === 'finished' ? 'finished_month' : 'received_month';
  const side = indicator.basis === 'finished' ? ROW_COUNTER_SQL.finished : ROW_COUNTER_SQL.received;
  let base = db
    .selectFrom('dossier_index_facts')
    .where('unit_id', 'in', subtree)
    .where(monthColumn, '>=', input.fromMonth)
    .where(monthColumn, '<=', input.toMonth);
  if (input.procedureCode !== undefined) base = base.where('procedure_code', '=', input.procedureCode);
  const numeratorSql = rowFormulaSql(indicator.numerator, side);
  const denominatorSql = rowFormulaSql(indicator.denominator, side);
  let total: number;
  let page: { fact: FactRow; counted: boolean }[];
  if (numeratorSql !== undefined && denominatorSql !== undefined) {
    // Plain arithmetic over counters: classified and paged by the database, so a province-wide year stays a page.
    const behind = base.where(sql<boolean>`(${sql.raw(denominatorSql)}) > 0`);
    const count = await behind.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    total = Number(count.n);
    const rows = await behind
      .selectAll()
      .select(sql<number>`CASE WHEN (${sql.raw(numeratorSql)}) > 0 THEN 1 ELSE 0 END`.as('counted'))
      .orderBy('dossier_id')
      .limit(input.pageSize)
      .offset(offset)
      .execute();
    page = rows.map(({ counted, ...fact }) => ({ fact, counted: Number(counted) === 1 }));
  } else {
    // Other filtrex (conditionals, functions): each row through the same formula in memory.
    const facts = await base.selectAll().orderBy('dossier_id').execute();
    const rows = facts
      .map((fact) => {
        const sides = countersOf(fact);
        return { fact, ...classify(indicator, (indicator.basis === 'finished' ? sides.finished : sides.received) as Counters) };
      })
      .filter((row) => row.inDenominator);
    total = rows.length;
    page = rows.slice(offset, offset + input.pageSize);
  }
  const ids = page.map((row) => Number(row.fact.dossier_id));
  const dossiers = ids.length === 0 ? [] : await db.selectFrom('dossiers').select(['id', 'code', 'procedure_code', 'procedure_name', 'unit_id', 'received_at', 'due_at', 'finished_at']).where('id', 'in', ids).execute();
  const byId = new Map(dossiers.map((d) => [Number(d.id), d]));
  const items = page.map(({ fact, counted }): ExplainItem => {
    const dossier = byId.get(Number(fact.dossier_id))!;
    const unit = tree.find(Number(fact.unit_id));
    return {
      dossierCode: dossier.code,
      procedureCode: dossier.procedure_code,
      procedureName: dossier.procedure_name,
      unit: unit ? { id: unit.id, name: unit.name } : null,
      receivedAt: dossier.received_at,
      dueAt: dossier.due_at,
      finishedAt: dossier.finished_at,
      counted,
      reason: dossierReason(indicator.explain as ExplainKind | undefined, fact, counted, input.lang),
    };
  });
  return { ...head, total, items };
}
