import { get, post, put, queryString } from './client';

/** Shapes of src/modules/procedures/procedures.schema.ts (the server's TypeBox schemas are the truth). */
export type ProcedureLevel = 'province' | 'commune';
export type OnlineLevel = 'toan_trinh' | 'mot_phan' | 'none';
export const PROCEDURE_LEVELS: ProcedureLevel[] = ['province', 'commune'];
/** The portal filters on the two online levels of Decree 42/2022; "none" is not an online service. */
export const ONLINE_LEVELS: OnlineLevel[] = ['toan_trinh', 'mot_phan'];

export interface Duration {
  amount: number;
  unit: 'working_days' | 'working_hours';
}

export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  onlineLevel: OnlineLevel;
  status: string;
  version: number;
  processingTime: Duration;
  totalFeeVnd: number;
}

export interface ProcedureList {
  items: ProcedureSummary[];
  total: number;
}

export interface ProcedureFee {
  code: string;
  name: string;
  /** The amount, or the price of one unit when `quantityField` names the form field that counts the units. */
  amountVnd: number;
  quantityField?: string;
  maximumVnd?: number;
}

export type FeeChannel = 'online' | 'counter';
export const FEE_CHANNELS: FeeChannel[] = ['online', 'counter'];

/** Miễn, giảm phí: applies to every fee line when its conditions hold (100 % = exemption); the largest wins. */
export interface FeeReduction {
  code: string;
  name: string;
  percent: number;
  when: { channel?: FeeChannel; field?: string; equals?: string | number | boolean };
}

export interface ProcedureRequirement {
  code: string;
  name: string;
  originals: number;
  copies: number;
  mandatory: boolean;
  templateFileUrl?: string;
  fromDataStore: boolean;
}

export interface ProcedureDetail {
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  competentUnitCodes: string[];
  /** The same units with their current names (null when no unit carries the code). */
  competentUnits: { code: string; name: string | null }[];
  onlineLevel: OnlineLevel;
  processingTime: Duration;
  fees: ProcedureFee[];
  /** Absent only from a server older than fee reductions; read as none. */
  feeReductions?: FeeReduction[];
  requirements: ProcedureRequirement[];
  /** The application form (tờ khai); its field titles name fee quantities and reduction conditions. */
  form?: { schema: Record<string, unknown>; uiSchema?: Record<string, unknown> };
  result: { type: 'paper' | 'electronic' | 'both'; name: string };
  legalBasis: string[];
  status?: string;
  version: number;
  versionCreatedAt: string;
}

export interface ProcedureQuery {
  q?: string;
  field?: string;
  level?: ProcedureLevel;
  onlineLevel?: OnlineLevel;
  page?: number;
  pageSize?: number;
}

export const fetchProcedures = (query: ProcedureQuery) => get<ProcedureList>(`/api/procedures${queryString({ ...query })}`);
export const fetchProcedure = (code: string) => get<ProcedureDetail>(`/api/procedures/${encodeURIComponent(code)}`);

/* ---- Catalogue administration (permission procedure.manage) ---- */

export type WorkflowAction = 'forward' | 'return' | 'approve' | 'refuse' | 'request_supplement';
export const WORKFLOW_ACTIONS: WorkflowAction[] = ['forward', 'return', 'approve', 'refuse', 'request_supplement'];
export const ALL_ONLINE_LEVELS: OnlineLevel[] = ['toan_trinh', 'mot_phan', 'none'];
export const RESULT_TYPES = ['paper', 'electronic', 'both'] as const;
export const TIME_UNITS: Duration['unit'][] = ['working_days', 'working_hours'];

export interface WorkflowStep {
  code: string;
  name: string;
  role: string;
  unitCode?: string;
  budget: Duration;
}

export interface WorkflowTransition {
  from: string;
  action: WorkflowAction;
  to: string;
}

/** The body of POST/PUT /api/procedures: ProcedureDocument of procedures.schema.ts, nothing more. */
export interface ProcedureDocument {
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  competentUnitCodes: string[];
  onlineLevel: OnlineLevel;
  processingTime: Duration;
  fees: ProcedureFee[];
  feeReductions?: FeeReduction[];
  requirements: ProcedureRequirement[];
  form: { schema: Record<string, unknown>; uiSchema?: Record<string, unknown> };
  result: { type: (typeof RESULT_TYPES)[number]; name: string };
  legalBasis: string[];
  workflow: { steps: WorkflowStep[]; transitions: WorkflowTransition[] };
  status?: 'active' | 'retired';
}

/** GET /api/procedures/{code}: the document plus read-only extras the server refuses on PUT. */
export interface ProcedureVersion extends ProcedureDocument {
  version: number;
  currentVersion: number;
  versionCreatedAt: string;
  competentUnits: { code: string; name: string | null }[];
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
}

export interface CatalogueExport {
  exportedAt: string;
  procedures: ProcedureDocument[];
}

/** The document alone: PUT bodies are `additionalProperties: false`, so the version extras must go. */
export function documentOf(version: ProcedureVersion): ProcedureDocument {
  const { version: _v, currentVersion: _c, versionCreatedAt: _t, competentUnits: _u, ...document } = version;
  return document;
}

const procedurePath = (code: string) => `/api/procedures/${encodeURIComponent(code)}`;
export const fetchProcedureVersion = (code: string) => get<ProcedureVersion>(procedurePath(code));
export const createProcedure = (document: ProcedureDocument) => post<ProcedureVersion>('/api/procedures', document);
export const updateProcedure = (code: string, document: ProcedureDocument) => put<ProcedureVersion>(procedurePath(code), document);
export const retireProcedure = (code: string) => post<ProcedureVersion>(`${procedurePath(code)}/retire`);
export const exportCatalogue = () => get<CatalogueExport>('/api/procedures/export');
export const importCatalogue = (procedures: unknown[]) => post<ImportReport>('/api/procedures/import', { procedures });
/** Permission code of src/platform/auth/roles.ts for the catalogue editor (the admin role holds it). */
export const PROCEDURE_MANAGE = 'procedure.manage';
