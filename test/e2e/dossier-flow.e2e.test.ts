import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditContext } from '../../src/platform/audit/audit.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { bearer, multipartBody, TEST_PASSWORD, tokenFor, type TestUser } from '../support/fixtures.js';
import { pickOption, submitDialog } from './support/antd.js';
import { expectAccessible, newVietnameseContext, screenshot, useChromiumSession } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { signIn } from './support/sign-in.js';

const auditContext: AuditContext = { actorId: null, actorUsername: 'system', ip: null, requestId: 'e2e-dossier-flow' };

// The smallest PDF a reader opens: catalogue, empty page tree, trailer.
const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
// Cấp Phiếu lý lịch tư pháp (demo catalogue): filed at the service centre (motcua), examined at Sở Tư pháp
// (chuyenvien), signed by the head of its justice administration division (truongphong): the demo procedure's
// approval step asks for a division head, so the leader who signs here is truongphong rather than lanhdao.
const PROCEDURE = '2.000488';
const PROCEDURE_NAME = /Cấp Phiếu lý lịch tư pháp/;
const CITIZEN_NAME = 'Lò Thị Thanh';
const CITIZEN_ID = '011190004217';
const demoUser = (username: string): TestUser => ({ id: 0, username, password: TEST_PASSWORD });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function upload(server: RunningServer, username: string, fileName: string): Promise<string> {
  const token = await tokenFor(server.app, demoUser(username));
  const body = await multipartBody({ file: { content: TINY_PDF, fileName, type: 'application/pdf' } });
  const response = await server.app.inject({ method: 'POST', url: '/api/files', headers: { ...bearer(token), ...body.headers }, payload: body.payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function expectPdf(page: Page, href: string | null): Promise<void> {
  expect(href).toBeTruthy();
  const response = await page.request.get(href!);
  expect(response.status(), href!).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
}

/**
 * The main path, each person in their own browser: a citizen files online, the one-stop officer receives,
 * the specialist forwards, the head of division approves with a result file, the officer returns the result, and the
 * citizen sees it, tracks it by code and rates it. Then the supplement path and a late dossier with an apology slip.
 */
describe('dossier lifecycle across the portal and the office in Chromium', { timeout: 600_000 }, () => {
  const s = useChromiumSession(async (server) => {
    await seedDemo(server.db, { password: TEST_PASSWORD, auditContext });
  });
  const pages = new Map<string, Page>();
  beforeAll(() => s.context.setDefaultTimeout(30_000));
  /** One signed-in browser context per person, kept for the whole suite. */
  async function as(username: string): Promise<Page> {
    const known = pages.get(username);
    if (known) return known;
    const context = await newVietnameseContext(s.browser, s.server.baseUrl);
    // Several browsers and a server share two cores here: allow slow steps without hiding a missing element.
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await signIn(page, demoUser(username));
    pages.set(username, page);
    return page;
  }
  afterAll(async () => {
    for (const page of pages.values()) await page.context().close();
  });

  /** Opens the dossier from the officer's worklist tab, as an official would find it. */
  async function openFromWorklist(page: Page, tab: RegExp, code: string): Promise<void> {
    await page.goto('/office/dossiers');
    await page.getByRole('tab', { name: tab }).click();
    await page.getByRole('tabpanel').getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(escape(code)) }).waitFor();
  }

  async function take(page: Page, action: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
    const actions = page.getByRole('region', { name: 'Xử lý hồ sơ' });
    await actions.getByRole('button', { name: action, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`^${escape(action)} — hồ sơ`) });
    await dialog.waitFor();
    if (fill) await fill(dialog);
    await submitDialog(dialog, { name: action, exact: true });
    await page.getByText(`Đã thực hiện: ${action}.`).first().waitFor();
  }

  const statusOf = async (code: string) =>
    (await s.server.db.selectFrom('dossiers').select(['status', 'current_step']).where('code', '=', code).executeTakeFirstOrThrow());

  let code = '';

  it('the citizen finds the procedure typed without diacritics and files it online with attachments', async () => {
    const citizen = s.page;
    await citizen.goto('/services');
    await citizen.getByLabel('Tên hoặc mã thủ tục').fill('cap phieu ly lich tu phap');
    await citizen.getByLabel('Tên hoặc mã thủ tục').press('Enter');
    const results = citizen.getByRole('region', { name: 'Kết quả tìm kiếm' });
    await expect.poll(() => results.getByRole('heading', { level: 3 }).first().innerText()).toMatch(PROCEDURE_NAME);
    await results.getByRole('heading', { level: 3 }).first().getByRole('link').click();
    await citizen.waitForURL(`**/services/${PROCEDURE}`);
    await citizen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await citizen.waitForURL(/\/login\?next=/);
    await citizen.getByLabel('Tên đăng nhập').fill('congdan');
    await citizen.getByLabel('Mật khẩu', { exact: true }).fill(TEST_PASSWORD);
    await citizen.getByRole('button', { name: 'Đăng nhập' }).click();
    await citizen.waitForURL(`**/services/${PROCEDURE}/file`);
    await citizen.getByLabel(/Mục đích sử dụng Phiếu/).fill('Bổ sung hồ sơ xin việc');
    await pickOption(citizen, citizen.getByRole('region', { name: 'Tờ khai' }), 'Loại phiếu yêu cầu cấp', 'Phiếu số 1');
    const row = (name: string) => citizen.getByRole('region', { name: 'Thành phần hồ sơ' }).locator('.ant-list-item').filter({ hasText: name });
    for (const [requirement, file] of [
      ['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'to-khai.pdf'],
      ['Bản chụp giấy tờ tùy thân', 'can-cuoc.pdf'],
    ]) {
      await row(requirement).locator('input[type="file"]').setInputFiles({ name: file, mimeType: 'application/pdf', buffer: TINY_PDF });
      await row(requirement).getByText(file).waitFor();
    }
    await citizen.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await citizen.getByRole('heading', { name: 'Nộp hồ sơ thành công' }).waitFor();
    code = (await citizen.getByTestId('filed-code').innerText()).trim();
    // The procedure has a fee (200.000 đ): the dossier waits for it before the desk may receive it.
    expect((await statusOf(code)).status).toBe('fee_due');
  });

  it('the applicant pays the fee in cash at the desk: the officer records it and the dossier goes to intake', async () => {
    const officer = await as('motcua');
    await officer.goto(`/office/dossiers/${code}`);
    const payment = officer.getByTestId('office-payment');
    await payment.getByRole('heading', { name: 'Thu phí tại quầy' }).waitFor();
    expect(await payment.getByLabel('Số tiền thu').inputValue()).toMatch(/^200\.000\s₫$/);
    await payment.getByRole('button', { name: 'Xác nhận đã thu' }).click();
    await payment.getByText('Đã thanh toán').waitFor();
    await payment.getByRole('link', { name: /Biên lai số \d{4}-\d{6}/ }).waitFor();
    expect((await statusOf(code)).status).toBe('submitted');
  });

  it('the one-stop officer receives it (receipt PDF) and forwards it for examination', async () => {
    const officer = await as('motcua');
    await openFromWorklist(officer, /^Chờ tiếp nhận/, code);
    await take(officer, 'Tiếp nhận', (dialog) => dialog.getByLabel('Ghi chú').fill('Đủ thành phần hồ sơ'));
    await expectPdf(officer, await officer.getByRole('link', { name: /Phiếu tiếp nhận/ }).getAttribute('href'));
    await take(officer, 'Chuyển xử lý');
    expect(await statusOf(code)).toEqual({ status: 'processing', current_step: 'tham_dinh' });
    await expectAccessible(officer);
    await screenshot(officer, 'office-flow-forwarded');
  });

  it('the specialist finds it in "Cần xử lý" and forwards it for approval', async () => {
    const specialist = await as('chuyenvien');
    await openFromWorklist(specialist, /^Cần xử lý/, code);
    await take(specialist, 'Chuyển xử lý', (dialog) => dialog.getByLabel('Ghi chú').fill('Đủ điều kiện cấp Phiếu'));
    expect(await statusOf(code)).toEqual({ status: 'processing', current_step: 'phe_duyet' });
  });

  it('the head of division approves with the electronic result file', async () => {
    const leader = await as('truongphong');
    await openFromWorklist(leader, /^Cần xử lý/, code);
    await take(leader, 'Phê duyệt', async (dialog) => {
      await dialog.getByLabel('Tệp kết quả giải quyết').setInputFiles({ name: 'phieu-ly-lich-tu-phap.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
      await dialog.getByText('Đã tải: phieu-ly-lich-tu-phap.pdf').waitFor();
      await expectAccessible(leader);
      await screenshot(leader, 'office-flow-approve');
    });
    expect((await statusOf(code)).status).toBe('result_ready');
    await leader.getByRole('main').getByText('Đã xử lý xong').first().waitFor();
  });

  it('the officer returns the result', async () => {
    const officer = await as('motcua');
    await openFromWorklist(officer, /^Chờ trả kết quả/, code);
    await take(officer, 'Trả kết quả');
    expect((await statusOf(code)).status).toBe('returned');
    const history = officer.getByRole('region', { name: 'Quá trình xử lý' });
    for (const name of ['Quàng Thị Mai', 'Nguyễn Thị Thu Hà', 'Lường Văn Dũng']) await history.getByText(name).first().waitFor();
    await history.getByRole('link', { name: 'phieu-ly-lich-tu-phap.pdf' }).waitFor();
    await expectAccessible(officer);
    await screenshot(officer, 'office-flow-returned');
  });

  it('the citizen sees the result in "Hồ sơ của tôi", tracks it by code and rates it', async () => {
    const citizen = s.page;
    await citizen.goto('/portal/dossiers');
    const filed = citizen.getByRole('region', { name: 'Hồ sơ đã nộp' });
    const row = filed.getByRole('row').filter({ hasText: code });
    await expect.poll(() => row.innerText()).toContain('Đã trả kết quả');

    await citizen.goto('/tracking');
    await citizen.getByLabel('Mã hồ sơ').fill(code);
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    await citizen.waitForURL(`**/tracking/${code}`);
    await citizen.getByText('Đã trả kết quả').first().waitFor();
    await citizen.getByLabel('Số định danh cá nhân').fill(CITIZEN_ID);
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => citizen.getByTestId('tracking-applicant').innerText()).toBe(CITIZEN_NAME);

    await citizen.goto(`/portal/dossiers/${code}`);
    await citizen.getByRole('link', { name: /Tải kết quả giải quyết/ }).waitFor();
    await citizen.getByText('5 sao', { exact: true }).click();
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.getByText('Bạn đã đánh giá 5/5 sao').waitFor();
    const rating = await s.server.db.selectFrom('dossier_ratings').select(['score']).execute();
    expect(rating).toEqual([{ score: 5 }]);

    // The office sees the rating on the dossier.
    const officer = await as('motcua');
    await officer.goto(`/office/dossiers/${encodeURIComponent(code)}`);
    await officer.getByText('5/5 điểm').waitFor();
  });

  let late = '';

  it('supplement path: the officer asks for two documents, the citizen supplements online, the officer receives it', async () => {
    // Filed through the API: the browser filing is covered above.
    const token = await tokenFor(s.server.app, demoUser('congdan'));
    const attachments = [
      { requirement: 'to_khai', fileId: await upload(s.server, 'congdan', 'to-khai.pdf') },
      { requirement: 'giay_to_tuy_than', fileId: await upload(s.server, 'congdan', 'can-cuoc.pdf') },
    ];
    const filed = await s.server.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: bearer(token),
      payload: {
        procedureCode: PROCEDURE,
        channel: 'online',
        form: { nguoiYeuCauHoTen: CITIZEN_NAME, nguoiYeuCauSoDinhDanh: CITIZEN_ID, loaiPhieu: 'Phiếu số 2', mucDich: 'Đi du học' },
        attachments,
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    late = filed.json().code;
    expect(filed.json().status).toBe('fee_due');
    // Paid at the desk through the API (the browser side is covered above), so the officer may take it in.
    const paid = await s.server.app.inject({
      method: 'POST',
      url: `/api/dossiers/${encodeURIComponent(late)}/payment/counter`,
      headers: { ...bearer(await tokenFor(s.server.app, demoUser('motcua'))), 'idempotency-key': `e2e-${late}` },
      payload: { method: 'cash', amountVnd: 200_000 },
    });
    expect(paid.statusCode, paid.body).toBeLessThan(300);

    const officer = await as('motcua');
    await openFromWorklist(officer, /^Chờ tiếp nhận/, late);
    await take(officer, 'Yêu cầu bổ sung', async (dialog) => {
      await dialog.getByLabel('Giấy tờ 1').fill('Bản chụp căn cước còn hạn');
      await dialog.getByRole('button', { name: 'Thêm giấy tờ' }).click();
      await dialog.getByLabel('Giấy tờ 2').fill('Tờ khai có chữ ký của người yêu cầu');
      await expectAccessible(officer);
      await screenshot(officer, 'office-flow-request-supplement');
    });
    expect((await statusOf(late)).status).toBe('supplement_requested');
    await expectPdf(officer, await officer.getByRole('link', { name: /Phiếu yêu cầu bổ sung/ }).getAttribute('href'));
    const history = officer.getByRole('region', { name: 'Quá trình xử lý' });
    await history.getByText('Tờ khai có chữ ký của người yêu cầu').waitFor();

    const citizen = s.page;
    await citizen.goto(`/portal/dossiers/${late}`);
    await citizen.getByText('Bản chụp căn cước còn hạn').first().waitFor();
    const supplement = citizen.locator('.ant-card').filter({ has: citizen.getByRole('heading', { name: 'Bổ sung hồ sơ' }) });
    await supplement
      .locator('.ant-list-item')
      .filter({ hasText: 'Bản chụp giấy tờ tùy thân' })
      .locator('input[type="file"]')
      .setInputFiles({ name: 'can-cuoc-moi.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await supplement.getByText('can-cuoc-moi.pdf').waitFor();
    await supplement.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await expect.poll(async () => (await statusOf(late)).status).toBe('submitted');

    await openFromWorklist(officer, /^Chờ tiếp nhận/, late);
    await officer.getByRole('region', { name: 'Thành phần hồ sơ' }).first().getByText('can-cuoc-moi.pdf').waitFor();
    await take(officer, 'Tiếp nhận');
    expect((await statusOf(late)).status).toBe('received');
  });

  it('a late dossier is listed as overdue and the officer sends an apology with a new appointment', async () => {
    // Made late in the database: its deadline (and its step's) moved to yesterday, as if received long ago.
    const yesterday = new Date(Date.now() - 24 * 3_600_000).toISOString();
    await s.server.db.updateTable('dossiers').set({ due_at: yesterday, step_due_at: yesterday }).where('code', '=', late).execute();

    const officer = await as('motcua');
    await openFromWorklist(officer, /^Quá hạn/, late);
    await officer.getByRole('main').getByText('Quá hạn').first().waitFor();
    await take(officer, 'Xin lỗi và hẹn lại', async (dialog) => {
      // The system's proposed appointment is filled in already.
      expect(await dialog.getByLabel('Ngày hẹn trả mới').inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
      await dialog.getByLabel('Lý do chậm trễ').fill('Chờ kết quả xác minh từ cơ quan công an');
      await expectAccessible(officer);
      await screenshot(officer, 'office-flow-apology');
    });
    await expectPdf(officer, await officer.getByRole('link', { name: /Phiếu xin lỗi/ }).getAttribute('href'));
    const row = await s.server.db.selectFrom('dossiers').select(['due_at']).where('code', '=', late).executeTakeFirstOrThrow();
    expect(new Date(row.due_at!).getTime()).toBeGreaterThan(Date.now());
    // The history shows the new appointment; the reason is printed on the apology slip (form 04).
    await expect.poll(() => officer.getByRole('region', { name: 'Quá trình xử lý' }).innerText()).toMatch(/Hẹn trả mới: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await expectAccessible(officer);
    await screenshot(officer, 'office-flow-late');
  });
});
