import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer } from '../../../test/support/fixtures.js';
import { expectProblem, oneStopProcedure, setUpOneStop, type OneStopWorld, type Person } from '../../../test/support/one-stop.js';
import { extractPdfText } from '../../../test/support/pdf.js';
import { feeDueDossier, feeProcedure, fileAtCounter, ONLINE_FEE_VND, payAtCounter } from '../../../test/support/payments.js';
import { getTestPki } from '../../../test/support/pki.js';
import { openSecretBox } from '../signing/secret-box.js';
import { verifyPdfWithTrustList } from '../signing/trust-list.js';
import { renderFeeReceipt } from './receipt-pdf.js';

describe.each(DIALECTS)('receipts on %s', (dialect) => {
  let t: TestApp;
  let w: OneStopWorld;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpOneStop(t.db, [oneStopProcedure(), feeProcedure()]);
  });
  afterAll(async () => t?.close());

  const receipt = (person: Person, id: number | string) => t.app.inject({ method: 'GET', url: `/api/payments/${id}/receipt`, headers: bearer(person.token) });

  it('lists the citizen’s receipts and prints each as a Vietnamese biên lai with the amount in words', async () => {
    const code = await feeDueDossier(t.app, w.citizen);
    const paid = await payAtCounter(t.app, w.officer, code, { method: 'cash', amountVnd: ONLINE_FEE_VND });
    expect(paid.statusCode, paid.body).toBe(201);
    const payment = paid.json().payments[0];

    const list = await t.app.inject({ method: 'GET', url: '/api/me/receipts', headers: bearer(w.citizen.token) });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual({
      id: payment.id,
      receiptNo: payment.receiptNo,
      dossierCode: code,
      procedureName: 'Cấp bản sao trích lục hộ tịch',
      amountVnd: ONLINE_FEE_VND,
      channel: 'cash',
      paidAt: payment.paidAt,
    });
    const others = await t.app.inject({ method: 'GET', url: '/api/me/receipts', headers: bearer(w.otherCitizen.token) });
    expect(others.json().items).toEqual([]);

    const pdf = await receipt(w.citizen, payment.id);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('private, no-store');
    const text = await extractPdfText(pdf.rawPayload);
    expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(text).toContain(`Số: ${payment.receiptNo}`);
    expect(text).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH');
    expect(text).toContain('Tên người nộp: Lò Thị Thanh');
    expect(text).toContain(`Mã hồ sơ: ${code}`);
    expect(text).toContain('Lệ phí cấp bản sao trích lục');
    expect(text).toContain('Giảm 50% (Nộp hồ sơ trực tuyến)');
    expect(text).toContain('Tổng số tiền');
    expect(text).toContain('10.000');
    expect(text).toContain('Số tiền bằng chữ: Mười nghìn đồng');
    expect(text).toContain('Hình thức thanh toán: Tiền mặt');
    expect(text).toMatch(/Ngày thu: \d{2}\/\d{2}\/\d{4}/);
    expect(text).toContain('chưa được ký số');
    expect(text).toContain('NGƯỜI THU TIỀN Quàng Thị Mai');
    // The applicant's own reads are not audited; an official's are.
    expect(await t.db.selectFrom('audit_log').select('seq').where('action', '=', 'payment.receipt.read').execute()).toEqual([]);
    expect((await receipt(w.officer, payment.id)).statusCode).toBe(200);
    const audited = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'payment.receipt.read').execute();
    expect(audited.map((a) => [a.actor_id, a.entity_id])).toEqual([[w.officer.id, String(payment.id)]]);
  });

  it('answers 404 to anyone who may not read the dossier, and for a payment that does not exist', async () => {
    const response = await fileAtCounter(t.app, w.officer, { payment: { method: 'bank_transfer', reference: 'FT26331' } });
    expect(response.statusCode, response.body).toBe(201);
    const id = (await t.db.selectFrom('payments').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    expectProblem(await receipt(w.otherCitizen, id), 404, 'NOT_FOUND');
    expectProblem(await receipt(w.outsider, id), 404, 'NOT_FOUND');
    expectProblem(await receipt(w.citizen, id), 404, 'NOT_FOUND');
    expectProblem(await receipt(w.officer, 999_999), 404, 'NOT_FOUND');
    const bad = expectProblem(await receipt(w.officer, 'abc'), 400, 'VALIDATION_FAILED');
    expect(bad.errors[0].path).toContain('id');
    const text = await extractPdfText((await receipt(w.officer, id)).rawPayload);
    expect(text).toContain('Tên người nộp: Giàng A Páo');
    expect(text).toContain('Số tiền bằng chữ: Hai mươi nghìn đồng');
    expect(text).toContain('Hình thức thanh toán: Chuyển khoản');
  });

  it('is signed with the collecting unit’s seal once one is registered, and the signature verifies (issue 4)', async () => {
    const pki = getTestPki();
    const secrets = openSecretBox(t.config);
    const code = await feeDueDossier(t.app, w.citizen);
    const paid = await payAtCounter(t.app, w.officer, code, { method: 'cash', amountVnd: ONLINE_FEE_VND });
    expect(paid.statusCode, paid.body).toBe(201);
    const payment = paid.json().payments[0];
    const { unit_id: unitId } = await t.db.selectFrom('payments').select('unit_id').where('id', '=', payment.id).executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const certificate = { subject_name: pki.seal.commonName, organisation: pki.seal.organisation, issuer_name: 'CN=CA Trung gian Kiểm thử', serial: '01', not_before: now, not_after: now, fingerprint_sha256: 'f' };
    await t.db
      .insertInto('signing_credentials')
      .values({ owner_kind: 'unit_seal', user_id: null, unit_id: Number(unitId), label: 'Con dấu số', ...certificate, p12_encrypted: secrets.encrypt(pki.seal.p12), passphrase_encrypted: secrets.encrypt(pki.seal.passphrase), status: 'active', created_by: null, created_at: now, revoked_at: null })
      .execute();
    await t.db
      .insertInto('signing_trust_anchors')
      .values({ label: 'CA kiểm thử', subject: 'CN=CA Gốc Kiểm thử', issuer: 'CN=CA Gốc Kiểm thử', serial: '01', not_before: now, not_after: now, fingerprint_sha256: 'receipt-test-root', certificate_der: pki.root.certificateDer.toString('base64'), status: 'active', created_by: null, created_at: now, removed_at: null })
      .execute();

    const pdf = await receipt(w.citizen, payment.id);
    expect(pdf.statusCode).toBe(200);
    const [signature, ...more] = await verifyPdfWithTrustList(t.db, pdf.rawPayload);
    expect(more).toEqual([]);
    expect(signature).toMatchObject({ signerName: pki.seal.commonName, intact: true, coversWholeDocument: true, trusted: true, certificateValid: true, problems: [] });
    const text = await extractPdfText(pdf.rawPayload);
    expect(text).toContain(`được ký số bằng chứng thư số của ${pki.seal.commonName}`);
    expect(text).not.toContain('chưa được ký số');
  });
});

describe('biên lai PDF', () => {
  it('says on a duplicate payment’s receipt that the money will be refunded', async () => {
    const pdf = await renderFeeReceipt({
      agency: { name: 'Trung tâm Phục vụ hành chính công tỉnh', superiorName: 'UBND tỉnh Điện Biên' },
      placeName: 'Điện Biên',
      issuedAt: new Date('2026-03-09T02:15:00Z'),
      receiptNo: '2026-000042',
      payer: { fullName: 'Lò Thị Thanh' },
      dossierCode: '000.00.30.H18-260309-0007',
      procedureName: 'Cấp Phiếu lý lịch tư pháp',
      lines: [{ code: 'phi', name: 'Phí cung cấp thông tin lý lịch tư pháp', unitAmountVnd: 200_000, quantity: 1, amountVnd: 200_000, reduction: null, payableVnd: 200_000 }],
      totalVnd: 200_000,
      method: 'Thanh toán trực tuyến qua cổng thanh toán',
      paidAt: new Date('2026-03-09T02:15:00Z'),
      duplicate: true,
    });
    const text = await extractPdfText(pdf);
    expect(text).toContain('Số: 2026-000042');
    expect(text).toContain('Ngày thu: 09/03/2026');
    expect(text).toContain('Số tiền bằng chữ: Hai trăm nghìn đồng');
    expect(text).toContain('sẽ được hoàn trả');
  });
});
