import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditContext } from '../../src/platform/audit/audit.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { bearer, multipartBody, TEST_PASSWORD, tokenFor, type TestUser } from '../support/fixtures.js';
import { pickOption, pickTreeOption, submitDialog } from './support/antd.js';
import { expectAccessible, screenshot, useChromiumSession } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { signIn } from './support/sign-in.js';

const auditContext: AuditContext = { actorId: null, actorUsername: 'system', ip: null, requestId: 'e2e-office-dossiers' };

// The smallest PDF a reader opens: catalogue, empty page tree, trailer.
const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
// Cấp Phiếu lý lịch tư pháp: a province-level procedure of Sở Tư pháp, received by the service centre (demo catalogue).
const PROCEDURE = '2.000488';
const demoUser = (username: string): TestUser => ({ id: 0, username, password: TEST_PASSWORD });

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

/** The demo citizen files one dossier online through the API (the portal's own e2e covers the browser side). */
async function fileOnline(server: RunningServer, purpose: string): Promise<string> {
  const attachments = [
    { requirement: 'to_khai', fileId: await upload(server, 'congdan', 'to-khai.pdf') },
    { requirement: 'giay_to_tuy_than', fileId: await upload(server, 'congdan', 'can-cuoc.pdf') },
  ];
  const response = await call(server, 'congdan', 'POST', '/api/dossiers', {
    procedureCode: PROCEDURE,
    channel: 'online',
    form: { nguoiYeuCauHoTen: 'Lò Thị Thanh', nguoiYeuCauSoDinhDanh: '011190004217', loaiPhieu: 'Phiếu số 1', mucDich: purpose, soLuongPhieu: 1 },
    attachments,
  });
  expect(response.statusCode, response.body).toBe(201);
  // The procedure has a fee (200.000 đ): the dossier waits for it, out of the desk's worklists, until it is paid; the
  // applicant pays in cash at the desk (the gateway path has its own e2e, payment.e2e.test.ts).
  const code: string = response.json().code;
  expect(response.json().status).toBe('fee_due');
  const token = await tokenFor(server.app, demoUser('motcua'));
  const paid = await server.app.inject({
    method: 'POST',
    url: `/api/dossiers/${encodeURIComponent(code)}/payment/counter`,
    headers: { ...bearer(token), 'idempotency-key': `e2e-${code}` },
    payload: { method: 'cash', amountVnd: 200_000 },
  });
  expect(paid.statusCode, paid.body).toBeLessThan(300);
  const row = await server.db.selectFrom('dossiers').select('status').where('code', '=', code).executeTakeFirstOrThrow();
  expect(row.status).toBe('submitted');
  return code;
}

/** The one-stop officer's side: worklists, counter filing with its receipt, and an action another officer took first. */
describe('one-stop office dossiers in Chromium', { timeout: 240_000 }, () => {
  const codes: string[] = [];
  let counterCode = '';
  const s = useChromiumSession(async (server) => {
    await seedDemo(server.db, { password: TEST_PASSWORD, auditContext });
    codes.push(await fileOnline(server, 'Bổ sung hồ sơ xin việc'), await fileOnline(server, 'Đi du học'));
  });
  beforeAll(() => s.context.setDefaultTimeout(30_000));
  const tab = (name: RegExp) => s.page.getByRole('tab', { name });
  const table = () => s.page.getByRole('tabpanel').getByRole('table');

  it('shows the worklists as tabs with counts; the tab, search and page live in the address', async () => {
    await signIn(s.page, demoUser('motcua'));
    await s.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Hồ sơ một cửa' }).click();
    await s.page.waitForURL('**/office/dossiers');
    await s.page.getByRole('heading', { level: 1, name: 'Hồ sơ một cửa' }).waitFor();
    await expect.poll(() => tab(/^Cần xử lý/).innerText()).toMatch(/Cần xử lý\s*2/);
    await expect.poll(() => tab(/^Chờ tiếp nhận/).innerText()).toMatch(/Chờ tiếp nhận\s*2/);
    await expect.poll(() => tab(/^Đang xử lý/).innerText()).toMatch(/Đang xử lý\s*0/);
    for (const code of codes) {
      const row = table().getByRole('row').filter({ hasText: code });
      await row.waitFor();
      expect(await row.innerText()).toContain('Lò Thị Thanh');
      expect(await row.innerText()).toContain('Mới đăng ký');
    }
    await expectAccessible(s.page);
    await screenshot(s.page, 'office-dossiers-worklist');

    await tab(/^Đang xử lý/).click();
    await s.page.waitForURL(/\/office\/dossiers\?tab=processing$/);
    await table().getByText('Không có hồ sơ nào trong danh sách này.').waitFor();

    await tab(/^Tất cả/).click();
    await s.page.waitForURL(/tab=all/);
    // Diacritics ignored: "lo thi thanh" finds "Lò Thị Thanh"; the code finds its own dossier only.
    await s.page.getByLabel('Mã hồ sơ hoặc tên người nộp').fill(codes[1]);
    await s.page.getByLabel('Mã hồ sơ hoặc tên người nộp').press('Enter');
    await s.page.waitForURL(/q=/);
    await expect.poll(() => table().locator('tbody tr').count()).toBe(1);
    await table().getByRole('row').filter({ hasText: codes[1] }).waitFor();
    await s.page.getByLabel('Mã hồ sơ hoặc tên người nộp').fill('lo thi thanh');
    await s.page.getByLabel('Mã hồ sơ hoặc tên người nộp').press('Enter');
    await s.page.waitForURL(/q=lo/);
    await expect.poll(() => table().locator('tbody tr').count()).toBe(2);
    expect(new URL(s.page.url()).searchParams.get('tab')).toBe('all');

    // The unit filter keeps the dossiers Sở Tư pháp handles and drops them for a commune.
    await pickTreeOption(s.page, s.page.locator('form[id="dossier-search"]'), 'Đơn vị', 'Sở Tư pháp');
    await s.page.waitForURL(/unit=000\.00\.05\.H18/);
    await expect.poll(() => table().locator('tbody tr').count()).toBe(2);
    await pickTreeOption(s.page, s.page.locator('form[id="dossier-search"]'), 'Đơn vị', 'UBND xã Nà Tấu');
    await table().getByText('Không có hồ sơ nào trong danh sách này.').waitFor();
  });

  it('receives an online dossier from its page: the receipt appears and the history names the officer', async () => {
    await s.page.goto(`/office/dossiers/${encodeURIComponent(codes[0])}`);
    await s.page.getByRole('heading', { level: 1, name: new RegExp(codes[0].replace(/[.]/g, '\\.')) }).waitFor();
    const form = s.page.getByRole('region', { name: 'Nội dung tờ khai' });
    // Labelled with the titles of the procedure version's schema, not the field keys.
    await expect.poll(() => form.innerText()).toContain('Mục đích sử dụng Phiếu');
    expect(await form.innerText()).toContain('Bổ sung hồ sơ xin việc');
    expect(await s.page.getByRole('region', { name: 'Thành phần hồ sơ' }).first().getByRole('link', { name: /to-khai\.pdf/ }).count()).toBe(1);
    await expectAccessible(s.page);
    await screenshot(s.page, 'office-dossier-submitted');

    const actions = s.page.getByRole('region', { name: 'Xử lý hồ sơ' });
    await actions.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    const dialog = s.page.getByRole('dialog', { name: /Tiếp nhận — hồ sơ/ });
    await dialog.getByLabel('Ghi chú').fill('Hồ sơ đầy đủ');
    await expectAccessible(s.page);
    await submitDialog(dialog, { name: 'Tiếp nhận' });
    await s.page.getByText('Đã thực hiện: Tiếp nhận.').waitFor();
    await s.page.getByRole('main').getByText('Được tiếp nhận').first().waitFor();
    const history = s.page.getByRole('region', { name: 'Quá trình xử lý' });
    await history.getByText('Hồ sơ đầy đủ').waitFor();
    expect(await history.innerText()).toContain('Quàng Thị Mai');
    const receipt = s.page.getByRole('link', { name: /Phiếu tiếp nhận/ });
    const response = await s.page.request.get((await receipt.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const row = await s.server.db.selectFrom('dossiers').select(['status']).where('code', '=', codes[0]).executeTakeFirstOrThrow();
    expect(row.status).toBe('received');
    await screenshot(s.page, 'office-dossier-received');
  });

  it('files a dossier at the counter: received at once, the receipt PDF opens', async () => {
    await s.page.goto('/office/dossiers');
    await s.page.getByRole('link', { name: 'Tiếp nhận trực tiếp' }).click();
    await s.page.waitForURL('**/office/dossiers/new');
    await s.page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ trực tiếp' }).waitFor();
    await s.page.getByLabel('Thủ tục hành chính', { exact: true }).fill('ly lich tu phap');
    await s.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: PROCEDURE }).first().click();
    // One competent unit: chosen already.
    await s.page.getByText('Sở Tư pháp', { exact: true }).first().waitFor();
    await s.page.getByLabel('Họ và tên', { exact: true }).fill('Giàng A Páo');
    // Too short for a personal identification number: the server's 400 is shown beside the field.
    await s.page.getByLabel('Số định danh cá nhân', { exact: true }).fill('0110');
    await s.page.getByLabel('Điện thoại', { exact: true }).fill('0912345678');
    await s.page.getByLabel('Địa chỉ', { exact: true }).fill('Bản Phăng, xã Mường Phăng');
    await s.page.getByLabel('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu').setInputFiles({ name: 'to-khai-quet.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await s.page.getByText('Đã tải: to-khai-quet.pdf').waitFor();
    await s.page.getByLabel('Bản chụp giấy tờ tùy thân của người được cấp Phiếu').setInputFiles({ name: 'cccd-quet.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await s.page.getByText('Đã tải: cccd-quet.pdf').waitFor();
    await s.page.getByLabel('Họ, chữ đệm, tên người yêu cầu').fill('Giàng A Páo');
    await s.page.getByLabel('Số định danh cá nhân của người yêu cầu').fill('011088001234');
    await pickOption(s.page, s.page.locator('form').last(), 'Loại phiếu yêu cầu cấp', 'Phiếu số 2');
    await s.page.getByLabel('Mục đích sử dụng Phiếu').fill('Làm thủ tục nhận con nuôi');
    // The applicant pays the 200.000 đ fee in cash as he hands the dossier in, so it is received at once.
    await s.page.getByText('Phí, lệ phí phải nộp: 200.000 ₫').waitFor();
    await s.page.getByRole('checkbox', { name: 'Thu lệ phí ngay' }).check();
    await expectAccessible(s.page);
    await screenshot(s.page, 'office-dossier-counter-form');
    await s.page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    const identityItem = s.page.locator('.ant-form-item').filter({ has: s.page.getByLabel('Số định danh cá nhân', { exact: true }) });
    await identityItem.locator('.ant-form-item-explain-error').waitFor();
    await s.page.getByRole('alert').first().waitFor();
    expect(await s.server.db.selectFrom('dossiers').select('code').where('channel', '=', 'counter').execute()).toEqual([]);
    await expectAccessible(s.page);
    await screenshot(s.page, 'office-dossier-counter-invalid');
    await s.page.getByLabel('Số định danh cá nhân', { exact: true }).fill('011088001234');
    await s.page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();

    const title = s.page.getByRole('heading', { level: 1, name: /^Đã tiếp nhận hồ sơ / });
    await title.waitFor();
    const code = (await title.innerText()).replace('Đã tiếp nhận hồ sơ ', '').trim();
    counterCode = code;
    const row = await s.server.db.selectFrom('dossiers').select(['status', 'channel']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'received', channel: 'counter' });
    const href = await s.page.getByRole('link', { name: 'Mở phiếu tiếp nhận (PDF)' }).getAttribute('href');
    const receipt = await s.page.request.get(href!);
    expect(receipt.status()).toBe(200);
    expect(receipt.headers()['content-type']).toContain('application/pdf');
    expect((await receipt.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectAccessible(s.page);
    await screenshot(s.page, 'office-dossier-counter-done');
  });

  it('records at the desk the papers an applicant without an account brings for a supplement', async () => {
    const url = `/api/dossiers/${encodeURIComponent(counterCode)}/actions`;
    expect((await call(s.server, 'motcua', 'POST', url, { action: 'forward' })).statusCode).toBe(200);
    const asked = await call(s.server, 'chuyenvien', 'POST', url, { action: 'request_supplement', items: ['Tờ khai có chữ ký của người yêu cầu'] });
    expect(asked.statusCode, asked.body).toBe(200);

    await s.page.goto(`/office/dossiers/${encodeURIComponent(counterCode)}`);
    const actions = s.page.getByRole('region', { name: 'Xử lý hồ sơ' });
    await actions.getByRole('button', { name: 'Bổ sung hồ sơ' }).click();
    const dialog = s.page.getByRole('dialog', { name: /Bổ sung hồ sơ — hồ sơ/ });
    await dialog
      .getByLabel('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu')
      .setInputFiles({ name: 'to-khai-co-chu-ky.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await dialog.getByText('Đã tải: to-khai-co-chu-ky.pdf').waitFor();
    await expectAccessible(s.page);
    await screenshot(s.page, 'office-dossier-desk-supplement');
    await submitDialog(dialog, { name: 'Bổ sung hồ sơ' });
    await s.page.getByRole('region', { name: 'Thành phần hồ sơ' }).first().getByText('to-khai-co-chu-ky.pdf').waitFor();
    const row = await s.server.db.selectFrom('dossiers').select(['status', 'current_step']).where('code', '=', counterCode).executeTakeFirstOrThrow();
    // The workflow's request_supplement transition leads back to reception (tham_dinh → tiep_nhan).
    expect(row).toEqual({ status: 'processing', current_step: 'tiep_nhan' });
  });

  it('shows why an action was refused (409) with what is allowed now, and the fresh state', async () => {
    await s.page.goto(`/office/dossiers/${encodeURIComponent(codes[1])}`);
    const actions = s.page.getByRole('region', { name: 'Xử lý hồ sơ' });
    await actions.getByRole('button', { name: 'Tiếp nhận', exact: true }).waitFor();
    // Another officer at the desk receives it first (the same account in another tab would do the same).
    const first = await call(s.server, 'motcua', 'POST', `/api/dossiers/${encodeURIComponent(codes[1])}/actions`, { action: 'receive' });
    expect(first.statusCode, first.body).toBe(200);

    await actions.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    const dialog = s.page.getByRole('dialog', { name: /Tiếp nhận — hồ sơ/ });
    await dialog.getByRole('button', { name: 'Tiếp nhận' }).click();
    const alert = actions.getByRole('alert');
    await alert.getByText('Không thực hiện được thao tác').waitFor();
    expect(await alert.innerText()).toMatch(/Các thao tác được phép lúc này: .*Chuyển xử lý/);
    // The page now shows the dossier as received, with the buttons of that state.
    await actions.getByRole('button', { name: 'Chuyển xử lý' }).waitFor();
    expect(await actions.getByRole('button', { name: 'Tiếp nhận', exact: true }).count()).toBe(0);
    await expectAccessible(s.page);
    await screenshot(s.page, 'office-dossier-conflict');
  });

  it('opens the register (Sổ theo dõi hồ sơ) of the officer\'s unit for a period as a PDF', async () => {
    await s.page.goto('/office/dossiers');
    await s.page.getByRole('button', { name: 'Sổ theo dõi hồ sơ' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'In sổ theo dõi hồ sơ' });
    // The officer's own unit and this month are proposed.
    await dialog.getByText('Trung tâm Phục vụ hành chính công tỉnh Điện Biên').waitFor();
    await expectAccessible(s.page);
    await screenshot(s.page, 'office-dossiers-register');
    const opened = s.context.waitForEvent('request', (request) => request.url().includes('/api/dossiers/register'));
    await dialog.getByRole('button', { name: 'Mở sổ (PDF)' }).click();
    const url = new URL((await opened).url());
    expect(url.searchParams.get('unit')).toBe('000.00.30.H18');
    expect(url.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-01$/);
    const register = await s.page.request.get(url.pathname + url.search);
    expect(register.status()).toBe(200);
    expect(register.headers()['content-type']).toContain('application/pdf');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('a dossier the official may not see answers "not found"', async () => {
    await s.page.goto('/office/dossiers/H18-KHONG-CO');
    await s.page.getByRole('heading', { level: 1, name: 'Không tìm thấy hồ sơ' }).waitFor();
    await expectAccessible(s.page);
  });
});
