import type { ErrorSchema } from '@rjsf/utils';
import { ApiError, type FieldProblem } from '../api/client';
import { namePathOf } from '../components/form-problems';

/** The field problems of a failed filing, sorted by where the page shows them. */
export interface FilingProblems {
  /** `/form/<field>…` → under that field of the application form (rjsf `extraErrors`). */
  form: ErrorSchema | undefined;
  /** `/attachments…` naming a requirement code → beside that document; otherwise above the documents. */
  attachments: { general: string[]; byRequirement: Record<string, string[]> };
  /** `/unitCode` → under the unit select. */
  unit: string[];
  /** Anything else, shown in the alert with the problem's detail. */
  other: FieldProblem[];
}

export const NO_PROBLEMS: FilingProblems = { form: undefined, attachments: { general: [], byRequirement: {} }, unit: [], other: [] };

function addFormError(schema: Record<string, unknown>, path: (string | number)[], message: string): void {
  let node = schema;
  for (const part of path) {
    const key = String(part);
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  const errors = (node.__errors as string[] | undefined) ?? [];
  node.__errors = [...errors, message];
}

/**
 * Sorts a 400's `errors[]` (JSON Pointers such as `/form/hoTen`, `/attachments`, `/attachments/0/fileId`) so each
 * message lands next to what the citizen must fix. `requirementOf` maps an attachment index to its requirement.
 */
export function filingProblemsOf(
  error: unknown,
  requirements: { code: string; name: string }[],
  requirementOf: (index: number) => string | undefined,
): FilingProblems {
  if (!(error instanceof ApiError) || error.errors.length === 0) return NO_PROBLEMS;
  const form: Record<string, unknown> = {};
  let hasForm = false;
  const result: FilingProblems = { form: undefined, attachments: { general: [], byRequirement: {} }, unit: [], other: [] };
  for (const problem of error.errors) {
    const [head, ...rest] = namePathOf(problem.path);
    if (head === 'form') {
      // A problem of the whole form (e.g. a missing required field is reported on its parent) goes to the root.
      addFormError(form, rest, problem.message);
      hasForm = true;
    } else if (head === 'attachments') {
      const first = rest[0];
      // `/attachments` alone names the missing document in its message ("Thiếu thành phần hồ sơ bắt buộc: <name>").
      const requirement =
        typeof first === 'number'
          ? requirementOf(first)
          : requirements.find((candidate) => candidate.code === first || (first === undefined && problem.message.includes(candidate.name)))?.code;
      if (requirement) (result.attachments.byRequirement[requirement] ??= []).push(problem.message);
      else result.attachments.general.push(problem.message);
    } else if (head === 'unitCode') {
      result.unit.push(problem.message);
    } else {
      result.other.push(problem);
    }
  }
  result.form = hasForm ? (form as ErrorSchema) : undefined;
  return result;
}

/** Once the citizen edits a field, the server's old complaint about it no longer applies: drop it. */
export function withoutChangedFields(problems: FilingProblems, before: Record<string, unknown>, after: Record<string, unknown>): FilingProblems {
  if (!problems.form) return problems;
  const form = { ...(problems.form as Record<string, unknown>) };
  let changed = false;
  for (const key of Object.keys(form)) {
    if (key !== '__errors' && JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      delete form[key];
      changed = true;
    }
  }
  if (!changed) return problems;
  const remaining = Object.keys(form).length > 0 ? (form as ErrorSchema) : undefined;
  return { ...problems, form: remaining };
}

/** A document chosen for a requirement answers the server's complaint about that requirement. */
export function withoutRequirement(problems: FilingProblems, requirement: string): FilingProblems {
  if (!problems.attachments.byRequirement[requirement]) return problems;
  const { [requirement]: _answered, ...byRequirement } = problems.attachments.byRequirement;
  return { ...problems, attachments: { ...problems.attachments, byRequirement } };
}
