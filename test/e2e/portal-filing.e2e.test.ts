import { describe, expect, it } from 'vitest';
import type { AuditContext } from '../../src/platform/audit/audit.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { bearer, insertUser, multipartBody, TEST_PASSWORD, tokenFor, type TestUser } from '../support/fixtures.js';
import { confirmPopover, pickOption } from './support/antd.js';
import { expectAccessible, newVietnameseContext, screenshot, useChromiumSession } from './support/browser.js';
import type { RunningServer } from './support/server.js';

const auditContext: AuditContext = { actorId: null, actorUsername: 'system', ip: null, requestId: 'e2e-portal-filing' };

// The smallest PDF a reader opens: catalogue, empty page tree, trailer.
const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const PROCEDURE = '2.000488';
const PROCEDURE_NAME = /Cấp Phiếu lý lịch tư pháp/;
// The demo citizen (src/modules/demo/dien-bien.ts): Lò Thị Thanh, số định danh 011190004217.
const CITIZEN = { username: 'congdan', password: TEST_PASSWORD };
const CITIZEN_NAME = 'Lò Thị Thanh';
const CITIZEN_ID = '011190004217';
const official = (username: string): TestUser => ({ id: 0, username, password: TEST_PASSWORD });

async function act(server: RunningServer, username: string, code: string, body: Record<string, unknown>) {
  const token = await tokenFor(server.app, official(username));
  const response = await server.app.inject({
    method: 'POST',
    url: `/api/dossiers/${encodeURIComponent(code)}/actions`,
    headers: bearer(token),
    payload: body,
  });
  expect(response.statusCode, `${username} ${String(body.action)}: ${response.body}`).toBe(200);
  return response.json();
}

/**
 * The applicant pays the fee in cash at the desk, recorded by the one-stop officer (payments contract: a dossier with
 * fees waits in fee_due, out of the desk's reach, until paid); the gateway path has its own e2e (payment.e2e.test.ts).
 */
async function payAtCounter(server: RunningServer, username: string, code: string, amountVnd: number) {
  const token = await tokenFor(server.app, official(username));
  const response = await server.app.inject({
    method: 'POST',
    url: `/api/dossiers/${encodeURIComponent(code)}/payment/counter`,
    headers: { ...bearer(token), 'idempotency-key': `e2e-${code}` },
    payload: { method: 'cash', amountVnd },
  });
  expect(response.statusCode, `${username} pays ${code}: ${response.body}`).toBeLessThan(300);
}

async function uploadAs(server: RunningServer, username: string): Promise<string> {
  const token = await tokenFor(server.app, official(username));
  const body = await multipartBody({ file: { content: TINY_PDF, fileName: 'ket-qua.pdf', type: 'application/pdf' } });
  const response = await server.app.inject({ method: 'POST', url: '/api/files', headers: { ...bearer(token), ...body.headers }, payload: body.payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** The demo citizen finds a procedure, files it online (after a saved draft), follows it, and rates the result. */
describe('citizen files a dossier online in Chromium', { timeout: 240_000 }, () => {
  const s = useChromiumSession(async (server) => {
    await seedDemo(server.db, { password: TEST_PASSWORD, auditContext });
  });
  let code = '';
  const row = (name: string | RegExp) =>
    s.page.getByRole('region', { name: 'Thành phần hồ sơ' }).locator('.ant-list-item').filter({ hasText: name });

  it('finds the procedure typed without diacritics; "Nộp hồ sơ trực tuyến" asks to sign in first', async () => {
    await s.page.goto('/services');
    await s.page.getByLabel('Tên hoặc mã thủ tục').fill('cap phieu ly lich tu phap');
    await s.page.getByLabel('Tên hoặc mã thủ tục').press('Enter');
    const results = s.page.getByRole('region', { name: 'Kết quả tìm kiếm' });
    await expect.poll(() => results.getByRole('heading', { level: 3 }).first().innerText()).toMatch(PROCEDURE_NAME);
    await results.getByRole('heading', { level: 3 }).first().getByRole('link').click();
    await s.page.waitForURL(`**/services/${PROCEDURE}`);
    await s.page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await s.page.waitForURL(/\/login\?next=/);
    await s.page.getByLabel('Tên đăng nhập').fill(CITIZEN.username);
    await s.page.getByLabel('Mật khẩu', { exact: true }).fill(CITIZEN.password);
    await s.page.getByRole('button', { name: 'Đăng nhập' }).click();
    await s.page.waitForURL(`**/services/${PROCEDURE}/file`);
    await s.page.getByRole('heading', { level: 1, name: PROCEDURE_NAME }).waitFor();
    // Information not entered twice: the applicant block comes from the citizen's profile.
    expect(await s.page.getByLabel(/Họ, chữ đệm, tên người yêu cầu/).inputValue()).toBe(CITIZEN_NAME);
    await expectAccessible(s.page);
    await screenshot(s.page, 'portal-filing-form');
  });

  it('saves a draft and resumes it from "Hồ sơ của tôi"', async () => {
    await s.page.getByLabel(/Mục đích sử dụng Phiếu/).fill('Bổ sung hồ sơ xin việc');
    await s.page.getByRole('button', { name: 'Lưu nháp' }).click();
    await s.page.waitForURL(/\/file\?draft=\d+$/);
    await s.page.getByText(/^Đã lưu nháp\./).waitFor();

    await s.page.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
    await s.page.waitForURL('**/portal/dossiers');
    const drafts = s.page.locator('.ant-card').filter({ has: s.page.getByRole('heading', { name: 'Hồ sơ đang soạn (lưu nháp)' }) });
    await drafts.getByText(PROCEDURE_NAME).waitFor();
    await expectAccessible(s.page);
    await drafts.getByRole('link', { name: 'Tiếp tục' }).click();
    await s.page.waitForURL(/\/file\?draft=\d+$/);
    await s.page.getByText('Bạn đang tiếp tục một hồ sơ đã lưu nháp.', { exact: false }).waitFor();
    expect(await s.page.getByLabel(/Mục đích sử dụng Phiếu/).inputValue()).toBe('Bổ sung hồ sơ xin việc');
  });

  it('shows what is missing next to it, then files with an uploaded PDF and shows the dossier code', async () => {
    await s.page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    // The server's 400: the missing form choice under its field, the missing documents beside their rows.
    await s.page.locator('[role="alert"]').first().waitFor();
    await screenshot(s.page, 'portal-filing-errors');
    await expectAccessible(s.page);

    await pickOption(s.page, s.page.getByRole('region', { name: 'Tờ khai' }), 'Loại phiếu yêu cầu cấp', 'Phiếu số 1');
    for (const requirement of ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Bản chụp giấy tờ tùy thân']) {
      await row(requirement).locator('input[type="file"]').setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
      await row(requirement).getByText('to-khai.pdf').waitFor();
    }
    await row('Bản chụp giấy tờ tùy thân').getByRole('button', { name: /Gỡ bỏ/ }).click();
    await row('Bản chụp giấy tờ tùy thân').getByText('to-khai.pdf').waitFor({ state: 'detached' });
    await row('Bản chụp giấy tờ tùy thân')
      .locator('input[type="file"]')
      .setInputFiles({ name: 'can-cuoc.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await row('Bản chụp giấy tờ tùy thân').getByText('can-cuoc.pdf').waitFor();
    await screenshot(s.page, 'portal-filing-ready');

    await s.page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await s.page.getByRole('heading', { name: 'Nộp hồ sơ thành công' }).waitFor();
    code = (await s.page.getByTestId('filed-code').innerText()).trim();
    expect(code).toMatch(/-\d{6}-\d{4}$/);
    // The procedure has a fee (200.000 đ): the dossier waits for it and the page offers to pay online.
    await s.page.getByText('Yêu cầu thực hiện nghĩa vụ tài chính').first().waitFor();
    await s.page.getByRole('button', { name: 'Thanh toán trực tuyến' }).waitFor();
    await expectAccessible(s.page);
    await screenshot(s.page, 'portal-filing-done');
  });

  it('"Hồ sơ của tôi" lists the dossier (the draft is gone) and opens its detail; once the fee is paid it is "Mới đăng ký"', async () => {
    await s.page.getByRole('link', { name: 'Hồ sơ của tôi' }).last().click();
    await s.page.waitForURL('**/portal/dossiers');
    const filed = s.page.getByRole('region', { name: 'Hồ sơ đã nộp' });
    const dossierRow = filed.getByRole('row').filter({ hasText: code });
    await dossierRow.waitFor();
    expect(await dossierRow.innerText()).toContain('Yêu cầu thực hiện nghĩa vụ tài chính');
    await s.page.getByText('Không có hồ sơ lưu nháp.').waitFor();
    await expectAccessible(s.page);
    await screenshot(s.page, 'portal-my-dossiers');

    await dossierRow.getByRole('link', { name: code }).click();
    await s.page.waitForURL(`**/portal/dossiers/${code}`);
    await s.page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await s.page.getByRole('region', { name: 'Thành phần hồ sơ' }).getByText('can-cuoc.pdf').waitFor();
    const payment = s.page.getByTestId('payment-card');
    await payment.getByText('Chưa thanh toán').waitFor();
    expect(await s.page.getByTestId('payment-amount').innerText()).toMatch(/^200\.000\s₫$/);
    await expectAccessible(s.page);
    await screenshot(s.page, 'portal-dossier-detail');

    await payAtCounter(s.server, 'motcua', code, 200_000);
    await s.page.reload();
    await s.page.getByText('Mới đăng ký').first().waitFor();
    await payment.getByText('Đã thanh toán').waitFor();
    await payment.getByRole('link', { name: /Biên lai số \d{4}-\d{6}/ }).waitFor();
  });

  it('public tracking by code, the name only with the right ID number, and a clear answer for an unknown code', async () => {
    const anonymous = await newVietnameseContext(s.browser, s.server.baseUrl);
    const page = await anonymous.newPage();
    try {
      await page.goto(`/tracking/${code}`);
      await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
      await page.getByText('Mới đăng ký').first().waitFor();
      expect(await page.getByTestId('tracking-applicant').count()).toBe(0);
      await expectAccessible(page);

      await page.getByLabel('Số định danh cá nhân').fill('011190009999');
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.getByText('Số định danh không khớp', { exact: false }).waitFor();
      expect(await page.getByTestId('tracking-applicant').count()).toBe(0);

      await page.getByLabel('Số định danh cá nhân').fill(CITIZEN_ID);
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await expect.poll(() => page.getByTestId('tracking-applicant').innerText()).toBe(CITIZEN_NAME);
      expect(page.url()).not.toContain(CITIZEN_ID);
      await screenshot(page, 'portal-tracking');

      await page.goto('/tracking');
      await page.getByLabel('Mã hồ sơ').fill('000.00.05.H18-000101-9999');
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.waitForURL('**/tracking/000.00.05.H18-000101-9999');
      await page.getByRole('heading', { name: 'Không tìm thấy hồ sơ' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'portal-tracking-not-found');
    } finally {
      await anonymous.close();
    }
  });

  it("another citizen gets the not-found page for this citizen's dossier", async () => {
    const other = await insertUser(s.server.db, { kind: 'citizen', fullName: 'Vàng A Páo', identityNumber: '011095001234' });
    const context = await newVietnameseContext(s.browser, s.server.baseUrl);
    const page = await context.newPage();
    try {
      await page.goto('/login');
      await page.getByLabel('Tên đăng nhập').fill(other.username);
      await page.getByLabel('Mật khẩu', { exact: true }).fill(other.password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => url.pathname !== '/login');
      await page.goto(`/portal/dossiers/${code}`);
      await page.getByText('Không tìm thấy trang').waitFor();
      expect(await page.getByText(CITIZEN_NAME).count()).toBe(0);
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });

  it('after the result is returned, the citizen reads the inbox and rates the dossier once', async () => {
    // The office's part through the API: received at the centre, examined and signed at Sở Tư pháp (the procedure's
    // approver is the division head, truongphong) with an electronic result, returned by the centre.
    await act(s.server, 'motcua', code, { action: 'receive' });
    await act(s.server, 'motcua', code, { action: 'forward' });
    await act(s.server, 'chuyenvien', code, { action: 'forward' });
    const resultFileId = await uploadAs(s.server, 'truongphong');
    await act(s.server, 'truongphong', code, { action: 'approve', resultFileId });
    const returned = await act(s.server, 'motcua', code, { action: 'return_result' });
    expect(returned.status).toBe('returned');

    await s.page.goto('/portal/notifications');
    await s.page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    await s.page.locator('.ant-list-item').first().waitFor();
    await expectAccessible(s.page);
    await screenshot(s.page, 'portal-notifications');

    // The notice links to the dossier (the server writes it on its public address; the portal opens it in place).
    await s.page.getByRole('link', { name: `Hồ sơ ${code} đã có kết quả` }).click();
    await s.page.waitForURL(`**/portal/dossiers/${code}`);
    await s.page.getByText('Đã trả kết quả').first().waitFor();
    await s.page.getByRole('link', { name: /Tải kết quả giải quyết/ }).waitFor();
    await s.page.getByText('5 sao', { exact: true }).click();
    await s.page.getByText('Rất hài lòng').waitFor();
    await s.page.getByLabel('Góp ý (không bắt buộc)').fill('Nhanh, đúng hẹn.');
    await expectAccessible(s.page);
    await s.page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await s.page.getByText('Bạn đã đánh giá 5/5 sao').waitFor();
    await s.page.getByText('“Nhanh, đúng hẹn.”').waitFor();
    expect(await s.page.getByRole('button', { name: 'Gửi đánh giá' }).count()).toBe(0);
    await expectAccessible(s.page);
    await screenshot(s.page, 'portal-rated');
  });

  // A commune procedure: the citizen picks the commune and reuses a document from the data store, supplements when
  // the commune's desk asks, then withdraws.
  let communeCode = '';

  it('deletes a draft it no longer needs', async () => {
    await s.page.goto('/services/1.004222/file');
    await s.page.getByRole('heading', { level: 1, name: 'Đăng ký thường trú' }).waitFor();
    await s.page.getByRole('button', { name: 'Lưu nháp' }).click();
    await s.page.waitForURL(/\/file\?draft=\d+$/);
    await s.page.goto('/portal/dossiers');
    const drafts = s.page.locator('.ant-card').filter({ has: s.page.getByRole('heading', { name: 'Hồ sơ đang soạn (lưu nháp)' }) });
    await drafts.getByText('Đăng ký thường trú').waitFor();
    await drafts.getByRole('button', { name: 'Xóa bản nháp: Đăng ký thường trú' }).click();
    await confirmPopover(s.page, 'Xác nhận');
    await drafts.getByText('Không có hồ sơ lưu nháp.').waitFor();
    expect(await s.server.db.selectFrom('dossier_drafts').select('id').execute()).toEqual([]);
  });

  it('files a commune procedure: the commune picked, a document chosen from the data store', async () => {
    await s.page.goto('/services/1.004222/file');
    await s.page.getByRole('heading', { level: 1, name: 'Đăng ký thường trú' }).waitFor();
    await pickOption(s.page, s.page.getByRole('region', { name: 'Nơi nộp hồ sơ' }), 'Xã, phường nơi nộp hồ sơ', 'UBND phường Điện Biên Phủ');
    const form = s.page.getByRole('region', { name: 'Tờ khai' });
    await form.getByLabel(/Địa chỉ đề nghị đăng ký thường trú/).fill('Tổ dân phố 5, phường Điện Biên Phủ');
    await form.getByLabel(/Quan hệ với chủ hộ/).fill('Con');
    await row('Tờ khai').locator('input[type="file"]').setInputFiles({ name: 'to-khai-thuong-tru.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await row('Tờ khai').getByText('to-khai-thuong-tru.pdf').waitFor();
    // Kho dữ liệu: the identity paper uploaded with the first dossier is offered again.
    const stored = row(/chỗ ở hợp pháp/);
    await stored.getByRole('combobox', { name: /Chọn từ kho dữ liệu/ }).click();
    await s.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'can-cuoc.pdf' }).first().click();
    await stored.getByText('Từ kho dữ liệu').waitFor();
    await expectAccessible(s.page);
    await screenshot(s.page, 'portal-filing-commune');
    // A double click files once: the page sends one Idempotency-Key per visit, so a second request replays.
    await s.page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).dblclick();
    await s.page.getByRole('heading', { name: 'Nộp hồ sơ thành công' }).waitFor();
    communeCode = (await s.page.getByTestId('filed-code').innerText()).trim();
    expect(communeCode.startsWith('000.01.50.H18-')).toBe(true);
    const filed = await s.server.db.selectFrom('dossiers').select('code').where('procedure_code', '=', '1.004222').execute();
    expect(filed.map((dossier) => dossier.code)).toEqual([communeCode]);
  });

  it('supplements the dossier when the commune asks, then withdraws it', async () => {
    // Paid at the commune's desk first (10.000 đ online rate): until then the desk cannot act on it.
    expect((await s.server.db.selectFrom('dossiers').select('status').where('code', '=', communeCode).executeTakeFirstOrThrow()).status).toBe('fee_due');
    await payAtCounter(s.server, 'motcua.dbp', communeCode, 10_000);
    await act(s.server, 'motcua.dbp', communeCode, { action: 'request_supplement', items: ['Bản sao giấy tờ chứng minh chỗ ở hợp pháp có chứng thực'] });
    await s.page.goto(`/portal/dossiers/${communeCode}`);
    const supplement = s.page.locator('section, .ant-card').filter({ has: s.page.getByRole('heading', { name: 'Bổ sung hồ sơ' }) }).last();
    await supplement.getByText('Bản sao giấy tờ chứng minh chỗ ở hợp pháp có chứng thực').waitFor();
    const proof = supplement.locator('.ant-list-item').filter({ hasText: /chỗ ở hợp pháp/ });
    await proof.locator('input[type="file"]').setInputFiles({ name: 'cho-o-chung-thuc.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await proof.getByText('cho-o-chung-thuc.pdf').waitFor();
    await expectAccessible(s.page);
    await screenshot(s.page, 'portal-supplement');
    await supplement.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await s.page.getByRole('heading', { name: 'Bổ sung hồ sơ' }).waitFor({ state: 'detached' });
    await s.page.getByRole('region', { name: 'Thành phần hồ sơ' }).getByText('cho-o-chung-thuc.pdf').waitFor();

    await s.page.getByRole('button', { name: 'Rút hồ sơ' }).click();
    await confirmPopover(s.page, 'Rút hồ sơ');
    await s.page.getByText('Công dân yêu cầu rút hồ sơ').first().waitFor();
    expect(await s.page.getByRole('button', { name: 'Rút hồ sơ' }).count()).toBe(0);
    await screenshot(s.page, 'portal-withdrawn');
  });
});
