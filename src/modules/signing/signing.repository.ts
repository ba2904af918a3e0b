import type { Executor } from '../../platform/database/database.js';

export const CredentialOwnerKind = { User: 'user', UnitSeal: 'unit_seal' } as const;
export type CredentialOwnerKindCode = (typeof CredentialOwnerKind)[keyof typeof CredentialOwnerKind];
export const ACTIVE = 'active';

const CREDENTIAL_COLUMNS = [
  'id',
  'owner_kind',
  'user_id',
  'unit_id',
  'label',
  'subject_name',
  'organisation',
  'issuer_name',
  'serial',
  'not_before',
  'not_after',
  'fingerprint_sha256',
  'status',
  'created_at',
] as const;

/** Active trust anchors (base64 DER), the administrator's trust list. */
export async function listActiveAnchorCertificates(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('signing_trust_anchors').select('certificate_der').where('status', '=', ACTIVE).orderBy('id').execute();
  return rows.map((row) => row.certificate_der);
}

export function listTrustAnchors(db: Executor) {
  return db
    .selectFrom('signing_trust_anchors')
    .select(['id', 'label', 'subject', 'issuer', 'serial', 'not_before', 'not_after', 'fingerprint_sha256', 'created_at'])
    .where('status', '=', ACTIVE)
    .orderBy('id')
    .execute();
}

export function findTrustAnchorByFingerprint(db: Executor, fingerprint: string) {
  return db.selectFrom('signing_trust_anchors').select(['id', 'status']).where('fingerprint_sha256', '=', fingerprint).executeTakeFirst();
}

export function findActiveTrustAnchor(db: Executor, id: number) {
  return db.selectFrom('signing_trust_anchors').select(['id', 'label', 'subject']).where('id', '=', id).where('status', '=', ACTIVE).executeTakeFirst();
}

/** Registered credentials without any key material. */
export function listCredentials(db: Executor, filter: { userId?: number } = {}) {
  let query = db.selectFrom('signing_credentials').select(CREDENTIAL_COLUMNS).where('status', '=', ACTIVE);
  if (filter.userId !== undefined) query = query.where('owner_kind', '=', CredentialOwnerKind.User).where('user_id', '=', filter.userId);
  return query.orderBy('id').execute();
}

export function findActiveCredential(db: Executor, id: number) {
  return db.selectFrom('signing_credentials').selectAll().where('id', '=', id).where('status', '=', ACTIVE).executeTakeFirst();
}

/** The unit's seal: the newest active unit_seal credential of exactly that unit. */
export function findUnitSeal(db: Executor, unitId: number) {
  return db
    .selectFrom('signing_credentials')
    .selectAll()
    .where('owner_kind', '=', CredentialOwnerKind.UnitSeal)
    .where('unit_id', '=', unitId)
    .where('status', '=', ACTIVE)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export function findSessionCredential(db: Executor, sessionId: string) {
  return db.selectFrom('signing_session_credentials').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
}

export function findSessionCredentialSummary(db: Executor, sessionId: string, userId: number) {
  return db
    .selectFrom('signing_session_credentials')
    .select(['subject_name', 'organisation', 'issuer_name', 'serial', 'not_before', 'not_after', 'created_at', 'expires_at'])
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function deleteSessionCredential(db: Executor, sessionId: string): Promise<boolean> {
  const result = await db.deleteFrom('signing_session_credentials').where('session_id', '=', sessionId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteUserSessionCredentials(db: Executor, userId: number): Promise<number> {
  const result = await db.deleteFrom('signing_session_credentials').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
