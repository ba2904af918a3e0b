import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { insertProvinceTree, insertUser } from '../../../test/support/fixtures.js';
import { getTestPki } from '../../../test/support/pki.js';
import type { Actor } from '../../platform/auth/actor.js';
import { resolveSealSigner, resolveUserSigner } from './resolve-signer.js';
import { SecretBox } from './secret-box.js';

const secrets = SecretBox.fromKeyMaterial('resolve-signer-tests-secret-key-0123456789');
const actorOf = (userId: number, sessionId: string) => ({ userId, kind: 'official', session: { id: sessionId } }) as Actor;

describe.each(DIALECTS)('resolving signers on %s', (dialect) => {
  let t: TestApp;
  let units: Awaited<ReturnType<typeof insertProvinceTree>>;
  let owner: number;
  let other: number;
  let credentialId: number;

  const insertCredential = async (values: { owner_kind: string; user_id: number | null; unit_id: number | null; p12: Buffer; passphrase: string }) => {
    const row = await t.db
      .insertInto('signing_credentials')
      .values({
        owner_kind: values.owner_kind,
        user_id: values.user_id,
        unit_id: values.unit_id,
        label: 'thử',
        subject_name: 'x',
        organisation: null,
        issuer_name: 'x',
        serial: '01',
        not_before: '2020-01-01T00:00:00.000Z',
        not_after: '2099-01-01T00:00:00.000Z',
        fingerprint_sha256: 'f',
        p12_encrypted: secrets.encrypt(values.p12),
        passphrase_encrypted: secrets.encrypt(values.passphrase),
        status: 'active',
        created_by: null,
        created_at: new Date().toISOString(),
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  };

  beforeAll(async () => {
    const pki = getTestPki();
    t = await createTestApp(dialect);
    units = await insertProvinceTree(t.db);
    owner = (await insertUser(t.db, { unitId: units.justice })).id;
    other = (await insertUser(t.db, { unitId: units.justice })).id;
    credentialId = await insertCredential({ owner_kind: 'user', user_id: owner, unit_id: null, p12: pki.signer.p12, passphrase: pki.signer.passphrase });
    await insertCredential({ owner_kind: 'unit_seal', user_id: null, unit_id: units.justice, p12: pki.seal.p12, passphrase: pki.seal.passphrase });
    await t.db
      .insertInto('signing_session_credentials')
      .values({
        session_id: 'session-of-other',
        user_id: other,
        subject_name: 'x',
        organisation: null,
        issuer_name: 'x',
        serial: '01',
        not_before: '2020-01-01T00:00:00.000Z',
        not_after: '2099-01-01T00:00:00.000Z',
        p12_encrypted: secrets.encrypt(pki.signer.p12),
        passphrase_encrypted: secrets.encrypt(pki.signer.passphrase),
        created_at: new Date().toISOString(),
        expires_at: new Date(Date.now() + 3600_000).toISOString(),
      })
      .execute();
  });
  afterAll(async () => t?.close());

  it("opens the owner's registered credential and hides it from anyone else (404)", async () => {
    const resolved = await resolveUserSigner(t.db, secrets, actorOf(owner, 's1'), 's1', { kind: 'registered', id: credentialId });
    expect(resolved.credentialKind).toBe('registered');
    expect(resolved.identity.name).toBe('Nguyễn Văn Lãnh');
    await expect(resolveUserSigner(t.db, secrets, actorOf(other, 's2'), 's2', { kind: 'registered', id: credentialId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("uses the session's uploaded credential, only for its own user and session", async () => {
    const resolved = await resolveUserSigner(t.db, secrets, actorOf(other, 'session-of-other'), 'session-of-other', { kind: 'session' });
    expect(resolved).toMatchObject({ credentialKind: 'session', identity: { name: 'Nguyễn Văn Lãnh' } });
    await expect(resolveUserSigner(t.db, secrets, actorOf(owner, 'session-of-other'), 'session-of-other', { kind: 'session' })).rejects.toMatchObject({ code: 'SIGNING_CREDENTIAL_MISSING' });
    await expect(resolveUserSigner(t.db, secrets, actorOf(other, 'another'), 'another', { kind: 'session' })).rejects.toMatchObject({ code: 'SIGNING_CREDENTIAL_MISSING' });
  });

  it("finds exactly the unit's seal; the parent's or a sibling's is not used", async () => {
    expect((await resolveSealSigner(t.db, secrets, units.justice)).identity.name).toBe('Sở Tư pháp tỉnh Điện Biên');
    await expect(resolveSealSigner(t.db, secrets, units.finance)).rejects.toMatchObject({ code: 'SIGNING_SEAL_MISSING', params: { unit: 'Sở Tài chính' } });
    await expect(resolveSealSigner(t.db, secrets, units.province)).rejects.toMatchObject({ code: 'SIGNING_SEAL_MISSING' });
  });
});
