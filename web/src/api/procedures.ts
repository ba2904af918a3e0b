import { get, queryString } from './client';

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
  amountVnd: number;
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
  requirements: ProcedureRequirement[];
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
