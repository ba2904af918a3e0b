import { compileExpression } from 'filtrex';
import type { ReportColumn, ReportData, ReportRow, ReportTemplateDocument } from '../api/reports';

/*
 * Formula rows are computed in the browser with filtrex@3, the same library and the same expressions the server uses
 * (contract: "never eval user text"), so a commune officer sees a rate change as she types. The server's `computed`
 * stays the figure of record.
 */

type Compiled = (scope: Record<string, unknown>) => unknown;
const cache = new Map<string, Compiled | null>();

/** The compiled expression, or null when it does not parse (the template editor says so). */
export function compileFormula(expression: string): Compiled | null {
  if (!cache.has(expression)) {
    try {
      cache.set(expression, compileExpression(expression) as Compiled);
    } catch {
      cache.set(expression, null);
    }
  }
  return cache.get(expression) ?? null;
}

/** filtrex's words: not row references (as src/modules/reports/report-formulas.ts reads them). */
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'if', 'then', 'else', 'mod', 'of']);

/** The row codes an expression reads (double-quoted strings are text; single quotes name a row; `f(` is a function). */
export function referencedNames(expression: string): string[] {
  const withoutStrings = expression.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const names = new Set<string>();
  for (const match of withoutStrings.matchAll(/'([^']*)'|([A-Za-z_][A-Za-z0-9_]*)(\s*\()?/g)) {
    if (match[1] !== undefined) names.add(match[1]);
    else if (!match[3] && !KEYWORDS.has(match[2]!)) names.add(match[2]!);
  }
  return [...names];
}

export function isNumericCell(row: ReportRow, column: ReportColumn): boolean {
  return row.type !== 'text' && (column.type ?? 'number') === 'number';
}

const asNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
/** Two decimals, as the server rounds what a report table shows. */
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Formula rows ordered so that each comes after the formula rows it reads. */
function formulaOrder(document: ReportTemplateDocument): ReportRow[] {
  const byCode = new Map(document.rows.filter((row) => row.formula).map((row) => [row.code, row]));
  const ordered: ReportRow[] = [];
  const seen = new Set<string>();
  const visit = (row: ReportRow) => {
    if (seen.has(row.code)) return;
    seen.add(row.code);
    for (const name of referencedNames(row.formula!)) {
      const dependency = byCode.get(name);
      if (dependency) visit(dependency);
    }
    ordered.push(row);
  };
  for (const row of byCode.values()) visit(row);
  return ordered;
}

/**
 * Every formula row of every number column from the other rows of that column, exactly as the server computes them:
 * a formula reading an empty cell, or giving no finite number (division by zero), leaves its cell empty.
 */
export function computeFormulas(document: ReportTemplateDocument, data: ReportData): ReportData {
  const computed: ReportData = {};
  const rows = formulaOrder(document);
  for (const column of document.columns) {
    const values: Record<string, number | null> = {};
    for (const row of document.rows) if (!row.formula) values[row.code] = asNumber(data[row.code]?.[column.code]);
    for (const row of rows) {
      if (!isNumericCell(row, column)) continue;
      const compiled = compileFormula(row.formula!);
      let result: number | null = null;
      if (compiled && referencedNames(row.formula!).every((name) => values[name] !== null && values[name] !== undefined)) {
        try {
          const value = asNumber(compiled(values));
          result = value === null ? null : round2(value);
        } catch {
          result = null;
        }
      }
      values[row.code] = result;
      (computed[row.code] ??= {})[column.code] = result;
    }
  }
  return computed;
}

/** Row codes an expression mentions that the template does not have, or null when it does not parse at all. */
export function unknownNames(expression: string, rowCodes: string[]): string[] | null {
  if (!compileFormula(expression)) return null;
  const known = new Set(rowCodes);
  return referencedNames(expression).filter((name) => !known.has(name));
}

const NUMBER_FORMAT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** 1.234,5 — Vietnamese grouping and decimal comma (vi-VN), whatever the interface language. */
export function formatFigure(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'number' ? NUMBER_FORMAT.format(value) : value;
}
