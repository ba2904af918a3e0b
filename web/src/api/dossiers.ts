import type { QueryClient } from '@tanstack/react-query';
import i18n from '../i18n/i18n';
import { ApiError, get, post, queryString, type FieldProblem } from './client';
import type { Me } from './types';

/**
 * Shapes and calls of the dossier module (contract: /work/notes/dossier-api.md; the server's TypeBox schemas under
 * src/modules/dossiers are the truth). Shared by the office (one-stop shop) and the citizen portal.
 */

/** Statuses of domain.md §4 with their national numbers (Decision 873/QĐ-BTTTT codes 1–10). */
export const DOSSIER_STATUSES = [
  'submitted',
  'received',
  'refused_intake',
  'processing',
  'supplement_requested',
  'fee_due',
  'withdrawn',
  'stopped',
  'result_ready',
  'returned',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const DOSSIER_ACTIONS = [
  'receive',
  'refuse_intake',
  'request_supplement',
  'supplement',
  'forward',
  'return',
  'approve',
  'refuse',
  'stop',
  'withdraw',
  'apologise',
  'return_result',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export type Channel = 'counter' | 'online' | 'postal';
/** `early`/`onTime`/`late` for finished dossiers and steps; open ones may be `dueSoon` or `overdue`. */
export type Timeliness = 'early' | 'onTime' | 'late' | 'dueSoon' | 'overdue';
export type ComponentSource = 'upload' | 'data_store' | 'scan';

export const DOSSIER_FORMS = ['receipt', 'supplement-request', 'refusal', 'apology', 'control-sheet'] as const;
export type DossierForm = (typeof DOSSIER_FORMS)[number];

export interface CodeName {
  code: string;
  name: string;
}

export interface DossierSummary {
  code: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  status: DossierStatus;
  statusNumber: number;
  channel: Channel;
  unit: CodeName;
  currentStep: CodeName | null;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  timeliness: Timeliness | null;
}

export interface Applicant {
  fullName: string;
  identityNumber: string;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

export interface DossierComponent {
  requirementCode: string;
  requirementName: string;
  /** Null for a document handed in on paper only. */
  fileId: string | null;
  fileName: string | null;
  mediaType: string | null;
  source: ComponentSource;
  digitised: boolean;
}

export interface HistoryEvent {
  seq: number;
  action: string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus | null;
  stepCode: string | null;
  stepName: string | null;
  actorName: string | null;
  unitName: string | null;
  at: string;
  note: string | null;
  reasons?: string[];
  items?: string[];
  stepDueAt: string | null;
  timeliness: Timeliness | null;
  /** The new appointment an apology set. */
  newDueAt?: string;
  /** Why the apology was needed (form 04). */
  reason?: string;
  files: { fileId: string; name: string }[];
}

export interface DossierRating {
  score: number;
  comment: string | null;
  at: string;
}

export interface DossierDetail extends Omit<DossierSummary, 'currentStep'> {
  procedureVersion: number;
  applicant: { fullName: string; identityNumber: string | null; phone: string | null; email: string | null; address: string | null };
  form: Record<string, unknown>;
  components: DossierComponent[];
  receivingUnit: CodeName;
  currentStep: (CodeName & { role: string; dueAt: string | null }) | null;
  originalDueAt: string | null;
  pausedAt: string | null;
  returnedAt: string | null;
  supplementRequests: number;
  outcome: 'granted' | 'refused' | null;
  resultFileId: string | null;
  rating: DossierRating | null;
  history: HistoryEvent[];
  allowedActions: DossierAction[];
  forms: DossierForm[];
  /** The system's proposed new appointment when the dossier is predicted late, else null. */
  proposedDueAt: string | null;
}

export interface DossierQuery {
  view?: 'actionable';
  status?: string;
  due?: 'soon' | 'overdue';
  unit?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface DossierList {
  items: DossierSummary[];
  total: number;
}

export interface AttachmentInput {
  requirement: string;
  fileId: string;
}

export interface FilingInput {
  procedureCode: string;
  channel: Channel;
  unitCode?: string;
  applicant?: Applicant;
  form: Record<string, unknown>;
  attachments: AttachmentInput[];
  draftId?: number;
  /** Counter filing only: the fee collected at once (payments contract), so the dossier is received as it is filed. */
  payment?: { method: 'cash' | 'bank_transfer'; reference?: string };
}

/** Body of `POST /api/dossiers/{code}/actions`: the action plus the fields it needs. */
export interface ActionInput {
  action: DossierAction;
  note?: string;
  reasons?: string[];
  items?: string[];
  toStep?: string;
  resultFileId?: string;
  reason?: string;
  newDueAt?: string;
  form?: Record<string, unknown>;
  attachments?: AttachmentInput[];
}

export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  mediaType: string;
}

export interface TrackingAnswer {
  code: string;
  procedureName: string;
  unitName: string;
  status: DossierStatus;
  statusNumber: number;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  currentStepName: string | null;
  timeline: { at: string; status: DossierStatus }[];
  verified: boolean;
  applicant?: { fullName: string; address: string | null };
  canRate: boolean;
  rating: { score: number } | null;
}

export interface DataStore {
  profile: Applicant;
  documents: {
    fileId: string;
    name: string;
    mediaType: string;
    requirementCode: string | null;
    requirementName: string | null;
    source: 'upload' | 'result';
    dossierCode: string | null;
    createdAt: string;
  }[];
  prefill: Record<string, unknown>;
}

/** A refused action (409 ACTION_NOT_ALLOWED and kin): the problem body's `allowedActions` when the server gave them. */
export class DossierActionError extends ApiError {
  constructor(
    status: number,
    code: string,
    detail: string,
    errors: FieldProblem[],
    readonly allowedActions: DossierAction[] | undefined,
  ) {
    super(status, code, detail, errors);
    this.name = 'DossierActionError';
  }
}

const path = (code: string) => `/api/dossiers/${encodeURIComponent(code)}`;

export const fetchDossiers = (query: DossierQuery) => get<DossierList>(`/api/dossiers${queryString({ ...query })}`);
export const fetchDossier = (code: string) => get<DossierDetail>(path(code));

/**
 * Shows the dossier an action answered with. A background refetch still in flight would land afterwards and put the
 * dossier as it was before the action back on screen, so it is cancelled first; worklists are refetched.
 */
export async function storeActedDossier(client: QueryClient, dossier: DossierDetail): Promise<void> {
  await client.cancelQueries({ queryKey: ['dossier', dossier.code], exact: true });
  client.setQueryData(['dossier', dossier.code], dossier);
  void client.invalidateQueries({ queryKey: ['dossiers'] });
}
export const fileDossier = (input: FilingInput) => post<DossierDetail>('/api/dossiers', input);
export const fetchTracking = (code: string, identityNumber?: string) =>
  get<TrackingAnswer>(`/api/tracking/${encodeURIComponent(code)}${queryString({ identityNumber })}`);
export const rateDossier = (code: string, input: { score: number; comment?: string }) =>
  post<DossierRating>(`${path(code)}/rating`, input);
export const fetchDataStore = (procedure: string) => get<DataStore>(`/api/me/data-store${queryString({ procedure })}`);

export const dossierFormUrl = (code: string, form: DossierForm) => `${path(code)}/forms/${form}`;
export const fileUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;
export const registerUrl = (query: { unit: string; from: string; to: string }) => `/api/dossiers/register${queryString(query)}`;

/** A fresh key per user intent: a retried click with the same key replays instead of acting twice. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

// The shared client sends no custom headers, so the idempotent calls below do their own fetch with the CSRF token
// of the current session (read from /api/auth/me when not yet known, re-read once when the server says it is stale).
let csrfToken: string | null = null;

async function currentCsrfToken(refresh: boolean): Promise<string | null> {
  if (csrfToken && !refresh) return csrfToken;
  const me = await get<Me>('/api/auth/me');
  csrfToken = me.csrfToken;
  return csrfToken;
}

export async function sendIdempotent<T>(url: string, body: unknown, idempotencyKey: string): Promise<T> {
  const attempt = async (refresh: boolean) => {
    const token = await currentCsrfToken(refresh);
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-language': i18n.language || 'vi',
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
    };
    if (token) headers['x-csrf-token'] = token;
    try {
      return await fetch(url, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
    }
  };
  let response = await attempt(false);
  if (response.status === 403) {
    const problem = (await response.clone().json().catch(() => ({}))) as { code?: string };
    if (problem.code === 'CSRF_INVALID') response = await attempt(true);
  }
  if (!response.ok) throw await toDossierError(response);
  return (await response.json()) as T;
}

async function toDossierError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return new ApiError(response.status, 'HTTP_' + response.status, i18n.t('errors.network'));
  const body = (await response.json().catch(() => ({}))) as Partial<{
    code: string;
    detail: string;
    errors: FieldProblem[];
    allowedActions: DossierAction[];
  }>;
  return new DossierActionError(
    response.status,
    body.code ?? 'HTTP_' + response.status,
    body.detail ?? response.statusText,
    body.errors ?? [],
    body.allowedActions,
  );
}

/** Take an action on a dossier; answers the dossier's new state. Pass the same key when retrying one intent. */
export const actOnDossier = (code: string, input: ActionInput, idempotencyKey: string) =>
  sendIdempotent<DossierDetail>(`${path(code)}/actions`, input, idempotencyKey);

/** File a dossier (online by the citizen, at the counter by a one-stop officer) under one intent's key. */
export const fileDossierOnce = (input: FilingInput, idempotencyKey: string) =>
  sendIdempotent<DossierDetail>('/api/dossiers', input, idempotencyKey);

/** Upload one scanned or attached document (PDF/JPEG/PNG); 413 too big, 415 wrong type. */
export async function uploadFile(file: File): Promise<UploadedFile> {
  const token = await currentCsrfToken(false);
  const data = new FormData();
  data.append('file', file);
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language || 'vi' };
  if (token) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch('/api/files', { method: 'POST', headers, credentials: 'same-origin', body: data });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (!response.ok) throw await toDossierError(response);
  return (await response.json()) as UploadedFile;
}
