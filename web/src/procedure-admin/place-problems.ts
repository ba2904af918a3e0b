import type { FormInstance } from 'antd';
import type { FieldProblem } from '../api/client';
import { editorNamePath } from './editor-values';

export interface PlacedProblems {
  /** Field name paths that now show a message, in the order of the problem's `errors[]`. */
  placed: (string | number)[][];
  /** Problems no field stands for (e.g. the step budgets' sum at `/workflow/steps`). */
  unplaced: FieldProblem[];
}

const keyOf = (name: (string | number)[]) => name.join('\u0000');

/**
 * Shows each server field error under the field its JSON Pointer names. A pointer deeper than any field
 * (`/competentUnitCodes/1`, `/form/schema/properties/x`) goes to the nearest enclosing field.
 */
export function placeProblems(form: FormInstance, problems: FieldProblem[]): PlacedProblems {
  const registered = new Map(form.getFieldsError().map((field) => [keyOf(field.name), field.name as (string | number)[]]));
  const messages = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: FieldProblem[] = [];
  for (const problem of problems) {
    const path = editorNamePath(problem.path);
    let name: (string | number)[] | undefined;
    for (let length = path.length; length > 0 && !name; length--) name = registered.get(keyOf(path.slice(0, length)));
    if (!name) {
      unplaced.push(problem);
      continue;
    }
    const entry = messages.get(keyOf(name)) ?? { name, errors: [] };
    entry.errors.push(problem.message);
    messages.set(keyOf(name), entry);
  }
  form.setFields([...messages.values()]);
  return { placed: [...messages.values()].map((entry) => entry.name), unplaced };
}
