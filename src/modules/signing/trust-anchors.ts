import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { requirePermission } from '../../platform/auth/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { Permission } from '../../platform/auth/roles.js';
import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { certificateBytes, describeCertificate, parseCertificateDer } from './certificate-info.js';
import { ACTIVE, findActiveTrustAnchor, findTrustAnchorByFingerprint, listTrustAnchors } from './signing.repository.js';

export interface TrustAnchorView {
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

type AnchorRow = Awaited<ReturnType<typeof listTrustAnchors>>[number];
const toView = (row: AnchorRow): TrustAnchorView => ({
  id: Number(row.id),
  label: row.label,
  subject: row.subject,
  issuer: row.issuer,
  serial: row.serial,
  notBefore: row.not_before,
  notAfter: row.not_after,
  fingerprintSha256: row.fingerprint_sha256,
  createdAt: row.created_at,
});

// The trust list is province-wide: only an administrator of the whole tree (signing.manage) maintains it.
const requireManage = (db: Db, actor: Actor) => requirePermission(db, actor, Permission.SigningManage, null);

export async function getTrustAnchors(db: Db, actor: Actor): Promise<TrustAnchorView[]> {
  await requireManage(db, actor);
  return (await listTrustAnchors(db)).map(toView);
}

/** Adds a CA certificate (PEM or DER) to the trust list; the same certificate twice is a conflict. */
export async function addTrustAnchor(db: Db, audit: AuditContext, actor: Actor, input: { certificate: Buffer; label: string }): Promise<TrustAnchorView> {
  await requireManage(db, actor);
  const der = certificateBytes(input.certificate);
  const info = describeCertificate(parseCertificateDer(der), der);
  return db.transaction().execute(async (tx) => {
    const existing = await findTrustAnchorByFingerprint(tx, info.fingerprintSha256);
    if (existing?.status === ACTIVE) throw new AppError('SIGNING_TRUST_ANCHOR_EXISTS');
    const now = new Date().toISOString();
    const values = {
      label: input.label.trim(),
      subject: info.subject,
      issuer: info.issuer,
      serial: info.serial,
      not_before: info.notBefore.toISOString(),
      not_after: info.notAfter.toISOString(),
      fingerprint_sha256: info.fingerprintSha256,
      certificate_der: der.toString('base64'),
      status: ACTIVE,
      created_by: actor.userId,
      created_at: now,
      removed_at: null,
    };
    // A removed anchor added again is the same row made active (the fingerprint is unique).
    const id = existing
      ? (await tx.updateTable('signing_trust_anchors').set(values).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()).id
      : (await tx.insertInto('signing_trust_anchors').values(values).returning('id').executeTakeFirstOrThrow()).id;
    await recordAudit(tx, audit, {
      action: 'signing.trust_anchor.add',
      entityType: 'signing_trust_anchor',
      entityId: Number(id),
      summary: { label: values.label, subject: info.subject, fingerprint: info.fingerprintSha256 },
    });
    return toView({ ...values, id, created_at: now });
  });
}

export async function removeTrustAnchor(db: Db, audit: AuditContext, actor: Actor, id: number): Promise<void> {
  await requireManage(db, actor);
  await db.transaction().execute(async (tx) => {
    const anchor = await findActiveTrustAnchor(tx, id);
    if (!anchor) throw new AppError('NOT_FOUND');
    await tx.updateTable('signing_trust_anchors').set({ status: 'removed', removed_at: new Date().toISOString() }).where('id', '=', id).execute();
    await recordAudit(tx, audit, {
      action: 'signing.trust_anchor.remove',
      entityType: 'signing_trust_anchor',
      entityId: id,
      summary: { label: anchor.label, subject: anchor.subject },
    });
  });
}
