import type { Duration, ProcedureDocument, ProcedureFee, ProcedureRequirement, WorkflowStep, WorkflowTransition } from '../api/procedures';

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
  fees: ProcedureFee[];
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
    requirements: [],
    result: { type: 'paper', name: '' },
    legalBasis: [],
    workflow: { steps: [], transitions: [] },
    formSchemaText: pretty({ type: 'object', required: [], properties: {} }),
    formUiSchemaText: '',
  };
}

export function toEditorValues(document: ProcedureDocument): EditorValues {
  const { form, status: _status, ...rest } = document;
  return { ...rest, formSchemaText: pretty(form.schema), formUiSchemaText: form.uiSchema ? pretty(form.uiSchema) : '' };
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
  const { formSchemaText, formUiSchemaText, requirements, workflow, ...rest } = values;
  const uiSchema = blankToUndefined(formUiSchemaText) ? parseJsonObject(formUiSchemaText).value : undefined;
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
    fees: rest.fees ?? [],
    legalBasis: rest.legalBasis ?? [],
    competentUnitCodes: rest.competentUnitCodes ?? [],
    form: { schema: parseJsonObject(formSchemaText).value ?? {}, ...(uiSchema ? { uiSchema } : {}) },
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
  return parts;
}

const HOURS_PER_WORKING_DAY = 8;

/** Hours of a budget or processing time, as the server counts them (validate-procedure.ts: 8 hours a day). */
export function hoursOf(duration: Partial<Duration> | undefined): number {
  const amount = Number(duration?.amount) || 0;
  return duration?.unit === 'working_days' ? amount * HOURS_PER_WORKING_DAY : amount;
}
