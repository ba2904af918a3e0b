import i18n from '../i18n/i18n';
import { ApiError, get, queryString, type FieldProblem } from './client';
import type { SignatureReport } from './signing';
import type { Me } from './types';

/**
 * Shapes and calls of the documents module (contract: /work/notes/documents-api.md; the server's TypeBox schemas
 * under src/modules/documents are the truth). Văn bản đến (incoming) and văn bản đi (outgoing/internal).
 */

export const DocumentPermission = {
  Read: 'document.read',
  Register: 'document.register',
  Assign: 'document.assign',
  Draft: 'document.draft',
  Sign: 'document.sign',
} as const;

export type Direction = 'incoming' | 'outgoing' | 'internal';
export type Urgency = 'normal' | 'khan' | 'thuong_khan' | 'hoa_toc';
export type Confidentiality = 'normal' | 'mat' | 'toi_mat' | 'tuyet_mat';

export const DOCUMENT_VIEWS = [
  'incoming',
  'to_register',
  'to_assign',
  'my_work',
  'due_soon',
  'overdue',
  'my_drafts',
  'to_review',
  'to_check',
  'to_sign',
  'to_issue',
  'outgoing',
] as const;
export type DocumentView = (typeof DOCUMENT_VIEWS)[number] | 'all';

export const DOCUMENT_ACTIONS = [
  'register',
  'assign',
  'complete',
  'file',
  'confirm_destroyed',
  'add_version',
  'submit',
  'review',
  'format_check',
  'sign',
  'return',
  'issue',
  'recall',
  'comment',
  'grant_access',
] as const;
export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number];

export interface DocumentSummary {
  id: number;
  uid: string;
  direction: Direction;
  status: string;
  statusLabel: string;
  unitId: number;
  unitName: string;
  numberNotation: string | null;
  arrivalNumber: number | null;
  typeCode: string;
  typeName: string;
  subject: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  organName: string | null;
  issuedDate: string | null;
  arrivalDate: string | null;
  dueDate: string | null;
  myDeadline: string | null;
  leadName: string | null;
  updatedAt: string;
  snippet?: string | null;
}

export interface FileRef {
  id: string;
  name: string;
  size: number;
  mediaType: string;
  url: string;
}

export interface DocumentVersion {
  versionNo: number;
  file: FileRef;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface DocumentComment {
  id: number;
  author: string;
  body: string;
  versionNo: number | null;
  createdAt: string;
}

export interface DocumentReview {
  id: number;
  reviewer: string;
  kind: string;
  status: string;
  versionNo: number | null;
  comment: string | null;
  decidedAt: string | null;
}

export interface DocumentAssignment {
  id: number;
  userId: number;
  userName: string;
  role: 'lead' | 'coordinator' | string;
  deadline: string | null;
  instructions: string | null;
  status: string;
  doneAt: string | null;
  note: string | null;
}

export interface DocumentRecipient {
  id: number;
  organId: string | null;
  name: string;
  channel: string;
  status: string;
  statusAt: string | null;
}

export interface DocumentSignatureRow {
  kind: string;
  signerName: string;
  organisation: string | null;
  signedAt: string;
}

export interface DocumentEvent {
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorName: string | null;
  at: string;
  details: Record<string, unknown> | null;
}

export interface DocumentLink {
  id: number;
  subject: string;
  numberNotation: string | null;
}

/** Appendix VI of Decree 30/2020: the metadata of an electronic document, keys as the decree names them. */
export interface DocumentMetadata {
  OrganId?: string | null;
  OrganName?: string | null;
  FileCatalog?: string | number | null;
  FileNotation?: string | null;
  DocOrdinal?: number | null;
  TypeName?: string | null;
  CodeNumber?: string | null;
  CodeNotation?: string | null;
  IssuedDate?: string | null;
  Subject?: string | null;
  Language?: string | null;
  PageAmount?: number | null;
  SignerInfo?: { FullName?: string | null; Position?: string | null } | null;
  To?: string[] | null;
  Priority?: string | number | null;
  IssuedAmount?: number | null;
  DueDate?: string | null;
  ArrivalDate?: string | null;
  ArrivalNumber?: number | string | null;
  ToPlaces?: string[] | null;
  TraceHeaderList?: unknown[] | null;
  [key: string]: unknown;
}

export interface DocumentDetail extends DocumentSummary {
  metadata: DocumentMetadata;
  mainFile: FileRef | null;
  attachments: FileRef[];
  versions: DocumentVersion[];
  comments: DocumentComment[];
  reviews: DocumentReview[];
  assignments: DocumentAssignment[];
  recipients: DocumentRecipient[];
  signatures: DocumentSignatureRow[];
  events: DocumentEvent[];
  inReplyTo: DocumentLink | null;
  replies: DocumentLink[];
  signerUserId: number | null;
  signerName: string | null;
  allowedActions: DocumentAction[];
  version: number;
}

export interface VocabularyEntry {
  code: string;
  label: string;
}

export interface DocumentVocabulary {
  types: { code: string; name: string; abbreviation: string }[];
  urgencies: VocabularyEntry[];
  confidentialities: VocabularyEntry[];
}

export interface DocumentQuery {
  view: DocumentView;
  q?: string;
  unitId?: number;
  typeCode?: string;
  urgency?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface IncomingInput {
  unitId: number;
  typeCode: string;
  subject: string;
  codeNumber: string;
  codeNotation: string;
  organName: string;
  organId?: string;
  issuedDate: string;
  signerName?: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  pageAmount?: number;
  dueDate?: string;
  mainFileId: string;
  attachmentFileIds?: string[];
  confirmDuplicate?: boolean;
}

export type RecipientInput = { unitId: number } | { organId: string; name: string };

export interface OutgoingInput {
  unitId: number;
  internal?: boolean;
  typeCode: string;
  subject: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  signerUserId: number;
  recipients: RecipientInput[];
  inReplyToId?: number;
  dueDate?: string;
  body?: string;
  fileId?: string;
  note?: string;
}

export type ActionInput = { action: DocumentAction; version: number } & Record<string, unknown>;

export interface DuplicateEntry {
  id: number;
  arrivalNumber: number | null;
  arrivalDate: string | null;
}

/** A refused document call, with the extra members of its problem body (`allowed`, `duplicates`). */
export class DocumentProblem extends ApiError {
  constructor(
    status: number,
    code: string,
    detail: string,
    errors: FieldProblem[],
    readonly allowed: DocumentAction[] | undefined,
    readonly duplicates: DuplicateEntry[] | undefined,
  ) {
    super(status, code, detail, errors);
  }
}

export const fetchVocabulary = () => get<DocumentVocabulary>('/api/documents/vocabulary');
export const fetchDocuments = (query: DocumentQuery) => get<{ items: DocumentSummary[]; total: number }>(`/api/documents${queryString({ ...query })}`);
export const searchDocuments = (query: DocumentQuery) =>
  get<{ items: DocumentSummary[]; total: number }>(`/api/documents/search${queryString({ ...query, view: undefined })}`);
export const fetchDocument = (id: number) => get<DocumentDetail>(`/api/documents/${id}`);

/** A fresh key per user intent: a retried press with the same key replays instead of acting twice. */
export const newIdempotencyKey = (): string => crypto.randomUUID();

let csrfToken: string | null = null;
async function currentCsrfToken(refresh: boolean): Promise<string | null> {
  if (csrfToken && !refresh) return csrfToken;
  csrfToken = (await get<Me>('/api/auth/me')).csrfToken;
  return csrfToken;
}

async function toProblem(response: Response): Promise<DocumentProblem> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return new DocumentProblem(response.status, 'HTTP_' + response.status, i18n.t('errors.network'), [], undefined, undefined);
  const body = (await response.json().catch(() => ({}))) as Partial<{
    code: string;
    detail: string;
    errors: FieldProblem[];
    allowed: DocumentAction[];
    allowedActions: DocumentAction[];
    duplicates: DuplicateEntry[];
  }>;
  return new DocumentProblem(
    response.status,
    body.code ?? 'HTTP_' + response.status,
    body.detail ?? response.statusText,
    body.errors ?? [],
    body.allowed ?? body.allowedActions,
    body.duplicates,
  );
}

/** POST with the session's CSRF token and an Idempotency-Key (the shared client sends no custom headers). */
async function send<T>(url: string, body: FormData | unknown, idempotencyKey?: string): Promise<T> {
  const attempt = async (refresh: boolean) => {
    const token = await currentCsrfToken(refresh);
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language || 'vi' };
    if (!(body instanceof FormData)) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    if (token) headers['x-csrf-token'] = token;
    try {
      return await fetch(url, { method: 'POST', headers, credentials: 'same-origin', body: body instanceof FormData ? body : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
    }
  };
  let response = await attempt(false);
  if (response.status === 403) {
    const problem = (await response.clone().json().catch(() => ({}))) as { code?: string };
    if (problem.code === 'CSRF_INVALID') response = await attempt(true);
  }
  if (!response.ok) throw await toProblem(response);
  return (await response.json()) as T;
}

export const registerIncoming = (input: IncomingInput, key: string) => send<DocumentDetail>('/api/documents/incoming', input, key);
export const createOutgoing = (input: OutgoingInput, key: string) => send<DocumentDetail>('/api/documents/outgoing', input, key);
export const actOnDocument = (id: number, input: ActionInput, key: string) => send<DocumentDetail>(`/api/documents/${id}/actions`, input, key);

/** Checks every signature of a PDF (the public verification endpoint), given the file's address. */
export async function verifyPdfAt(url: string): Promise<SignatureReport[]> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, 'HTTP_' + response.status, i18n.t('errors.loadFailed'));
  const data = new FormData();
  data.append('file', new File([await response.blob()], 'document.pdf', { type: 'application/pdf' }));
  return (await send<{ signatures: SignatureReport[] }>('/api/signatures/verify', data)).signatures;
}
