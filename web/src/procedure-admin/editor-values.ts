import type { Duration, FeeChannel, FeeReduction, ProcedureDocument, ProcedureFee, ProcedureRequirement, WorkflowStep, WorkflowTransition } from '../api/procedures';

/** A fee row as the editor holds it: cleared controls leave null behind. */
export type EditorFee = Omit<ProcedureFee, 'quantityField' | 'maximumVnd'> & { quantityField?: string | null; maximumVnd?: number | null };

/** A reduction row: the condition's value is typed as text and converted by the form field's type on saving. */
export interface EditorReduction {
  code: string;
  name: string;
  percent: number;
  channel?: FeeChannel | null;
  field?: string | null;
  equals?: string | null;
}

/**
 * What the editor's form holds: the procedure document, except that the application form's JSON Schema and
 * UI schema are edited as text (so a half-typed schema can be shown with its parse error, not lost).
 */
export interface EditorValues {
  code: string;
  name: string;
  field: string;
  level: ProcedureDocument['level'];
  competentUnitCodes: string[];
  onlineLevel: ProcedureDocument['onlineLevel'];
  processingTime: Duration;
  fees: EditorFee[];
  feeReductions: EditorReduction[];
  requirements: (Omit<ProcedureRequirement, 'templateFileUrl'> & { templateFileUrl?: string | null })[];
  result: ProcedureDocument['result'];
  legalBasis: string[];
  workflow: { steps: (Omit<WorkflowStep, 'unitCode'> & { unitCode?: string | null })[]; transitions: WorkflowTransition[] };
  formSchemaText: string;
  formUiSchemaText: string;
}

export const FORM_TAB_FIELDS = ['formSchemaText', 'formUiSchemaText'];

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** A new procedure starts with an empty form object and a one-step workflow, ready to be filled in. */
export function blankValues(): EditorValues {
  return {
    code: '',
    name: '',
    field: '',
    level: 'commune',
    competentUnitCodes: [],
    onlineLevel: 'toan_trinh',
    processingTime: { amount: 1, unit: 'working_days' },
    fees: [],
    feeReductions: [],
    requirements: [],
    result: { type: 'paper', name: '' },
    legalBasis: [],
    workflow: { steps: [], transitions: [] },
    formSchemaText: pretty({ type: 'object', required: [], properties: {} }),
    formUiSchemaText: '',
  };
}

export function toEditorValues(document: ProcedureDocument): EditorValues {
  const { form, status: _status, feeReductions, ...rest } = document;
  return {
    ...rest,
    feeReductions: (feeReductions ?? []).map(({ when, ...reduction }) => ({
      ...reduction,
      channel: when.channel,
      field: when.field,
      equals: when.equals === undefined ? undefined : String(when.equals),
    })),
    formSchemaText: pretty(form.schema),
    formUiSchemaText: form.uiSchema ? pretty(form.uiSchema) : '',
  };
}

/** The `type` of each top-level property of the application form's JSON Schema (text that may not parse yet). */
export function formFieldTypes(schema: Record<string, unknown> | undefined): Map<string, string | undefined> {
  const properties = schema?.properties;
  const types = new Map<string, string | undefined>();
  if (!properties || typeof properties !== 'object') return types;
  for (const [name, property] of Object.entries(properties as Record<string, unknown>)) {
    const type = property && typeof property === 'object' ? (property as { type?: unknown }).type : undefined;
    types.set(name, typeof type === 'string' ? type : undefined);
  }
  return types;
}

/** "true" ticks a checkbox field, "2" is a number for a number field; anything else stays text. */
function conditionValue(text: string, type: string | undefined): string | number | boolean {
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  if ((type === 'integer' || type === 'number') && text !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

function toFee({ quantityField, maximumVnd, ...fee }: EditorFee): ProcedureFee {
  return {
    ...fee,
    ...(quantityField ? { quantityField } : {}),
    ...(maximumVnd !== null && maximumVnd !== undefined ? { maximumVnd } : {}),
  };
}

function toReduction({ channel, field, equals, ...reduction }: EditorReduction, types: Map<string, string | undefined>): FeeReduction {
  const value = blankToUndefined(equals);
  return {
    ...reduction,
    when: {
      ...(channel ? { channel } : {}),
      ...(field ? { field } : {}),
      ...(field && value !== undefined ? { equals: conditionValue(value, types.get(field)) } : {}),
    },
  };
}

/** `JSON.parse` that reports the reason instead of throwing; an object is required (a schema, a UI schema). */
export function parseJsonObject(text: string): { value?: Record<string, unknown>; error?: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'notObject' };
    return { value: value as Record<string, unknown> };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const blankToUndefined = (value: string | null | undefined) => (value === null || value === undefined || value.trim() === '' ? undefined : value.trim());

/** The document to POST or PUT. The JSON texts were checked by the form's rules before this runs. */
export function toDocument(values: EditorValues, status: ProcedureDocument['status']): ProcedureDocument {
  const { formSchemaText, formUiSchemaText, requirements, workflow, fees, feeReductions, ...rest } = values;
  const uiSchema = blankToUndefined(formUiSchemaText) ? parseJsonObject(formUiSchemaText).value : undefined;
  const schema = parseJsonObject(formSchemaText).value;
  const types = formFieldTypes(schema);
  return {
    ...rest,
    requirements: (requirements ?? []).map(({ templateFileUrl, ...requirement }) => {
      const url = blankToUndefined(templateFileUrl);
      return url ? { ...requirement, templateFileUrl: url } : requirement;
    }),
    workflow: {
      steps: (workflow?.steps ?? []).map(({ unitCode, ...step }) => {
        const unit = blankToUndefined(unitCode);
        return unit ? { ...step, unitCode: unit } : step;
      }),
      transitions: workflow?.transitions ?? [],
    },
    fees: (fees ?? []).map(toFee),
    feeReductions: (feeReductions ?? []).map((reduction) => toReduction(reduction, types)),
    legalBasis: rest.legalBasis ?? [],
    competentUnitCodes: rest.competentUnitCodes ?? [],
    form: { schema: schema ?? {}, ...(uiSchema ? { uiSchema } : {}) },
    ...(status ? { status } : {}),
  };
}

/** `/workflow/transitions/2/to` → ['workflow', 'transitions', 2, 'to']; the form's JSON lives in two text fields. */
export function editorNamePath(pointer: string): (string | number)[] {
  const parts = pointer
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  if (parts[0] === 'form') return [parts[1] === 'uiSchema' ? 'formUiSchemaText' : 'formSchemaText'];
  // A reduction's condition is edited flat in its row: /feeReductions/0/when/field → feeReductions, 0, field.
  if (parts[0] === 'feeReductions' && parts[2] === 'when') return [parts[0], parts[1]!, ...parts.slice(3)];
  return parts;
}

const HOURS_PER_WORKING_DAY = 8;

/** Hours of a budget or processing time, as the server counts them (validate-procedure.ts: 8 hours a day). */
export function hoursOf(duration: Partial<Duration> | undefined): number {
  const amount = Number(duration?.amount) || 0;
  return duration?.unit === 'working_days' ? amount * HOURS_PER_WORKING_DAY : amount;
}
