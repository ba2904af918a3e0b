import i18n from '../i18n/i18n';
import { api, ApiError, get, type FieldProblem } from './client';
import type { Me } from './types';

/**
 * Digital signatures (contract /work/notes/documents-api.md "Signing (H1)"; the server's schemas in
 * src/modules/signing are the truth). Instants are ISO-8601 UTC; key material never comes back.
 */

export const SIGNING_MANAGE = 'signing.manage';

export interface CertificateInfo {
  subject: string;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
}

/** One signature found in a PDF, as POST /api/signatures/verify reports it. */
export interface SignatureReport {
  signerName: string | null;
  organisation: string | null;
  signedAt: string | null;
  intact: boolean;
  coversWholeDocument: boolean;
  trusted: boolean;
  certificateValid: boolean;
  problems: string[];
  certificate: CertificateInfo | null;
}

export interface VerifyAnswer {
  signatures: SignatureReport[];
}

export interface TrustAnchor {
  id: number;
  label: string;
  subject: string;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  fingerprintSha256: string;
  createdAt: string;
}

export type CredentialOwnerKind = 'user' | 'unit_seal';

/** A registered signing credential (the administrator's list; the signer's own in my-credentials). */
export interface SigningCredential {
  id: number;
  ownerKind: CredentialOwnerKind;
  userId: number | null;
  unitId: number | null;
  label: string;
  subjectName: string;
  organisation: string | null;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  fingerprintSha256: string;
  createdAt: string;
}

/** The .p12 uploaded for this sign-in session (kept encrypted, removed at sign-out). */
export interface SessionCredential {
  subjectName: string;
  organisation: string | null;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  createdAt: string;
  expiresAt: string;
}

/** What the signed-in official may sign with: credentials registered for them, and the session's own. */
export interface MyCredentials {
  registered: SigningCredential[];
  session: SessionCredential | null;
}

export interface NewCredential {
  file: File;
  passphrase: string;
  label: string;
  ownerKind: CredentialOwnerKind;
  userId?: number;
  unitId?: number;
}

/** Sends a multipart form (the JSON client cannot); a problem answer becomes an ApiError like any other call. */
async function sendMultipart<T>(path: string, fields: Record<string, string | Blob>, signedIn: boolean): Promise<T> {
  const data = new FormData();
  // Text fields before the file: a streaming parser that stops at the file part still sees them.
  const entries = Object.entries(fields);
  for (const [name, value] of entries) if (typeof value === 'string') data.append(name, value);
  for (const [name, value] of entries) if (typeof value !== 'string') data.append(name, value);
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language || 'vi' };
  // Cookie writes need the session's CSRF token; the public verify route has none to give.
  if (signedIn) {
    const me = await get<Me>('/api/auth/me');
    if (me.csrfToken) headers['x-csrf-token'] = me.csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: data });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (!response.ok) {
    const type = response.headers.get('content-type') ?? '';
    const body = type.includes('json')
      ? ((await response.json().catch(() => ({}))) as Partial<{ code: string; detail: string; errors: FieldProblem[] }>)
      : {};
    throw new ApiError(response.status, body.code ?? 'HTTP_' + response.status, body.detail ?? i18n.t('errors.network'), body.errors ?? []);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Anyone, signed in or not: the signatures of a PDF and what they prove. */
export const verifyPdf = (file: File) => sendMultipart<VerifyAnswer>('/api/signatures/verify', { file }, false);

export const fetchMyCredentials = () => get<MyCredentials>('/api/signing/my-credentials');
export const uploadSessionCredential = (file: File, passphrase: string) =>
  sendMultipart<SessionCredential>('/api/signing/session-credential', { file, passphrase }, true);
export const removeSessionCredential = () => api<void>('DELETE', '/api/signing/session-credential');

export const fetchTrustAnchors = () => get<TrustAnchor[]>('/api/signing/trust-anchors');
export const addTrustAnchor = (file: File, label: string) => sendMultipart<TrustAnchor>('/api/signing/trust-anchors', { file, label }, true);
export const removeTrustAnchor = (id: number) => api<void>('DELETE', `/api/signing/trust-anchors/${id}`);

export const fetchCredentials = () => get<SigningCredential[]>('/api/signing/credentials');
export function registerCredential(input: NewCredential): Promise<SigningCredential> {
  const fields: Record<string, string | Blob> = {
    file: input.file,
    passphrase: input.passphrase,
    label: input.label,
    ownerKind: input.ownerKind,
  };
  if (input.ownerKind === 'user' && input.userId !== undefined) fields.userId = String(input.userId);
  if (input.ownerKind === 'unit_seal' && input.unitId !== undefined) fields.unitId = String(input.unitId);
  return sendMultipart<SigningCredential>('/api/signing/credentials', fields, true);
}
export const revokeCredential = (id: number) => api<void>('DELETE', `/api/signing/credentials/${id}`);
