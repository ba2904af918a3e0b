import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { toCredentialView, type CredentialView } from './credentials.js';
import { Pkcs12Signer } from './pkcs12-signer.js';
import type { SecretBox } from './secret-box.js';
import { deleteSessionCredential, findSessionCredentialSummary, listCredentials } from './signing.repository.js';

export interface SessionCredentialView {
  subjectName: string;
  organisation: string | null;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  createdAt: string;
  expiresAt: string;
}

export interface MyCredentials {
  registered: CredentialView[];
  session: SessionCredentialView | null;
}

// Signing is for officials; a citizen's account has nothing to sign here.
function requireOfficial(actor: Actor): void {
  if (actor.kind !== 'official') throw new AppError('FORBIDDEN');
}

type SummaryRow = NonNullable<Awaited<ReturnType<typeof findSessionCredentialSummary>>>;
const toSessionView = (row: SummaryRow): SessionCredentialView => ({
  subjectName: row.subject_name,
  organisation: row.organisation,
  issuer: row.issuer_name,
  serial: row.serial,
  notBefore: row.not_before,
  notAfter: row.not_after,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

/** What the signing dialog offers: credentials registered for me, and the one uploaded for this session. */
export async function getMyCredentials(db: Db, actor: Actor): Promise<MyCredentials> {
  requireOfficial(actor);
  const registered = (await listCredentials(db, { userId: actor.userId })).map(toCredentialView);
  const session = await findSessionCredentialSummary(db, actor.session.id, actor.userId);
  return { registered, session: session ? toSessionView(session) : null };
}

/**
 * Keeps an uploaded PKCS#12 (encrypted) for this session only: it replaces an earlier upload, ends with the
 * session (expires_at) and is deleted at sign-out.
 */
export async function uploadSessionCredential(db: Db, secrets: SecretBox, audit: AuditContext, actor: Actor, input: { p12: Buffer; passphrase: string }): Promise<SessionCredentialView> {
  requireOfficial(actor);
  const { certificate } = Pkcs12Signer.load(input.p12, input.passphrase);
  return db.transaction().execute(async (tx) => {
    await deleteSessionCredential(tx, actor.session.id);
    const values = {
      session_id: actor.session.id,
      user_id: actor.userId,
      subject_name: certificate.commonName,
      organisation: certificate.organisation,
      issuer_name: certificate.issuer,
      serial: certificate.serial,
      not_before: certificate.notBefore.toISOString(),
      not_after: certificate.notAfter.toISOString(),
      p12_encrypted: secrets.encrypt(input.p12),
      passphrase_encrypted: secrets.encrypt(input.passphrase),
      created_at: new Date().toISOString(),
      expires_at: actor.session.expiresAt,
    };
    await tx.insertInto('signing_session_credentials').values(values).execute();
    await recordAudit(tx, audit, {
      action: 'signing.session_credential.add',
      entityType: 'user',
      entityId: actor.userId,
      summary: { subject: certificate.subject, serial: certificate.serial },
    });
    return toSessionView(values);
  });
}

export async function removeSessionCredential(db: Db, audit: AuditContext, actor: Actor): Promise<void> {
  requireOfficial(actor);
  await db.transaction().execute(async (tx) => {
    if (!(await deleteSessionCredential(tx, actor.session.id))) throw new AppError('NOT_FOUND');
    await recordAudit(tx, audit, { action: 'signing.session_credential.remove', entityType: 'user', entityId: actor.userId });
  });
}
