import { get, post, put, queryString } from './client';

/** Periodic reports under Decree 09/2019 (contract section D; the server's src/modules/reports/reports.schema.ts is the truth). */
export const ReportPermission = {
  View: 'report.view',
  Manage: 'report.manage',
  Submit: 'report.submit',
} as const;

export const REPORT_REGIMES = ['monthly', 'quarterly', 'half_yearly', 'yearly', 'thematic', 'ad_hoc'] as const;
export type ReportRegime = (typeof REPORT_REGIMES)[number];

export const ROW_TYPES = ['integer', 'number', 'percent', 'text'] as const;
export type RowType = (typeof ROW_TYPES)[number];

export const AGGREGATES = ['sum', 'average', 'min', 'max', 'formula', 'none'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export type AssignmentStatus = 'pending' | 'draft' | 'submitted' | 'returned' | 'accepted';

export interface ReportColumn {
  code: string;
  name: string;
  type?: 'number' | 'text';
}

export interface ReportRow {
  code: string;
  name: string;
  unit?: string;
  type: RowType;
  required?: boolean;
  min?: number;
  max?: number;
  formula?: string;
  source?: string;
  aggregate?: Aggregate;
}

export interface ReportRule {
  expression: string;
  message: { vi: string; en: string };
}

export interface ReportTemplateDocument {
  columns: ReportColumn[];
  rows: ReportRow[];
  rules?: ReportRule[];
}

/** A report's figures: `{ r1: { c1: 12 } }`; a cell not filled is absent or null. */
export type ReportData = Record<string, Record<string, number | string | null>>;

export interface ReportSource {
  code: string;
  name: { vi: string; en: string };
  unit: string;
  type: RowType;
}

export interface TemplateSummary {
  id: number;
  code: string;
  name: string;
  regime: ReportRegime;
  status: 'active' | 'retired';
  version: number;
  ownerUnit: UnitBrief;
  updatedAt: string;
}

export interface TemplateDetail extends TemplateSummary {
  document: ReportTemplateDocument;
  versions: { version: number; createdAt: string; createdBy: string | null }[];
}

export interface TemplateInput {
  code: string;
  name: string;
  regime: ReportRegime;
  document: ReportTemplateDocument;
}

export interface UnitBrief {
  id: number;
  code: string;
  name: string;
}

export interface RoundSummary {
  id: number;
  template: { id: number; code: string; name: string; version: number };
  regime: ReportRegime;
  assignerUnit: UnitBrief;
  periodLabel: string;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
  status: 'open' | 'closed' | string;
  createdAt: string;
  /** Assignments by status, e.g. { pending: 1, accepted: 1 }. */
  counts: Partial<Record<AssignmentStatus, number>>;
  total: number;
}

/** The round as an assignment names it. */
export interface RoundRef {
  id: number;
  periodLabel: string;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
  assignerUnit?: UnitBrief;
}

export interface RoundAssignment {
  id: number;
  unit: UnitBrief;
  status: AssignmentStatus;
  currentVersion: number;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
}

export interface RoundDetail {
  round: RoundSummary;
  template: { id: number; code: string; name: string; version: number; document: ReportTemplateDocument };
  assignments: RoundAssignment[];
}

export interface RoundInput {
  templateId: number;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
  unitIds: number[];
  periodLabel?: string;
}

export interface AggregateTable {
  unit: UnitBrief;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** Aggregated figures; text rows and rows with aggregate 'none' are null. */
  values: ReportData;
  includedUnits: UnitBrief[];
  pendingUnits: (UnitBrief & { status: AssignmentStatus })[];
}

export interface AssignmentSummary {
  id: number;
  status: AssignmentStatus;
  unit: UnitBrief;
  round: RoundRef;
  template: { id: number; code: string; name: string; version: number };
  currentVersion: number;
  submittedAt: string | null;
  updatedAt: string;
}

export interface ReportProblem {
  path: string;
  message: string;
}

export interface AssignmentDetail {
  id: number;
  status: AssignmentStatus;
  unit: UnitBrief;
  round: RoundRef;
  template: { id: number; code: string; name: string; version: number; document: ReportTemplateDocument };
  currentVersion: number;
  /** The latest version's figures, or the autofill when nothing is saved yet. */
  data: ReportData;
  /** Formula rows computed by the server from `data`. */
  computed: ReportData;
  /** What would stop a submission now. */
  problems: ReportProblem[];
  autofilled: ReportData;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  /** What the caller may do now. */
  canEdit: boolean;
  canReview: boolean;
  versions: { version: number; kind: string; createdAt: string; createdBy: string | null }[];
  events: { action: string; actorName: string | null; at: string; note: string | null }[];
}

export interface AssignmentVersion {
  version: number;
  kind: string;
  data: ReportData;
  computed: ReportData;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

const list = <T>(answer: { items: T[] }): T[] => answer.items;

export const fetchReportSources = () => get<{ items: ReportSource[] }>('/api/reports/sources').then(list);
export const fetchTemplates = (query: { q?: string; status?: string } = {}) =>
  get<{ items: TemplateSummary[] }>(`/api/reports/templates${queryString(query)}`).then(list);
export const fetchTemplate = (id: number) => get<TemplateDetail>(`/api/reports/templates/${id}`);
export const createTemplate = (input: TemplateInput) => post<TemplateDetail>('/api/reports/templates', input);
export const updateTemplate = (id: number, input: Omit<TemplateInput, 'code'> & { expectedVersion: number }) =>
  put<TemplateDetail>(`/api/reports/templates/${id}`, input);
export const retireTemplate = (id: number) => post<TemplateDetail>(`/api/reports/templates/${id}/retire`);

export const fetchRounds = (query: { status?: string } = {}) =>
  get<{ items: RoundSummary[] }>(`/api/reports/rounds${queryString(query)}`).then(list);
export const fetchRound = (id: number) => get<RoundDetail>(`/api/reports/rounds/${id}`);
export const createRound = (input: RoundInput) => post<RoundDetail>('/api/reports/rounds', input);
export const fetchAggregate = (id: number, unit?: number) => get<AggregateTable>(`/api/reports/rounds/${id}/aggregate${queryString({ unit })}`);
export const aggregateFileUrl = (id: number, format: 'xlsx' | 'pdf', unit?: number) =>
  `/api/reports/rounds/${id}/aggregate.${format}${queryString({ unit })}`;

export const fetchAssignments = (query: { status?: string } = {}) =>
  get<{ items: AssignmentSummary[] }>(`/api/reports/assignments${queryString(query)}`).then(list);
export const fetchAssignment = (id: number) => get<AssignmentDetail>(`/api/reports/assignments/${id}`);
export const fetchAssignmentVersion = (id: number, version: number) =>
  get<AssignmentVersion>(`/api/reports/assignments/${id}/versions/${version}`);
export const saveAssignment = (id: number, body: { data: ReportData; expectedVersion: number; note?: string }) =>
  put<AssignmentDetail>(`/api/reports/assignments/${id}`, body);
export const submitAssignment = (id: number, body: { data: ReportData; expectedVersion: number }) =>
  post<AssignmentDetail>(`/api/reports/assignments/${id}/submit`, body);
export const reviewAssignment = (id: number, body: { decision: 'return' | 'accept'; comment?: string; expectedVersion: number }) =>
  post<AssignmentDetail>(`/api/reports/assignments/${id}/review`, body);
export const assignmentFileUrl = (id: number, format: 'xlsx' | 'pdf') => `/api/reports/assignments/${id}.${format}`;
