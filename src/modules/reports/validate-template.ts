import { Ajv } from 'ajv';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { compileFormula, FORMULA_FUNCTIONS, referencedNames } from './report-formulas.js';
import { REPORT_SOURCES, ReportTemplateDocument } from './reports.schema.js';

const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false });
const checkShape = ajv.compile<ReportTemplateDocument>(ReportTemplateDocument);

function duplicates(codes: string[], path: string, errors: FieldError[]) {
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (seen.has(code)) errors.push({ path: `${path}/${i}/code`, message: `Mã "${code}" bị trùng (duplicate code).` });
    seen.add(code);
  });
}

/** Formulas and rules compute with numbers: they may read number rows only. */
function checkExpression(expression: string, rowCodes: Set<string>, textRows: Set<string>, path: string, errors: FieldError[]) {
  try {
    compileFormula(expression);
  } catch (error) {
    errors.push({ path, message: `Công thức không hợp lệ (invalid expression): ${(error as Error).message.split('\n')[0]}` });
    return;
  }
  const { names, functions } = referencedNames(expression);
  for (const name of names) {
    if (!rowCodes.has(name)) errors.push({ path, message: `Công thức dùng mã dòng không có: ${name} (unknown row).` });
    else if (textRows.has(name)) errors.push({ path, message: `Công thức không dùng được dòng chữ: ${name} (a text row is not a number).` });
  }
  for (const fn of functions) {
    if (!FORMULA_FUNCTIONS.has(fn)) errors.push({ path, message: `Hàm không được hỗ trợ: ${fn} (unknown function).` });
  }
}

/** Formula rows reading each other in a loop could never be computed. */
function findCycle(document: ReportTemplateDocument): string | undefined {
  const formulas = new Map(document.rows.filter((r) => r.formula).map((r) => [r.code, referencedNames(r.formula!).names]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (code: string): string | undefined => {
    if (state.get(code) === 'done') return undefined;
    if (state.get(code) === 'visiting') return code;
    state.set(code, 'visiting');
    for (const next of formulas.get(code) ?? []) {
      if (formulas.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    state.set(code, 'done');
    return undefined;
  };
  for (const code of formulas.keys()) {
    const found = visit(code);
    if (found) return found;
  }
  return undefined;
}

/**
 * Checks a template document beyond its JSON shape (contract §D): unique codes, formulas and rules that compile
 * and read only existing rows, no cycle between formula rows, known sources, min ≤ max, sensible aggregation.
 * Throws 422 REPORT_TEMPLATE_INVALID with every problem's path.
 */
export function validateTemplateDocument(input: unknown): ReportTemplateDocument {
  if (!checkShape(input)) {
    const errors = (checkShape.errors ?? []).map((e) => ({ path: `/document${e.instancePath}`, message: e.message ?? 'invalid' }));
    throw new AppError('REPORT_TEMPLATE_INVALID', {}, errors);
  }
  const document = input;
  const errors: FieldError[] = [];
  duplicates(document.columns.map((c) => c.code), '/document/columns', errors);
  duplicates(document.rows.map((r) => r.code), '/document/rows', errors);
  const rowCodes = new Set(document.rows.map((r) => r.code));
  const textRows = new Set(document.rows.filter((r) => r.type === 'text').map((r) => r.code));
  const sources = new Set<string>(REPORT_SOURCES);
  document.rows.forEach((row, i) => {
    const path = `/document/rows/${i}`;
    if (row.min !== undefined && row.max !== undefined && row.min > row.max) {
      errors.push({ path: `${path}/min`, message: 'Giá trị nhỏ nhất lớn hơn giá trị lớn nhất (min > max).' });
    }
    if (row.formula) {
      if (row.type === 'text') errors.push({ path: `${path}/formula`, message: 'Dòng chữ không có công thức (a text row has no formula).' });
      checkExpression(row.formula, rowCodes, textRows, `${path}/formula`, errors);
      if (row.source) errors.push({ path: `${path}/source`, message: 'Dòng có công thức không lấy số liệu tự động (formula and source exclude each other).' });
    }
    if (row.source && !sources.has(row.source)) errors.push({ path: `${path}/source`, message: `Nguồn số liệu không có: ${row.source}.` });
    if (row.source && row.type === 'text') errors.push({ path: `${path}/source`, message: 'Dòng chữ không lấy số liệu tự động (a text row has no source).' });
    if (row.type === 'text' && row.aggregate && row.aggregate !== 'none') {
      errors.push({ path: `${path}/aggregate`, message: 'Dòng chữ không tổng hợp (text rows are not aggregated).' });
    }
    if (row.aggregate === 'formula' && !row.formula) {
      errors.push({ path: `${path}/aggregate`, message: 'Tổng hợp theo công thức cần công thức của dòng (aggregate formula needs a formula).' });
    }
  });
  (document.rules ?? []).forEach((rule, i) => checkExpression(rule.expression, rowCodes, textRows, `/document/rules/${i}/expression`, errors));
  if (errors.length === 0) {
    const cycle = findCycle(document);
    if (cycle) {
      const index = document.rows.findIndex((r) => r.code === cycle);
      errors.push({ path: `/document/rows/${index}/formula`, message: `Công thức vòng tròn qua dòng ${cycle} (circular formula).` });
    }
  }
  if (errors.length > 0) throw new AppError('REPORT_TEMPLATE_INVALID', {}, errors);
  return document;
}
