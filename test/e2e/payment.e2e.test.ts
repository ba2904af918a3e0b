import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditContext } from '../../src/platform/audit/audit.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { bearer, multipartBody, TEST_PASSWORD, tokenFor, type TestUser } from '../support/fixtures.js';
import { startGatewaySandbox } from '../support/gateway-sandbox.js';
import { pickOption } from './support/antd.js';
import { expectAccessible, screenshot, useChromiumSession } from './support/browser.js';
import { freePort, type RunningServer } from './support/server.js';
import { signIn } from './support/sign-in.js';

const auditContext: AuditContext = { actorId: null, actorUsername: 'system', ip: null, requestId: 'e2e-payment' };

// The smallest PDF a reader opens: catalogue, empty page tree, trailer.
const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
// Đăng ký thường trú: 20.000 đ, halved when filed online (demo catalogue, Circular 75/2022/TT-BTC).
const PROCEDURE = '1.004222';
const COMMUNE = 'UBND phường Điện Biên Phủ';
const MERCHANT = 'CQSE2E01';
const SECRET = randomBytes(32).toString('hex');
const demoUser = (username: string): TestUser => ({ id: 0, username, password: TEST_PASSWORD });
const vnd = (text: string) => new RegExp(text.replace('.', '\\.') + '\\s₫');

async function call(server: RunningServer, username: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const token = await tokenFor(server.app, demoUser(username));
  return server.app.inject({ method, url, headers: bearer(token), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
}

async function upload(server: RunningServer, username: string, fileName: string): Promise<string> {
  const token = await tokenFor(server.app, demoUser(username));
  const body = await multipartBody({ file: { content: TINY_PDF, fileName, type: 'application/pdf' } });
  const response = await server.app.inject({ method: 'POST', url: '/api/files', headers: { ...bearer(token), ...body.headers }, payload: body.payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function statusOf(server: RunningServer, code: string): Promise<string | undefined> {
  const row = await server.db.selectFrom('dossiers').select('status').where('code', '=', code).executeTakeFirst();
  return row?.status;
}

/**
 * Cashless fee payment end to end: the real server and the real gateway sandbox (its own process) sign and verify each
 * other's parameters with one merchant secret; the sandbox calls the server's IPN address, then sends the browser back.
 */
describe('fee payment through the gateway sandbox in Chromium', { timeout: 300_000 }, () => {
  const env: Record<string, string> = {};
  let sandbox: Awaited<ReturnType<typeof startGatewaySandbox>> | undefined;
  // Registered before the session's hooks, so the server starts knowing its own address and the sandbox's.
  beforeAll(async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    sandbox = await startGatewaySandbox({ merchants: [{ code: MERCHANT, secret: SECRET, ipnUrl: `${baseUrl}/api/payments/gateway/ipn` }] });
    Object.assign(env, {
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      PAYMENT_GATEWAY_URL: sandbox.payUrl,
      PAYMENT_MERCHANT_CODE: MERCHANT,
      PAYMENT_HASH_SECRET: SECRET,
    });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  const s = useChromiumSession(async (server) => {
    await seedDemo(server.db, { password: TEST_PASSWORD, auditContext });
  }, env);
  beforeAll(() => s.context.setDefaultTimeout(30_000));

  let code = '';
  const row = (name: string | RegExp) =>
    s.page.getByRole('region', { name: 'Thành phần hồ sơ' }).locator('.ant-list-item').filter({ hasText: name });
  const paymentCard = () => s.page.getByTestId('payment-card');

  it('the citizen files thường trú online: the dossier waits for its fee and offers to pay online', async () => {
    await signIn(s.page, demoUser('congdan'));
    await s.page.goto(`/services/${PROCEDURE}/file`);
    await s.page.getByRole('heading', { level: 1, name: 'Đăng ký thường trú' }).waitFor();
    await pickOption(s.page, s.page.getByRole('region', { name: 'Nơi nộp hồ sơ' }), 'Xã, phường nơi nộp hồ sơ', COMMUNE);
    const form = s.page.getByRole('region', { name: 'Tờ khai' });
    await form.getByLabel(/Địa chỉ đề nghị đăng ký thường trú/).fill('Tổ dân phố 5, phường Điện Biên Phủ');
    await form.getByLabel(/Quan hệ với chủ hộ/).fill('Con');
    for (const [requirement, name] of [['Tờ khai', 'to-khai.pdf'], [/chỗ ở hợp pháp/, 'cho-o.pdf']] as const) {
      await row(requirement).locator('input[type="file"]').first().setInputFiles({ name, mimeType: 'application/pdf', buffer: TINY_PDF });
      await row(requirement).getByText(name).waitFor();
    }
    // The live quote for online filing: 20.000 đ halved.
    await expect.poll(() => s.page.getByTestId('fee-total').innerText()).toMatch(vnd('10.000'));
    await s.page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await s.page.getByRole('heading', { name: 'Nộp hồ sơ thành công' }).waitFor();
    code = (await s.page.getByTestId('filed-code').innerText()).trim();
    await s.page.getByText('Yêu cầu thực hiện nghĩa vụ tài chính').first().waitFor();
    await s.page.getByRole('button', { name: 'Thanh toán trực tuyến' }).waitFor();
    expect(await statusOf(s.server, code)).toBe('fee_due');
    await expectAccessible(s.page);
  });

  it('the dossier page shows the fee: 10.000 ₫ online, the reduction on its line, not yet paid', async () => {
    await s.page.goto(`/portal/dossiers/${code}`);
    await paymentCard().waitFor();
    await expect.poll(() => s.page.getByTestId('payment-amount').innerText()).toMatch(vnd('10.000'));
    const card = await paymentCard().innerText();
    expect(card).toContain('Chưa thanh toán');
    expect(card).toMatch(vnd('20.000'));
    expect(card).toMatch(/50%/);
    await expectAccessible(s.page);
    await screenshot(s.page, 'payment-card');
  });

  it('a declined payment leaves the dossier waiting for its fee', async () => {
    await paymentCard().getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
    await s.page.waitForURL((url) => url.href.startsWith(sandbox!.url));
    await s.page.getByText(vnd('10.000')).first().waitFor();
    await s.page.getByRole('button', { name: 'Hủy giao dịch' }).click();
    await s.page.waitForURL('**/portal/payments/return?**');
    await s.page.getByRole('heading', { name: 'Thanh toán không thành công' }).waitFor();
    await expectAccessible(s.page);
    await screenshot(s.page, 'payment-return-declined');
    expect(await statusOf(s.server, code)).toBe('fee_due');

    await s.page.getByRole('link', { name: `Xem hồ sơ ${code}` }).click();
    await s.page.waitForURL(`**/portal/dossiers/${code}`);
    await s.page.getByText('Yêu cầu thực hiện nghĩa vụ tài chính').first().waitFor();
    await paymentCard().getByText('Chưa thanh toán').waitFor();
  });

  it('pays on the sandbox page, returns to "Đã thanh toán", and the dossier goes to the desk as "Mới đăng ký"', async () => {
    await paymentCard().getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
    await s.page.waitForURL((url) => url.href.startsWith(sandbox!.url));
    await s.page.getByText(vnd('10.000')).first().waitFor();
    await screenshot(s.page, 'payment-sandbox-page');
    await s.page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
    await s.page.waitForURL('**/portal/payments/return?**');
    await s.page.getByRole('heading', { name: 'Đã thanh toán' }).waitFor();
    await s.page.getByText(vnd('10.000')).first().waitFor();
    await expectAccessible(s.page);
    await screenshot(s.page, 'payment-return-paid');
    expect(await statusOf(s.server, code)).toBe('submitted');

    await s.page.getByRole('link', { name: `Xem hồ sơ ${code}` }).click();
    await s.page.waitForURL(`**/portal/dossiers/${code}`);
    await s.page.getByText('Mới đăng ký').first().waitFor();
    await paymentCard().getByText('Đã thanh toán').waitFor();
    expect(await paymentCard().getByRole('button', { name: 'Thanh toán trực tuyến' }).count()).toBe(0);
  });

  it('the receipt downloads as a PDF from the dossier and from "Biên lai điện tử"', async () => {
    const link = paymentCard().getByRole('link', { name: /Biên lai số \d{4}-\d{6}/ });
    await link.waitFor();
    const href = await link.getAttribute('href');
    const pdf = await s.page.request.get(href ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');

    await s.page.goto('/portal/dossiers');
    const receipts = s.page.getByRole('region', { name: 'Biên lai điện tử' });
    const receiptRow = receipts.getByRole('row').filter({ hasText: code });
    await receiptRow.waitFor();
    expect(await receiptRow.innerText()).toMatch(vnd('10.000'));
    await expectAccessible(s.page);
  });

  it('a late IPN: the return page waits for the gateway\'s confirmation, then shows the payment without a reload', async () => {
    const unit = await s.server.db.selectFrom('units').select('code').where('name', 'like', '%phường Điện Biên Phủ%').executeTakeFirstOrThrow();
    const filed = await call(s.server, 'congdan', 'POST', '/api/dossiers', {
      procedureCode: PROCEDURE,
      channel: 'online',
      unitCode: unit.code,
      form: { nguoiYeuCauHoTen: 'Lò Thị Thanh', nguoiYeuCauSoDinhDanh: '011190004217', diaChiThuongTru: 'Tổ dân phố 5, phường Điện Biên Phủ', quanHeChuHo: 'Con' },
      attachments: [
        { requirement: 'to_khai', fileId: await upload(s.server, 'congdan', 'ct01.pdf') },
        { requirement: 'cho_o_hop_phap', fileId: await upload(s.server, 'congdan', 'cho-o.pdf') },
      ],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const lateCode: string = filed.json().code;

    await s.page.goto(`/portal/dossiers/${lateCode}`);
    await paymentCard().getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
    await s.page.waitForURL((url) => url.href.startsWith(sandbox!.url));
    // The sandbox's "lost callback" scenario: approved and redirected, but no IPN sent.
    await s.page.getByLabel('Kịch bản thử nghiệm').selectOption('no_ipn');
    await s.page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
    await s.page.waitForURL('**/portal/payments/return?**');
    await s.page.getByRole('heading', { name: 'Đang chờ xác nhận từ cổng thanh toán' }).waitFor();
    expect(await statusOf(s.server, lateCode)).toBe('fee_due');
    await expectAccessible(s.page);
    await screenshot(s.page, 'payment-return-pending');

    const txnRef = new URL(s.page.url()).searchParams.get('vnp_TxnRef');
    const delivered = await fetch(`${sandbox!.url}/sandbox/ipn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ txnRef, outcome: 'approve' }),
    });
    expect(await delivered.json()).toMatchObject({ responses: [{ RspCode: '00' }] });
    // The page asks for the dossier's payment every 2 s: it turns to "Đã thanh toán" by itself.
    await s.page.getByRole('heading', { name: 'Đã thanh toán' }).waitFor();
    await s.page.getByRole('link', { name: 'Tải biên lai điện tử' }).waitFor();
    expect(await statusOf(s.server, lateCode)).toBe('submitted');
  });

  it('the one-stop officer collects a counter-filed dossier\'s fee at the counter (a transfer needs its reference)', async () => {
    const unit = await s.server.db.selectFrom('units').select('code').where('name', 'like', '%phường Điện Biên Phủ%').executeTakeFirstOrThrow();
    const filed = await call(s.server, 'motcua.dbp', 'POST', '/api/dossiers', {
      procedureCode: PROCEDURE,
      channel: 'counter',
      unitCode: unit.code,
      applicant: { fullName: 'Quàng Văn Lả', identityNumber: '011088001122' },
      form: { nguoiYeuCauHoTen: 'Quàng Văn Lả', nguoiYeuCauSoDinhDanh: '011088001122', diaChiThuongTru: 'Tổ dân phố 2, phường Điện Biên Phủ', quanHeChuHo: 'Chủ hộ' },
      attachments: [{ requirement: 'to_khai', fileId: await upload(s.server, 'motcua.dbp', 'ct01.pdf') }],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const counterCode: string = filed.json().code;
    expect(filed.json().status).toBe('fee_due');

    const officer = await s.browser.newContext({ baseURL: s.server.baseUrl, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 860 } });
    officer.setDefaultTimeout(30_000);
    const page = await officer.newPage();
    try {
      await signIn(page, demoUser('motcua.dbp'));
      await page.goto(`/office/dossiers/${counterCode}`);
      const card = page.getByTestId('office-payment');
      await card.getByRole('heading', { name: 'Thu phí tại quầy' }).waitFor();
      expect(await card.getByLabel('Số tiền thu').inputValue()).toMatch(vnd('20.000'));
      await pickOption(page, card, 'Hình thức nộp', 'Chuyển khoản');
      await card.getByRole('button', { name: 'Xác nhận đã thu' }).click();
      await card.getByText('Vui lòng nhập Mã giao dịch chuyển khoản.').waitFor();
      await expectAccessible(page);
      await screenshot(page, 'payment-office-card');
      await card.getByLabel('Mã giao dịch chuyển khoản').fill('FT26331000123');
      await card.getByRole('button', { name: 'Xác nhận đã thu' }).click();
      await card.getByText('Đã thanh toán').waitFor();
      await card.getByRole('link', { name: /Biên lai số \d{4}-\d{6}/ }).waitFor();
      await page.getByText('Mới đăng ký').first().waitFor();
      expect(await card.getByRole('heading', { name: 'Thu phí tại quầy' }).count()).toBe(0);
      expect(await statusOf(s.server, counterCode)).toBe('submitted');
      const collected = await s.server.db
        .selectFrom('payments')
        .innerJoin('payment_orders', 'payment_orders.id', 'payments.order_id')
        .innerJoin('dossiers', 'dossiers.id', 'payment_orders.dossier_id')
        .select(['payments.channel', 'payments.amount_vnd', 'payments.reference', 'payments.status'])
        .where('dossiers.code', '=', counterCode)
        .execute();
      expect(collected.map((p) => ({ ...p, amount_vnd: Number(p.amount_vnd) }))).toEqual([
        { channel: 'bank_transfer', amount_vnd: 20_000, reference: 'FT26331000123', status: 'valid' },
      ]);
      await screenshot(page, 'payment-office-paid');
    } finally {
      await officer.close();
    }
  });
});
