import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUser, multipartBody, sessionTokenFor } from '../../../test/support/fixtures.js';
import { expectProblem } from '../../../test/support/one-stop.js';
import { getTestPki, type TestPki } from '../../../test/support/pki.js';
import { createDocument, finishDocument, paragraph } from '../../platform/pdf/index.js';
import { Pkcs12Signer } from './pkcs12-signer.js';
import { signPdf } from './sign-pdf.js';

export const TEST_SECRET_KEY = 'signing-tests-fixed-secret-key-0123456789';

async function samplePdf(): Promise<Buffer> {
  const doc = createDocument({ title: 'Công văn thử' });
  paragraph(doc, 'Về việc triển khai chữ ký số trong cơ quan nhà nước');
  return finishDocument(doc);
}

const IN_MEMORY_LIMIT = 512 * 1024;

describe.each(DIALECTS)('signing routes on %s', (dialect) => {
  let t: TestApp;
  let pki: TestPki;
  let admin: string;
  let official: { id: number; token: string };
  let citizen: string;
  let units: Awaited<ReturnType<typeof insertProvinceTree>>;

  const send = async (method: 'POST' | 'DELETE' | 'GET', url: string, token: string | null, parts?: Parameters<typeof multipartBody>[0]) => {
    const body = parts ? await multipartBody(parts) : undefined;
    return t.app.inject({ method, url, payload: body?.payload, headers: { ...(body?.headers ?? {}), ...(token ? bearer(token) : {}) } });
  };
  const auditActions = async (prefix: string) =>
    (await t.db.selectFrom('audit_log').select('action').where('action', 'like', `${prefix}%`).orderBy('seq').execute()).map((r) => r.action);

  beforeAll(async () => {
    pki = getTestPki();
    // The in-memory limit (not UPLOAD_MAX_BYTES) bounds what a signing form may carry; small here so a test can cross it.
    t = await createTestApp(dialect, { SECRET_KEY: TEST_SECRET_KEY, IN_MEMORY_FILE_MAX_BYTES: String(IN_MEMORY_LIMIT) });
    units = await insertProvinceTree(t.db);
    admin = await sessionTokenFor(t.db, await insertUser(t.db, { withTotp: true, unitId: units.province, roles: [{ role: 'admin', unitId: units.province, includeSubtree: true }] }));
    const officialUser = await insertUser(t.db, { unitId: units.justice, roles: [{ role: 'agency_leader', unitId: units.justice }] });
    official = { id: officialUser.id, token: await sessionTokenFor(t.db, officialUser) };
    citizen = await sessionTokenFor(t.db, await insertUser(t.db, { kind: 'citizen', roles: [{ role: 'citizen', unitId: null }] }));
  });
  afterAll(async () => t?.close());

  describe('trust anchors', () => {
    it('an administrator adds a CA (PEM), lists it, cannot add it twice, and removes it; each change audited', async () => {
      const added = await send('POST', '/api/signing/trust-anchors', admin, { file: { content: Buffer.from(pki.root.certificatePem), fileName: 'root.pem' }, label: 'CA kiểm thử' });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({ label: 'CA kiểm thử', subject: expect.stringContaining('CN=CA Gốc Kiểm thử') });
      const listed = await send('GET', '/api/signing/trust-anchors', admin);
      expect(listed.json().map((a: { id: number }) => a.id)).toEqual([added.json().id]);
      expectProblem(await send('POST', '/api/signing/trust-anchors', admin, { file: { content: pki.root.certificateDer, fileName: 'root.cer' }, label: 'Lần hai' }), 409, 'SIGNING_TRUST_ANCHOR_EXISTS');
      const removed = await send('DELETE', `/api/signing/trust-anchors/${added.json().id}`, admin);
      expect(removed.statusCode).toBe(204);
      expect((await send('GET', '/api/signing/trust-anchors', admin)).json()).toEqual([]);
      expectProblem(await send('DELETE', `/api/signing/trust-anchors/${added.json().id}`, admin), 404, 'NOT_FOUND');
      expect(await auditActions('signing.trust_anchor')).toEqual(['signing.trust_anchor.add', 'signing.trust_anchor.remove']);
    });

    it('refuses non-administrators (403) and bad input with problem documents', async () => {
      expectProblem(await send('GET', '/api/signing/trust-anchors', official.token), 403, 'FORBIDDEN');
      expectProblem(await send('POST', '/api/signing/trust-anchors', official.token, { file: { content: pki.root.certificateDer, fileName: 'a.cer' }, label: 'x' }), 403, 'FORBIDDEN');
      expectProblem(await send('GET', '/api/signing/trust-anchors', null), 401, 'UNAUTHENTICATED');
      const noFile = expectProblem(await send('POST', '/api/signing/trust-anchors', admin, { label: 'x' }), 400, 'VALIDATION_FAILED');
      expect(noFile.errors.map((e: { path: string }) => e.path)).toEqual(['/file']);
      const noLabel = expectProblem(await send('POST', '/api/signing/trust-anchors', admin, { file: { content: pki.root.certificateDer, fileName: 'a.cer' } }), 400, 'VALIDATION_FAILED');
      expect(noLabel.errors.map((e: { path: string }) => e.path)).toEqual(['/label']);
      expectProblem(await send('POST', '/api/signing/trust-anchors', admin, { file: { content: Buffer.from('not a certificate'), fileName: 'a.cer' }, label: 'x' }), 422, 'SIGNING_NOT_CERTIFICATE');
      const json = await t.app.inject({ method: 'POST', url: '/api/signing/trust-anchors', payload: { label: 'x' }, headers: bearer(admin) });
      expectProblem(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expectProblem(await send('DELETE', '/api/signing/trust-anchors/abc', admin), 400, 'VALIDATION_FAILED');
    });
  });

  describe('registered credentials', () => {
    it('an administrator registers a personal credential and a unit seal; listings never carry key material; revoke erases it', async () => {
      const personal = await send('POST', '/api/signing/credentials', admin, {
        file: { content: pki.signer.p12, fileName: 'lanh.p12' },
        passphrase: pki.signer.passphrase,
        ownerKind: 'user',
        userId: String(official.id),
        label: 'Chữ ký Giám đốc',
      });
      expect(personal.statusCode, personal.body).toBe(201);
      expect(personal.json()).toMatchObject({ ownerKind: 'user', userId: official.id, unitId: null, subjectName: 'Nguyễn Văn Lãnh', organisation: 'Sở Tư pháp tỉnh Điện Biên' });
      const seal = await send('POST', '/api/signing/credentials', admin, {
        file: { content: pki.seal.p12, fileName: 'seal.p12' },
        passphrase: pki.seal.passphrase,
        ownerKind: 'unit_seal',
        unitId: String(units.justice),
        label: 'Con dấu số Sở Tư pháp',
      });
      expect(seal.statusCode, seal.body).toBe(201);
      const listed = await send('GET', '/api/signing/credentials', admin);
      expect(listed.json().map((c: { label: string }) => c.label)).toEqual(['Chữ ký Giám đốc', 'Con dấu số Sở Tư pháp']);
      expect(listed.body).not.toMatch(/p12|passphrase|encrypted/i);
      const stored = await t.db.selectFrom('signing_credentials').select(['p12_encrypted', 'passphrase_encrypted']).where('id', '=', personal.json().id).executeTakeFirstOrThrow();
      expect(stored.passphrase_encrypted).not.toContain(pki.signer.passphrase);
      expect(stored.p12_encrypted.startsWith('v1.')).toBe(true);

      const mine = await send('GET', '/api/signing/my-credentials', official.token);
      expect(mine.json()).toMatchObject({ registered: [{ id: personal.json().id, subjectName: 'Nguyễn Văn Lãnh' }], session: null });

      expect((await send('DELETE', `/api/signing/credentials/${seal.json().id}`, admin)).statusCode).toBe(204);
      const revoked = await t.db.selectFrom('signing_credentials').select(['status', 'p12_encrypted']).where('id', '=', seal.json().id).executeTakeFirstOrThrow();
      expect(revoked).toEqual({ status: 'revoked', p12_encrypted: '' });
      expect(await auditActions('signing.credential')).toEqual(['signing.credential.add', 'signing.credential.add', 'signing.credential.revoke']);
    });

    it('refuses a wrong passphrase, a non-PKCS#12 file, an expired certificate, bad fields and non-administrators', async () => {
      const base = { ownerKind: 'user', userId: String(official.id), label: 'x' };
      expectProblem(await send('POST', '/api/signing/credentials', admin, { ...base, file: { content: pki.signer.p12, fileName: 'a.p12' }, passphrase: 'sai' }), 422, 'SIGNING_BAD_PASSPHRASE');
      expectProblem(await send('POST', '/api/signing/credentials', admin, { ...base, file: { content: pki.root.certificateDer, fileName: 'a.p12' }, passphrase: 'x' }), 422, 'SIGNING_NOT_PKCS12');
      expectProblem(
        await send('POST', '/api/signing/credentials', admin, { ...base, file: { content: pki.expiredSigner.p12, fileName: 'a.p12' }, passphrase: pki.expiredSigner.passphrase }),
        422,
        'SIGNING_CERTIFICATE_EXPIRED',
      );
      const kind = expectProblem(await send('POST', '/api/signing/credentials', admin, { ...base, ownerKind: 'boss', file: { content: pki.signer.p12, fileName: 'a.p12' }, passphrase: pki.signer.passphrase }), 400, 'VALIDATION_FAILED');
      expect(kind.errors[0].path).toBe('/ownerKind');
      const unit = expectProblem(await send('POST', '/api/signing/credentials', admin, { ...base, ownerKind: 'unit_seal', file: { content: pki.seal.p12, fileName: 'a.p12' }, passphrase: pki.seal.passphrase }), 400, 'VALIDATION_FAILED');
      expect(unit.errors[0].path).toBe('/unitId');
      const unknownUser = expectProblem(await send('POST', '/api/signing/credentials', admin, { ...base, userId: '999999', file: { content: pki.signer.p12, fileName: 'a.p12' }, passphrase: pki.signer.passphrase }), 400, 'VALIDATION_FAILED');
      expect(unknownUser.errors[0].path).toBe('/userId');
      const extra = expectProblem(await send('POST', '/api/signing/credentials', admin, { ...base, role: 'admin', file: { content: pki.signer.p12, fileName: 'a.p12' }, passphrase: pki.signer.passphrase }), 400, 'VALIDATION_FAILED');
      expect(extra.errors[0].path).toBe('/role');
      expectProblem(await send('POST', '/api/signing/credentials', official.token, { ...base, file: { content: pki.signer.p12, fileName: 'a.p12' }, passphrase: pki.signer.passphrase }), 403, 'FORBIDDEN');
      expectProblem(await send('GET', '/api/signing/credentials', official.token), 403, 'FORBIDDEN');
      expectProblem(await send('DELETE', '/api/signing/credentials/999999', admin), 404, 'NOT_FOUND');
    });
  });

  describe('session credential', () => {
    it('is kept encrypted for the session, listed in my credentials, replaced, removed, and gone after sign-out', async () => {
      const user = await insertUser(t.db, { unitId: units.justice, roles: [{ role: 'division_head', unitId: units.justice }] });
      const token = await sessionTokenFor(t.db, user);
      const uploaded = await send('POST', '/api/signing/session-credential', token, { file: { content: pki.signer.p12, fileName: 'toi.p12' }, passphrase: pki.signer.passphrase });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      expect(uploaded.json()).toMatchObject({ subjectName: 'Nguyễn Văn Lãnh' });
      expect((await send('GET', '/api/signing/my-credentials', token)).json()).toMatchObject({ registered: [], session: { subjectName: 'Nguyễn Văn Lãnh' } });
      const again = await send('POST', '/api/signing/session-credential', token, { file: { content: pki.seal.p12, fileName: 'toi.p12' }, passphrase: pki.seal.passphrase });
      expect(again.statusCode).toBe(201);
      const rows = await t.db.selectFrom('signing_session_credentials').select(['subject_name', 'passphrase_encrypted']).where('user_id', '=', user.id).execute();
      expect(rows.map((r) => r.subject_name)).toEqual(['Sở Tư pháp tỉnh Điện Biên']);
      expect(rows[0].passphrase_encrypted).not.toContain(pki.seal.passphrase);

      expect((await send('DELETE', '/api/signing/session-credential', token)).statusCode).toBe(204);
      expectProblem(await send('DELETE', '/api/signing/session-credential', token), 404, 'NOT_FOUND');

      await send('POST', '/api/signing/session-credential', token, { file: { content: pki.signer.p12, fileName: 'toi.p12' }, passphrase: pki.signer.passphrase });
      const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) });
      expect(logout.statusCode).toBe(204);
      expect(await t.db.selectFrom('signing_session_credentials').select('session_id').where('user_id', '=', user.id).execute()).toEqual([]);
      const audited = await t.db.selectFrom('audit_log').select(['action', 'summary']).where('actor_id', '=', user.id).orderBy('seq').execute();
      expect(audited.map((r) => r.action)).toEqual([
        'signing.session_credential.add',
        'signing.session_credential.add',
        'signing.session_credential.remove',
        'signing.session_credential.add',
        'auth.logout',
      ]);
      expect(audited.at(-1)?.summary).toContain('signingCredentialRemoved');
    });

    it('refuses a wrong passphrase, a missing file and citizens', async () => {
      expectProblem(await send('POST', '/api/signing/session-credential', official.token, { file: { content: pki.signer.p12, fileName: 'a.p12' }, passphrase: 'sai' }), 422, 'SIGNING_BAD_PASSPHRASE');
      const missing = expectProblem(await send('POST', '/api/signing/session-credential', official.token, { passphrase: 'x' }), 400, 'VALIDATION_FAILED');
      expect(missing.errors[0].path).toBe('/file');
      expectProblem(await send('POST', '/api/signing/session-credential', citizen, { file: { content: pki.signer.p12, fileName: 'a.p12' }, passphrase: pki.signer.passphrase }), 403, 'FORBIDDEN');
      expectProblem(await send('GET', '/api/signing/my-credentials', citizen), 403, 'FORBIDDEN');
    });
  });

  describe('public verification', () => {
    it('verifies without signing in: trusted once the CA is in the trust list; unsigned PDF gives no signatures', async () => {
      const signer = Pkcs12Signer.load(pki.signer.p12, pki.signer.passphrase);
      const signed = await signPdf(await samplePdf(), signer, { reason: 'Ký ban hành' });
      const before = await send('POST', '/api/signatures/verify', null, { file: { content: signed, fileName: 'da-ky.pdf', type: 'application/pdf' } });
      expect(before.statusCode, before.body).toBe(200);
      expect(before.json().signatures).toMatchObject([{ signerName: 'Nguyễn Văn Lãnh', intact: true, trusted: false }]);
      const anchor = await send('POST', '/api/signing/trust-anchors', admin, { file: { content: pki.root.certificateDer, fileName: 'root.cer' }, label: 'CA kiểm thử' });
      expect(anchor.statusCode).toBe(201);
      const after = await send('POST', '/api/signatures/verify', null, { file: { content: signed, fileName: 'da-ky.pdf' } });
      expect(after.json().signatures).toMatchObject([{ signerName: 'Nguyễn Văn Lãnh', organisation: 'Sở Tư pháp tỉnh Điện Biên', intact: true, coversWholeDocument: true, trusted: true, certificateValid: true, problems: [] }]);
      const english = await t.app.inject({
        method: 'POST',
        url: '/api/signatures/verify',
        ...(await (async () => {
          const body = await multipartBody({ file: { content: signed.subarray(0, 2000), fileName: 'cut.pdf' } });
          return { payload: body.payload, headers: { ...body.headers, 'accept-language': 'en' } };
        })()),
      });
      expect(english.statusCode).toBe(200);
      const unsigned = await send('POST', '/api/signatures/verify', null, { file: { content: await samplePdf(), fileName: 'chua-ky.pdf' } });
      expect(unsigned.json()).toEqual({ signatures: [] });
    });

    it('answers problem documents: no file 400, not a PDF 422, not multipart 415', async () => {
      const none = expectProblem(await send('POST', '/api/signatures/verify', null, {}), 400, 'VALIDATION_FAILED');
      expect(none.errors[0].path).toBe('/file');
      expectProblem(await send('POST', '/api/signatures/verify', null, { file: { content: Buffer.from('GIF89a…'), fileName: 'anh.gif' } }), 422, 'SIGNING_NOT_PDF');
      expectProblem(await t.app.inject({ method: 'POST', url: '/api/signatures/verify', payload: { file: 'x' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses a PDF over the in-memory file limit with 413, although uploads to disk may be larger', async () => {
      expect(t.config.uploadMaxBytes).toBeGreaterThan(IN_MEMORY_LIMIT);
      const oversized = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(IN_MEMORY_LIMIT, 0x20)]);
      expectProblem(await send('POST', '/api/signatures/verify', null, { file: { content: oversized, fileName: 'lon.pdf' } }), 413, 'FILE_TOO_LARGE');
    });
  });
});
