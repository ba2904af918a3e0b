import type { ErrorSchema } from '@rjsf/utils';
import type { FieldProblem } from '../api/client';

/** `/form/diaChi/soNha` problems → @rjsf's error schema `{ diaChi: { soNha: { __errors: [...] } } }`. */
export function formErrorsOf(problems: FieldProblem[]): ErrorSchema | undefined {
  const root: Record<string, unknown> = {};
  let any = false;
  for (const problem of problems) {
    if (!problem.path.startsWith('/form/')) continue;
    const parts = problem.path.slice('/form/'.length).split('/').filter(Boolean);
    let node = root;
    for (const part of parts) node = (node[part] ??= {}) as Record<string, unknown>;
    node.__errors = [...((node.__errors as string[] | undefined) ?? []), problem.message];
    any = true;
  }
  return any ? (root as ErrorSchema) : undefined;
}
