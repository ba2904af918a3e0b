import { compileExpression } from 'filtrex';

/*
 * Formulas and rules of a template are user-written filtrex@3 expressions (contract: never eval user text).
 * They reference row codes of the same column. The web app imports this file as well (web/src/reports/formulas.ts),
 * so an officer sees formula rows computed exactly as the server stores them: it depends on filtrex only, and its
 * types are the structural parts of the template it reads (reports.schema.ts satisfies them).
 */

export interface ReportColumn {
  code: string;
  type?: string;
}
export interface ReportRow {
  code: string;
  type?: string;
  formula?: string;
}
export type ReportCell = number | string | null;
export type ReportData = Record<string, Record<string, ReportCell>>;
export interface ReportTemplateDocument {
  columns: ReportColumn[];
  rows: ReportRow[];
  rules?: { expression: string; message: { vi: string; en: string } }[];
}

/** filtrex's words and built-in functions: not row references. */
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'if', 'then', 'else', 'mod', 'of']);
export const FORMULA_FUNCTIONS = new Set(['abs', 'ceil', 'floor', 'log', 'log2', 'log10', 'max', 'min', 'round', 'sqrt', 'exists', 'empty']);

/** The row codes an expression reads (double-quoted strings are text literals; single quotes name a property). */
export function referencedNames(expression: string): { names: string[]; functions: string[] } {
  const withoutStrings = expression.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const names = new Set<string>();
  const functions = new Set<string>();
  for (const match of withoutStrings.matchAll(/'([^']*)'|([A-Za-z_][A-Za-z0-9_]*)(\s*\()?/g)) {
    if (match[1] !== undefined) names.add(match[1]);
    else if (match[3]) functions.add(match[2]!);
    else if (!KEYWORDS.has(match[2]!)) names.add(match[2]!);
  }
  return { names: [...names], functions: [...functions] };
}

type Compiled = (values: Record<string, unknown>) => unknown;

/** Compiles or throws the parser's message. */
export function compileFormula(expression: string): Compiled {
  return compileExpression(expression) as Compiled;
}

const compiled = new Map<string, Compiled | null>();

/** The compiled expression, or null when it does not parse (kept: templates are evaluated on every keystroke). */
export function tryCompileFormula(expression: string): Compiled | null {
  if (!compiled.has(expression)) {
    try {
      compiled.set(expression, compileFormula(expression));
    } catch {
      compiled.set(expression, null);
    }
  }
  return compiled.get(expression) ?? null;
}

export const isNumberCell = (row: ReportRow, column: ReportColumn) => row.type !== 'text' && (column.type ?? 'number') === 'number';

/** Two decimals: what a report table shows and what the aggregate must reproduce exactly. */
export const round2 = (value: number) => Math.round(value * 100) / 100;

function numberOrNull(value: ReportCell | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The rows of a template ordered so that each formula row comes after the formula rows it reads. */
export function formulaOrder<Row extends ReportRow>(document: { rows: Row[] }): Row[] {
  const byCode = new Map(document.rows.filter((r) => r.formula).map((r) => [r.code, r]));
  const ordered: Row[] = [];
  const seen = new Set<string>();
  const visit = (row: Row) => {
    if (seen.has(row.code)) return;
    seen.add(row.code);
    for (const name of referencedNames(row.formula!).names) {
      const dependency = byCode.get(name);
      if (dependency) visit(dependency);
    }
    ordered.push(row);
  };
  for (const row of byCode.values()) visit(row);
  return ordered;
}

/**
 * Computes every formula row in every number column from the other rows of that column. A formula reading an
 * empty cell, or giving no finite number (division by zero), leaves its cell empty.
 */
export function computeFormulas(document: ReportTemplateDocument, data: ReportData): ReportData {
  const computed: ReportData = {};
  const rows = formulaOrder(document);
  for (const column of document.columns) {
    const values: Record<string, number | null> = {};
    for (const row of document.rows) if (!row.formula) values[row.code] = numberOrNull(data[row.code]?.[column.code]);
    for (const row of rows) {
      if (!isNumberCell(row, column)) continue;
      const { names } = referencedNames(row.formula!);
      const evaluate = tryCompileFormula(row.formula!);
      let result: number | null = null;
      if (evaluate && names.every((name) => values[name] !== null && values[name] !== undefined)) {
        const value = evaluate(values);
        result = typeof value === 'number' && Number.isFinite(value) ? round2(value) : null;
      }
      values[row.code] = result;
      (computed[row.code] ??= {})[column.code] = result;
    }
  }
  return computed;
}

/** Rules that fail in a column: each expression over that column's values; a rule reading an empty cell is skipped. */
export function failingRules(
  document: ReportTemplateDocument,
  values: ReportData,
): { column: string; row: string; message: { vi: string; en: string } }[] {
  const failures: { column: string; row: string; message: { vi: string; en: string } }[] = [];
  for (const rule of document.rules ?? []) {
    const { names } = referencedNames(rule.expression);
    const evaluate = compileFormula(rule.expression);
    for (const column of document.columns) {
      if ((column.type ?? 'number') !== 'number') continue;
      const scope: Record<string, number | null> = {};
      for (const name of names) scope[name] = numberOrNull(values[name]?.[column.code]);
      if (names.some((name) => scope[name] === null)) continue;
      const result = evaluate(scope);
      if (result === false || result === 0) failures.push({ column: column.code, row: names[0] ?? document.rows[0]!.code, message: rule.message });
    }
  }
  return failures;
}
