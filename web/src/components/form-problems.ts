import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** `/roles/0/unitId` → ['roles', 0, 'unitId'] (JSON Pointer of the problem body → Ant Design name path). */
export function namePathOf(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Shows each `errors[]` entry next to its field. Returns the error still worth showing above the form:
 * the problem itself when no field took it (e.g. USERNAME_TAKEN without a path), otherwise null.
 */
export function showProblemOnForm(form: FormInstance, error: unknown): unknown {
  if (!(error instanceof ApiError) || error.errors.length === 0) return error;
  const known = new Set(form.getFieldsError().map((field) => String(field.name[0])));
  const byField = new Map<string, { name: (string | number)[]; messages: string[] }>();
  let unplaced = false;
  for (const problem of error.errors) {
    const name = namePathOf(problem.path);
    if (name.length === 0 || !known.has(String(name[0]))) {
      unplaced = true;
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, messages: [] };
    entry.messages.push(problem.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map(({ name, messages }) => ({ name, errors: messages })));
  return unplaced || byField.size === 0 ? error : null;
}
