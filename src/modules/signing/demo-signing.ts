import { randomBytes } from 'node:crypto';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/database/database.js';
import { describeCertificate, parseCertificateDer } from './certificate-info.js';
import { issueCertificate, newKeyPair, type Issued } from './demo-certificates.js';
import { openSecretBox } from './secret-box.js';
import { ACTIVE, CredentialOwnerKind } from './signing.repository.js';

export const DEMO_CA_NAME = 'CA Chính quyền số — DEMO';
const DEMO_ORGANISATION = 'Chính quyền số (chứng thư thử nghiệm, không có giá trị pháp lý)';
const PERSONAL = ['lanhdao', 'lanhdao.vp', 'truongphong'];
/** Sở Tư pháp and Văn phòng UBND tỉnh: the two demo units that issue documents to each other. */
const SEAL_UNITS = ['000.00.05.H18', '000.00.01.H18'];
const YEAR = 365 * 24 * 3600 * 1000;

/**
 * Demo signing on first start (issue 4): a demo root CA in the trust list, personal credentials for the
 * leaders and seal credentials for two units, every label saying DEMO. Idempotent: nothing happens when the
 * demo CA is already listed. Two RSA keys in all (the CA's and one shared by the demo certificates) keep the
 * first start fast; real credentials each have their own key from a licensed CA.
 */
export async function seedDemoSigning(db: Db, config: Config, context: AuditContext): Promise<number> {
  const existing = await db.selectFrom('signing_trust_anchors').select('id').where('label', 'like', `${DEMO_CA_NAME}%`).executeTakeFirst();
  if (existing) return 0;
  const secrets = openSecretBox(config);
  const notBefore = new Date(Date.now() - 24 * 3600 * 1000);
  const notAfter = new Date(Date.now() + 3 * YEAR);
  const ca = issueCertificate({ commonName: DEMO_CA_NAME, organisation: DEMO_ORGANISATION, ca: true, notBefore, notAfter: new Date(Date.now() + 10 * YEAR), keyPair: newKeyPair() });
  const leafKey = newKeyPair();
  const issue = (commonName: string, organisation: string): Issued =>
    issueCertificate({ commonName, organisation, ca: false, issuer: ca, notBefore, notAfter, keyPair: leafKey, passphrase: randomBytes(12).toString('base64url') });

  const users = await db
    .selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.username', 'users.full_name', 'units.name as unit_name'])
    .where('users.username', 'in', PERSONAL)
    .execute();
  const units = await db.selectFrom('units').select(['id', 'name']).where('code', 'in', SEAL_UNITS).execute();
  const province = await db.selectFrom('units').select('name').where('parent_id', 'is', null).executeTakeFirst();
  const now = new Date().toISOString();

  return db.transaction().execute(async (tx) => {
    const caInfo = describeCertificate(parseCertificateDer(ca.identity.certificateDer), ca.identity.certificateDer);
    const anchor = await tx
      .insertInto('signing_trust_anchors')
      .values({
        label: `${DEMO_CA_NAME} (thử nghiệm)`,
        subject: caInfo.subject,
        issuer: caInfo.issuer,
        serial: caInfo.serial,
        not_before: caInfo.notBefore.toISOString(),
        not_after: caInfo.notAfter.toISOString(),
        fingerprint_sha256: caInfo.fingerprintSha256,
        certificate_der: ca.identity.certificateDer.toString('base64'),
        status: ACTIVE,
        created_by: null,
        created_at: now,
        removed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, context, { action: 'signing.trust_anchor.add', entityType: 'signing_trust_anchor', entityId: Number(anchor.id), summary: { label: DEMO_CA_NAME, demo: true } });

    const register = async (owner: { kind: 'user'; userId: number } | { kind: 'unit_seal'; unitId: number }, issued: Issued, label: string) => {
      const info = describeCertificate(parseCertificateDer(issued.identity.certificateDer), issued.identity.certificateDer);
      const row = await tx
        .insertInto('signing_credentials')
        .values({
          owner_kind: owner.kind,
          user_id: owner.kind === CredentialOwnerKind.User ? owner.userId : null,
          unit_id: owner.kind === CredentialOwnerKind.UnitSeal ? owner.unitId : null,
          label,
          subject_name: info.commonName,
          organisation: info.organisation,
          issuer_name: info.issuer,
          serial: info.serial,
          not_before: info.notBefore.toISOString(),
          not_after: info.notAfter.toISOString(),
          fingerprint_sha256: info.fingerprintSha256,
          p12_encrypted: secrets.encrypt(issued.identity.p12),
          passphrase_encrypted: secrets.encrypt(issued.identity.passphrase),
          status: ACTIVE,
          created_by: null,
          created_at: now,
          revoked_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, context, {
        action: 'signing.credential.add',
        entityType: 'signing_credential',
        entityId: Number(row.id),
        summary: { ownerKind: owner.kind, label, demo: true },
      });
    };

    for (const user of users) {
      const issued = issue(user.full_name, user.unit_name ?? province?.name ?? DEMO_ORGANISATION);
      await register({ kind: 'user', userId: Number(user.id) }, issued, `DEMO — Chữ ký số của ${user.full_name}`);
    }
    for (const unit of units) {
      const issued = issue(unit.name, province?.name ?? DEMO_ORGANISATION);
      await register({ kind: 'unit_seal', unitId: Number(unit.id) }, issued, `DEMO — Con dấu số của ${unit.name}`);
    }
    return 1 + users.length + units.length;
  });
}
