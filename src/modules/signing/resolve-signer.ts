import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { PdfSigner, SignerIdentity } from './pdf-signer.js';
import { Pkcs12Signer } from './pkcs12-signer.js';
import type { SecretBox } from './secret-box.js';
import { CredentialOwnerKind, findActiveCredential, findSessionCredential, findUnitSeal } from './signing.repository.js';

/** Which credential the signer chose in the signing dialog. */
export type CredentialChoice = { kind: 'registered'; id: number } | { kind: 'session' };

export interface ResolvedSigner {
  signer: PdfSigner;
  credentialKind: 'registered' | 'session' | 'unit_seal';
  identity: SignerIdentity;
}

function unseal(secrets: SecretBox, row: { p12_encrypted: string; passphrase_encrypted: string }): Pkcs12Signer {
  return Pkcs12Signer.load(secrets.decrypt(row.p12_encrypted), secrets.decryptText(row.passphrase_encrypted));
}

/**
 * The official's own signer: a credential the administrator registered for them, or the PKCS#12 they
 * uploaded for this session. Someone else's credential answers NOT_FOUND; an expired one
 * SIGNING_CERTIFICATE_EXPIRED (checked again now, not only when it was registered).
 */
export async function resolveUserSigner(db: Executor, secrets: SecretBox, actor: Actor, sessionId: string, choice: CredentialChoice): Promise<ResolvedSigner> {
  if (choice.kind === 'registered') {
    const row = await findActiveCredential(db, choice.id);
    if (!row || row.owner_kind !== CredentialOwnerKind.User || row.user_id !== actor.userId) throw new AppError('NOT_FOUND');
    const signer = unseal(secrets, row);
    return { signer, credentialKind: 'registered', identity: signer.describe() };
  }
  const row = await findSessionCredential(db, sessionId);
  if (!row || row.user_id !== actor.userId || row.expires_at <= new Date().toISOString()) throw new AppError('SIGNING_CREDENTIAL_MISSING');
  const signer = unseal(secrets, row);
  return { signer, credentialKind: 'session', identity: signer.describe() };
}

/**
 * The organisation's seal of exactly this unit (the issuing organisation seals its own documents, Decree
 * 30/2020 art. 13; a parent's seal is not a substitute), or SIGNING_SEAL_MISSING.
 */
export async function resolveSealSigner(db: Executor, secrets: SecretBox, unitId: number): Promise<ResolvedSigner> {
  const row = await findUnitSeal(db, unitId);
  if (!row) {
    const unit = await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst();
    throw new AppError('SIGNING_SEAL_MISSING', { unit: unit?.name ?? String(unitId) });
  }
  const signer = unseal(secrets, row);
  return { signer, credentialKind: 'unit_seal', identity: signer.describe() };
}

/** Whether the unit has a seal registered (receipts fall back to the "not yet signed" note without one). */
export async function hasUnitSeal(db: Executor, unitId: number): Promise<boolean> {
  return (await findUnitSeal(db, unitId)) !== undefined;
}
