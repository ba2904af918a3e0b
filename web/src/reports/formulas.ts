import type { ReportColumn, ReportRow } from '../api/reports';
import { isNumberCell, referencedNames, tryCompileFormula } from '../../../src/modules/reports/report-formulas';

/*
 * Formula rows are computed in the browser by the server's own module (filtrex@3, never eval of user text), so a
 * commune officer sees a rate change as she types, exactly as the server will store it; the server's `computed` stays
 * the figure of record.
 */
export { computeFormulas } from '../../../src/modules/reports/report-formulas';

export function isNumericCell(row: ReportRow, column: ReportColumn): boolean {
  return isNumberCell(row, column);
}

/** Row codes an expression mentions that the template does not have, or null when it does not parse at all. */
export function unknownNames(expression: string, rowCodes: string[]): string[] | null {
  if (!tryCompileFormula(expression)) return null;
  const known = new Set(rowCodes);
  return referencedNames(expression).names.filter((name) => !known.has(name));
}

const NUMBER_FORMAT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** 1.234,5 — Vietnamese grouping and decimal comma (vi-VN), whatever the interface language. */
export function formatFigure(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'number' ? NUMBER_FORMAT.format(value) : value;
}
