import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { requirePermission } from '../../platform/auth/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { Permission } from '../../platform/auth/roles.js';
import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { Pkcs12Signer } from './pkcs12-signer.js';
import type { SecretBox } from './secret-box.js';
import { ACTIVE, CredentialOwnerKind, findActiveCredential, listCredentials, type CredentialOwnerKindCode } from './signing.repository.js';

/** A registered credential as listed: who or which unit it signs for, and its certificate — never key material. */
export interface CredentialView {
  id: number;
  ownerKind: CredentialOwnerKindCode;
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

type CredentialRow = Awaited<ReturnType<typeof listCredentials>>[number];
export const toCredentialView = (row: CredentialRow): CredentialView => ({
  id: Number(row.id),
  ownerKind: row.owner_kind as CredentialOwnerKindCode,
  userId: row.user_id === null ? null : Number(row.user_id),
  unitId: row.unit_id === null ? null : Number(row.unit_id),
  label: row.label,
  subjectName: row.subject_name,
  organisation: row.organisation,
  issuer: row.issuer_name,
  serial: row.serial,
  notBefore: row.not_before,
  notAfter: row.not_after,
  fingerprintSha256: row.fingerprint_sha256,
  createdAt: row.created_at,
});

export interface RegisterCredentialInput {
  p12: Buffer;
  passphrase: string;
  ownerKind: CredentialOwnerKindCode;
  userId?: number;
  unitId?: number;
  label: string;
}

const requireManage = (db: Db, actor: Actor) => requirePermission(db, actor, Permission.SigningManage, null);

export async function getCredentials(db: Db, actor: Actor): Promise<CredentialView[]> {
  await requireManage(db, actor);
  return (await listCredentials(db)).map(toCredentialView);
}

/**
 * Registers a PKCS#12 for an official (their personal signature) or for a unit (the organisation's seal).
 * The file is opened first — wrong passphrase, not a PKCS#12 or an expired certificate are refused — then
 * the file and its passphrase are stored encrypted (AES-256-GCM).
 */
export async function registerCredential(db: Db, secrets: SecretBox, audit: AuditContext, actor: Actor, input: RegisterCredentialInput): Promise<CredentialView> {
  await requireManage(db, actor);
  const { certificate } = Pkcs12Signer.load(input.p12, input.passphrase);
  return db.transaction().execute(async (tx) => {
    if (input.ownerKind === CredentialOwnerKind.User) {
      const user = await tx.selectFrom('users').select('kind').where('id', '=', input.userId!).executeTakeFirst();
      if (!user || user.kind !== 'official') throw new AppError('VALIDATION_FAILED', {}, [{ path: '/userId', message: 'Không có cán bộ này. (No such official.)' }]);
    } else {
      const unit = await tx.selectFrom('units').select('id').where('id', '=', input.unitId!).executeTakeFirst();
      if (!unit) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/unitId', message: 'Không có đơn vị này. (No such unit.)' }]);
    }
    const values = {
      owner_kind: input.ownerKind,
      user_id: input.ownerKind === CredentialOwnerKind.User ? input.userId! : null,
      unit_id: input.ownerKind === CredentialOwnerKind.UnitSeal ? input.unitId! : null,
      label: input.label.trim(),
      subject_name: certificate.commonName,
      organisation: certificate.organisation,
      issuer_name: certificate.issuer,
      serial: certificate.serial,
      not_before: certificate.notBefore.toISOString(),
      not_after: certificate.notAfter.toISOString(),
      fingerprint_sha256: certificate.fingerprintSha256,
      p12_encrypted: secrets.encrypt(input.p12),
      passphrase_encrypted: secrets.encrypt(input.passphrase),
      status: ACTIVE,
      created_by: actor.userId,
      created_at: new Date().toISOString(),
      revoked_at: null,
    };
    const { id } = await tx.insertInto('signing_credentials').values(values).returning('id').executeTakeFirstOrThrow();
    await recordAudit(tx, audit, {
      action: 'signing.credential.add',
      entityType: 'signing_credential',
      entityId: Number(id),
      unitId: values.unit_id,
      summary: { ownerKind: values.owner_kind, userId: values.user_id, unitId: values.unit_id, label: values.label, subject: certificate.subject, serial: certificate.serial },
    });
    return toCredentialView({ ...values, id });
  });
}

export async function revokeCredential(db: Db, audit: AuditContext, actor: Actor, id: number): Promise<void> {
  await requireManage(db, actor);
  await db.transaction().execute(async (tx) => {
    const row = await findActiveCredential(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    // The key material goes with the revocation: a revoked credential can never sign again.
    await tx
      .updateTable('signing_credentials')
      .set({ status: 'revoked', revoked_at: new Date().toISOString(), p12_encrypted: '', passphrase_encrypted: '' })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, audit, {
      action: 'signing.credential.revoke',
      entityType: 'signing_credential',
      entityId: id,
      unitId: row.unit_id,
      summary: { ownerKind: row.owner_kind, userId: row.user_id, unitId: row.unit_id, label: row.label },
    });
  });
}
