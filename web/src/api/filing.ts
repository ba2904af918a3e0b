import { api, get, post, put, queryString } from './client';
import { actOnDossier, type AttachmentInput, type DossierDetail } from './dossiers';
import type { ProcedureDetail } from './procedures';

/**
 * The citizen's side of the one-stop shop (contract: /work/notes/dossier-api.md): the procedure with its
 * application form, drafts, and the inbox. Reading and acting on dossiers is in ./dossiers.ts (shared with the office).
 */

/** GET /api/procedures/{code} also carries the application form (tờ khai) as JSON Schema. */
export interface FilingProcedure extends ProcedureDetail {
  form: { schema: Record<string, unknown>; uiSchema?: Record<string, unknown> };
}

export const fetchFilingProcedure = (code: string, version?: number) =>
  get<FilingProcedure>(`/api/procedures/${encodeURIComponent(code)}${queryString({ version })}`);

export interface DraftInput {
  procedureCode: string;
  form: Record<string, unknown>;
  attachments: AttachmentInput[];
}

export interface Draft extends DraftInput {
  id: number;
  procedureName: string;
  updatedAt: string;
}

export interface DraftSummary {
  id: number;
  procedureCode: string;
  procedureName: string;
  updatedAt: string;
}

const draftPath = (id: number) => `/api/dossier-drafts/${id}`;

export const fetchDrafts = () => get<{ items: DraftSummary[] }>('/api/dossier-drafts');
export const fetchDraft = (id: number) => get<Draft>(draftPath(id));
export const createDraft = (input: DraftInput) => post<Draft>('/api/dossier-drafts', input);
export const updateDraft = (id: number, input: DraftInput) => put<Draft>(draftPath(id), input);
export const deleteDraft = (id: number) => api<void>('DELETE', draftPath(id));

/** Bổ sung hồ sơ: the applicant answers a supplement request (the clock resumes on the server). */
export const supplementDossier = (
  code: string,
  input: { note?: string; form?: Record<string, unknown>; attachments?: AttachmentInput[] },
  idempotencyKey: string,
) => actOnDossier(code, { action: 'supplement', ...input }, idempotencyKey);

/** Rút hồ sơ: the applicant withdraws while the workflow still allows it. */
export const withdrawDossier = (code: string, idempotencyKey: string) => actOnDossier(code, { action: 'withdraw' }, idempotencyKey);

export type { DossierDetail };

/** Shapes of src/modules/notifications/notifications.schema.ts. */
export interface NotificationItem {
  id: number;
  subject: string;
  body: string;
  /** Where the notification leads, e.g. /portal/dossiers/…; null when it leads nowhere. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  total: number;
  /** All unread notifications of the caller (the badge count), whatever the filter. */
  unread: number;
}

export const fetchNotifications = (query: { unread?: boolean; page?: number; pageSize?: number }) =>
  get<NotificationPage>(`/api/notifications${queryString({ ...query, unread: query.unread ? 'true' : undefined })}`);
export const markNotificationRead = (id: number) => post<NotificationItem>(`/api/notifications/${id}/read`);
export const markAllNotificationsRead = () => post<{ updated: number }>('/api/notifications/read-all');
