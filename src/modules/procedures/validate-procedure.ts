import type { FieldError } from '../../platform/errors/app-error.js';
import { AppError } from '../../platform/errors/app-error.js';
import { toFieldErrors } from '../../platform/errors/validation-messages.js';
import { fill, type Language } from '../../platform/i18n/language.js';
import { createFormAjv } from './form-ajv.js';
import { TimeUnit, type Duration, type ProcedureDocument } from './procedures.schema.js';

// One working day is 8 office hours (Decree 04/2019/NĐ-CP on working hours: 40 hours over 5 days).
const HOURS_PER_WORKING_DAY = 8;

export function durationInHours(duration: Duration): number {
  return duration.unit === TimeUnit.WorkingDays ? duration.amount * HOURS_PER_WORKING_DAY : duration.amount;
}

const MESSAGES = {
  formRoot: { vi: 'Tờ khai phải là một đối tượng (type: "object").', en: 'The form schema must describe an object (type: "object").' },
  formCompile: { vi: 'JSON Schema của tờ khai không dùng được: {reason}', en: 'The form JSON Schema cannot be used: {reason}' },
  duplicateStep: { vi: 'Mã bước {code} bị trùng.', en: 'The step code {code} is used twice.' },
  unknownStep: { vi: 'Không có bước {code} trong quy trình.', en: 'There is no step {code} in the workflow.' },
  budget: {
    vi: 'Tổng thời gian các bước ({steps} giờ làm việc) vượt quá thời hạn giải quyết ({total} giờ làm việc).',
    en: 'The steps take {steps} working hours, more than the processing time of {total} working hours.',
  },
  duplicateItem: { vi: 'Mã {code} bị trùng.', en: 'The code {code} is used twice.' },
  unknownField: { vi: 'Tờ khai không có trường {field}.', en: 'The form has no field {field}.' },
  notQuantity: {
    vi: 'Trường {field} của tờ khai không phải kiểu số nên không dùng làm số lượng được.',
    en: 'The form field {field} is not a number, so it cannot be the quantity.',
  },
} as const;

function message(key: keyof typeof MESSAGES, language: Language, params: Record<string, string | number> = {}): string {
  return fill(MESSAGES[key][language], params);
}

const ajv = createFormAjv();

function checkFormSchema(document: ProcedureDocument, language: Language, at: string): FieldError[] {
  const schema = document.form.schema;
  if (!ajv.validateSchema(schema)) return toFieldErrors(ajv.errors ?? [], language, `${at}/form/schema`);
  if (schema.type !== 'object') return [{ path: `${at}/form/schema/type`, message: message('formRoot', language) }];
  try {
    ajv.compile(schema);
  } catch (error) {
    // e.g. an unresolvable $ref: the meta-schema accepts it, compiling does not.
    return [{ path: `${at}/form/schema`, message: message('formCompile', language, { reason: (error as Error).message }) }];
  }
  return [];
}

function checkUniqueCodes(items: { code: string }[], path: string, language: Language): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.code)) errors.push({ path: `${path}/${i}/code`, message: message('duplicateItem', language, { code: item.code }) });
    seen.add(item.code);
  });
  return errors;
}

function formPropertyOf(document: ProcedureDocument, field: string): Record<string, unknown> | undefined {
  const properties = document.form.schema.properties;
  if (!properties || typeof properties !== 'object' || !Object.hasOwn(properties, field)) return undefined;
  const property = (properties as Record<string, unknown>)[field];
  return property && typeof property === 'object' ? (property as Record<string, unknown>) : {};
}

/** A fee's quantity and a reduction's condition read the form, so the fields they name must be in it. */
function checkFeeFields(document: ProcedureDocument, language: Language, at: string): FieldError[] {
  const errors: FieldError[] = [];
  document.fees.forEach((fee, i) => {
    if (fee.quantityField === undefined) return;
    const property = formPropertyOf(document, fee.quantityField);
    const path = `${at}/fees/${i}/quantityField`;
    if (!property) errors.push({ path, message: message('unknownField', language, { field: fee.quantityField }) });
    else if (property.type !== 'integer' && property.type !== 'number') errors.push({ path, message: message('notQuantity', language, { field: fee.quantityField }) });
  });
  (document.feeReductions ?? []).forEach((reduction, i) => {
    const field = reduction.when.field;
    if (field !== undefined && !formPropertyOf(document, field)) {
      errors.push({ path: `${at}/feeReductions/${i}/when/field`, message: message('unknownField', language, { field }) });
    }
  });
  return errors;
}

function checkWorkflow(document: ProcedureDocument, language: Language, at: string): FieldError[] {
  const { steps, transitions } = document.workflow;
  const errors: FieldError[] = [];
  const codes = new Set<string>();
  steps.forEach((step, i) => {
    if (codes.has(step.code)) errors.push({ path: `${at}/workflow/steps/${i}/code`, message: message('duplicateStep', language, { code: step.code }) });
    codes.add(step.code);
  });
  transitions.forEach((transition, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!codes.has(transition[end])) {
        errors.push({ path: `${at}/workflow/transitions/${i}/${end}`, message: message('unknownStep', language, { code: transition[end] }) });
      }
    }
  });
  // The steps' budgets are shares of the legal processing time; together they must fit inside it.
  // Rounded to hundredths of an hour: budgets such as 5.6 + 33.6 must not fail on binary fractions.
  const stepHours = Math.round(steps.reduce((sum, step) => sum + durationInHours(step.budget), 0) * 100) / 100;
  const totalHours = durationInHours(document.processingTime);
  if (stepHours > totalHours) {
    errors.push({ path: `${at}/workflow/steps`, message: message('budget', language, { steps: stepHours, total: totalHours }) });
  }
  return errors;
}

/** Field errors of a procedure document beyond its shape (which the TypeBox schema checks); `at` prefixes paths. */
export function procedureErrors(document: ProcedureDocument, language: Language, at = ''): FieldError[] {
  return [
    ...checkFormSchema(document, language, at),
    ...checkUniqueCodes(document.requirements, `${at}/requirements`, language),
    ...checkUniqueCodes(document.fees, `${at}/fees`, language),
    ...checkUniqueCodes(document.feeReductions ?? [], `${at}/feeReductions`, language),
    ...checkFeeFields(document, language, at),
    ...checkWorkflow(document, language, at),
  ];
}

export function assertValidProcedure(document: ProcedureDocument, language: Language, at = ''): void {
  const errors = procedureErrors(document, language, at);
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
}
