import { useQuery } from '@tanstack/react-query';
import { get, queryString } from '../api/client';
import type { ProcedureDetail } from '../api/procedures';

/** The parts of a stored procedure version the dossier pages read: the form's schema and the workflow. */
export interface ProcedureVersion extends ProcedureDetail {
  form: { schema: JsonSchema; uiSchema?: Record<string, unknown> };
  workflow: {
    steps: { code: string; name: string; role: string }[];
    transitions: { from: string; action: string; to: string }[];
  };
}

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  [key: string]: unknown;
}

export const fetchProcedureVersion = (code: string, version?: number) =>
  get<ProcedureVersion>(`/api/procedures/${encodeURIComponent(code)}${queryString({ version })}`);

/** A dossier is read against the procedure version it was filed under (its form titles, its workflow). */
export function useProcedureVersion(code: string | undefined, version?: number) {
  return useQuery({
    queryKey: ['procedure', code, version ?? 'current'],
    queryFn: () => fetchProcedureVersion(code!, version),
    enabled: !!code,
    staleTime: 5 * 60_000,
  });
}

/** Steps reachable from `stepCode` by `action` (the procedure's transitions). */
export function targetSteps(procedure: ProcedureVersion | undefined, stepCode: string | undefined, action: string) {
  if (!procedure || !stepCode) return [];
  return procedure.workflow.transitions
    .filter((transition) => transition.from === stepCode && transition.action === action)
    .map((transition) => procedure.workflow.steps.find((step) => step.code === transition.to))
    .filter((step): step is ProcedureVersion['workflow']['steps'][number] => step !== undefined);
}
