import { AppError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import { computeFormulas, failingRules, isNumberCell } from './report-formulas.js';
import type { ReportCell, ReportData, ReportProblem, ReportTemplateDocument } from './reports.schema.js';

const MESSAGES = {
  unknownRow: { vi: 'Không có dòng này trong mẫu báo cáo.', en: 'No such row in the template.' },
  unknownColumn: { vi: 'Không có cột này trong mẫu báo cáo.', en: 'No such column in the template.' },
  notNumber: { vi: 'Phải là số.', en: 'Must be a number.' },
  notText: { vi: 'Phải là chữ.', en: 'Must be text.' },
  required: { vi: 'Bắt buộc nhập.', en: 'Required.' },
  integer: { vi: 'Phải là số nguyên.', en: 'Must be a whole number.' },
  percent: { vi: 'Tỷ lệ phải từ 0 đến 100.', en: 'A percentage must be between 0 and 100.' },
  min: { vi: 'Không được nhỏ hơn {value}.', en: 'Must not be less than {value}.' },
  max: { vi: 'Không được lớn hơn {value}.', en: 'Must not be greater than {value}.' },
} as const;

const text = (key: keyof typeof MESSAGES, language: Language, value?: number) => MESSAGES[key][language].replace('{value}', String(value));
const path = (row: string, column?: string) => (column === undefined ? `/data/${row}` : `/data/${row}/${column}`);

/**
 * The figures a unit may store: every non-formula row × column of the template, empty cells null. Formula rows are
 * dropped (the server computes them, contract §D). Unknown rows or columns and a wrong kind of value are refused
 * with 422 REPORT_INVALID even for a draft, because they could not be shown in the table.
 */
export function normalizeReportData(document: ReportTemplateDocument, input: ReportData, language: Language): ReportData {
  const problems: ReportProblem[] = [];
  const rows = new Map(document.rows.map((r) => [r.code, r]));
  const columns = new Map(document.columns.map((c) => [c.code, c]));
  for (const [rowCode, cells] of Object.entries(input)) {
    const row = rows.get(rowCode);
    if (!row) {
      problems.push({ path: path(rowCode), message: text('unknownRow', language) });
      continue;
    }
    for (const [columnCode, value] of Object.entries(cells)) {
      const column = columns.get(columnCode);
      if (!column) problems.push({ path: path(rowCode, columnCode), message: text('unknownColumn', language) });
      else if (value !== null && !row.formula) {
        if (isNumberCell(row, column) && (typeof value !== 'number' || !Number.isFinite(value))) problems.push({ path: path(rowCode, columnCode), message: text('notNumber', language) });
        if (!isNumberCell(row, column) && typeof value !== 'string') problems.push({ path: path(rowCode, columnCode), message: text('notText', language) });
      }
    }
  }
  if (problems.length > 0) throw new AppError('REPORT_INVALID', {}, problems);
  const clean: ReportData = {};
  for (const row of document.rows) {
    if (row.formula) continue;
    clean[row.code] = {};
    for (const column of document.columns) {
      const value = input[row.code]?.[column.code];
      clean[row.code]![column.code] = typeof value === 'string' ? (value.trim() === '' ? null : value) : (value ?? null);
    }
  }
  return clean;
}

/** data with the computed formula rows laid over it. */
export function mergeComputed(data: ReportData, computed: ReportData): ReportData {
  const merged: ReportData = { ...data };
  for (const [row, cells] of Object.entries(computed)) merged[row] = { ...(merged[row] ?? {}), ...cells };
  return merged;
}

/** What stops a submission (Decree 09/2019 art. 8: figures are checked before they are sent). */
export function submissionProblems(document: ReportTemplateDocument, data: ReportData, language: Language): ReportProblem[] {
  const problems: ReportProblem[] = [];
  for (const row of document.rows) {
    if (row.formula) continue;
    for (const column of document.columns) {
      const value: ReportCell | undefined = data[row.code]?.[column.code];
      const at = path(row.code, column.code);
      if (value === null || value === undefined || value === '') {
        if (row.required) problems.push({ path: at, message: text('required', language) });
        continue;
      }
      if (typeof value !== 'number') continue;
      if (row.type === 'integer' && !Number.isInteger(value)) problems.push({ path: at, message: text('integer', language) });
      if (row.type === 'percent' && (value < 0 || value > 100)) problems.push({ path: at, message: text('percent', language) });
      if (row.min !== undefined && value < row.min) problems.push({ path: at, message: text('min', language, row.min) });
      if (row.max !== undefined && value > row.max) problems.push({ path: at, message: text('max', language, row.max) });
    }
  }
  const merged = mergeComputed(data, computeFormulas(document, data));
  for (const failure of failingRules(document, merged)) problems.push({ path: path(failure.row, failure.column), message: failure.message[language] });
  return problems;
}
