import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createDocument, finishDocument, paragraph } from '../../platform/pdf/index.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { DIEN_BIEN } from '../demo/dien-bien.js';
import { seedProvince } from '../demo/seed-province.js';
import { DEMO_CA_NAME, seedDemoSigning } from './demo-signing.js';
import { resolveSealSigner, resolveUserSigner } from './resolve-signer.js';
import { openSecretBox } from './secret-box.js';
import { signPdf } from './sign-pdf.js';
import { verifyPdfWithTrustList } from './trust-list.js';

const auditContext = { actorId: null, actorUsername: 'system', ip: null, requestId: 'test' };

describe.each(DIALECTS)('demo signing credentials on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { SECRET_KEY: 'demo-signing-tests-secret-key-0123456789' });
    await seedProvince(t.db, DIEN_BIEN, { auditContext });
  });
  afterAll(async () => t?.close());

  it('lists the demo CA, gives lanhdao, lanhdao.vp and truongphong a credential and two units a seal; all labelled DEMO; once only', async () => {
    expect(await seedDemoSigning(t.db, t.config, auditContext)).toBe(6);
    expect(await seedDemoSigning(t.db, t.config, auditContext)).toBe(0);
    const anchors = await t.db.selectFrom('signing_trust_anchors').select(['label', 'subject']).execute();
    expect(anchors).toEqual([{ label: `${DEMO_CA_NAME} (thử nghiệm)`, subject: expect.stringContaining(`CN=${DEMO_CA_NAME}`) }]);
    const credentials = await t.db
      .selectFrom('signing_credentials')
      .leftJoin('users', 'users.id', 'signing_credentials.user_id')
      .leftJoin('units', 'units.id', 'signing_credentials.unit_id')
      .select(['signing_credentials.owner_kind', 'signing_credentials.label', 'users.username', 'units.code'])
      .orderBy('signing_credentials.id')
      .execute();
    expect(credentials.map((c) => [c.owner_kind, c.username ?? c.code])).toEqual([
      ['user', expect.any(String)],
      ['user', expect.any(String)],
      ['user', expect.any(String)],
      ['unit_seal', expect.stringMatching(/^000\.00\.0[15]\.H18$/)],
      ['unit_seal', expect.stringMatching(/^000\.00\.0[15]\.H18$/)],
    ]);
    expect(credentials.filter((c) => c.username).map((c) => c.username).sort()).toEqual(['lanhdao', 'lanhdao.vp', 'truongphong']);
    expect(credentials.every((c) => c.label.startsWith('DEMO — '))).toBe(true);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("signs with lanhdao's credential and Sở Tư pháp's seal; both signatures verify against the demo trust list", async () => {
    const secrets = openSecretBox(t.config);
    const leader = await t.db.selectFrom('users').select(['id', 'full_name']).where('username', '=', 'lanhdao').executeTakeFirstOrThrow();
    const credential = await t.db.selectFrom('signing_credentials').select('id').where('user_id', '=', leader.id).executeTakeFirstOrThrow();
    const justice = await t.db.selectFrom('units').select(['id', 'name']).where('code', '=', '000.00.05.H18').executeTakeFirstOrThrow();
    const actor = { userId: Number(leader.id), kind: 'official', session: { id: 's' } } as never;
    const personal = await resolveUserSigner(t.db, secrets, actor, 's', { kind: 'registered', id: Number(credential.id) });
    const seal = await resolveSealSigner(t.db, secrets, Number(justice.id));
    const doc = createDocument({ title: 'Quyết định thử' });
    paragraph(doc, 'Quyết định ban hành quy chế văn thư, lưu trữ.');
    const signed = await signPdf(await signPdf(await finishDocument(doc), personal.signer, { reason: 'Ký ban hành' }), seal.signer, { reason: 'Đóng dấu' });
    const reports = await verifyPdfWithTrustList(t.db, signed);
    expect(reports.map((r) => [r.signerName, r.intact, r.trusted, r.certificateValid])).toEqual([
      [leader.full_name, true, true, true],
      [justice.name, true, true, true],
    ]);
  });
});
