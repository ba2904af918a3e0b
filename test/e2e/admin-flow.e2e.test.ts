import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authenticator } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_PASSWORD, insertProvinceTree, insertUser } from '../support/fixtures.js';
import { startServer, type RunningServer } from './support/server.js';
import { expectAccessible, launchChromium, newVietnameseContext, recordFailure, screenshot } from './support/browser.js';
import { pickOption, pickTreeOption } from './support/antd.js';

const NEW_USER_PASSWORD = 'Mường-Thanh-Điện-Biên-1954';

/**
 * The main path through the shell, in order: an administrator signs in for the first time and must
 * enrol TOTP, creates a unit and an official with a role in it, signs out; the official signs in and
 * works in the office shell. Steps share one browser page, so they run in sequence.
 */
describe('administrator and official in Chromium', { timeout: 120_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let tree: Awaited<ReturnType<typeof insertProvinceTree>>;

  beforeAll(async () => {
    server = await startServer();
    tree = await insertProvinceTree(server.db);
    await insertUser(server.db, {
      username: 'quantri',
      unitId: tree.province,
      roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }],
    });
    browser = await launchChromium();
    context = await newVietnameseContext(browser, server.baseUrl);
    page = await context.newPage();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await recordFailure(page, task.name);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('first sign-in of an administrator leads to TOTP enrolment, which the secret shown as text completes', async () => {
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/account/security');
    await page.getByText('Tài khoản quản trị phải bật xác thực hai lớp').waitFor();
    // The office is closed until enrolment is done.
    await page.goto('/office/units');
    await page.waitForURL('**/account/security');

    await page.getByRole('button', { name: 'Thiết lập ứng dụng xác thực' }).click();
    await page.getByRole('img', { name: 'Mã QR để thêm tài khoản vào ứng dụng xác thực' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await screenshot(page, 'account-security-enrol');
    await expectAccessible(page);

    await page.getByLabel('Mã xác thực (OTP)').fill(authenticator.generate(secret));
    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    await page.getByText('Xác thực hai lớp đang được bật.').waitFor();
    const admin = await server.db.selectFrom('users').select(['totp_enabled']).where('username', '=', 'quantri').executeTakeFirstOrThrow();
    expect(admin.totp_enabled).toBe(1);
    await expectAccessible(page);
  });

  it('the office shell shows the administrator menu and the unit tree', async () => {
    await page.getByRole('link', { name: 'Tiếp tục' }).click();
    await page.waitForURL(/\/office$/);
    const menu = page.getByRole('navigation', { name: 'Điều hướng chính' });
    for (const entry of ['Trang làm việc', 'Đơn vị', 'Tài khoản', 'Nhật ký hệ thống']) {
      await menu.getByRole('menuitem', { name: entry }).waitFor();
    }
    expect(await page.getByRole('banner').innerText()).toContain('UBND tỉnh Điện Biên');

    await menu.getByRole('menuitem', { name: 'Đơn vị' }).click();
    await page.waitForURL('**/office/units');
    const unitTree = page.getByRole('tree');
    await unitTree.getByText('Sở Tư pháp').waitFor();
    await unitTree.getByText('Sở Tư pháp').click();
    await page.getByRole('heading', { level: 2, name: 'Sở Tư pháp' }).waitFor();
    expect(await page.getByText('000.00.05.H18').count()).toBeGreaterThan(0);
    await screenshot(page, 'office-units');
    await expectAccessible(page);
  });

  it('creates a sub-unit; a malformed code is reported next to the field', async () => {
    await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị trực thuộc Sở Tư pháp' });
    await dialog.getByLabel('Mã định danh').fill('000.05.1');
    await dialog.getByLabel('Tên đơn vị').fill('Phòng Hành chính tư pháp');
    await dialog.getByLabel('Tên viết tắt').fill('HCTP');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    // The server's problem body (errors[].path = /code) lands under the code field.
    await dialog.locator('#unit-child_code_help').waitFor();
    expect(await dialog.locator('#unit-child_code_help').innerText()).not.toBe('');
    await expectAccessible(page);

    await dialog.getByLabel('Mã định danh').fill('000.05.01.H18');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('tree').getByText('Phòng Hành chính tư pháp').waitFor();
    const unit = await server.db.selectFrom('units').selectAll().where('code', '=', '000.05.01.H18').executeTakeFirstOrThrow();
    expect(unit).toMatchObject({ name: 'Phòng Hành chính tư pháp', short_name: 'HCTP', type: 'division', parent_id: tree.justice });
    const audit = await server.db.selectFrom('audit_log').select(['action']).where('entity_type', '=', 'unit').where('entity_id', '=', String(unit.id)).execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('creates an official with a role in the new unit, then finds them without typing diacritics', async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Tài khoản' }).click();
    await page.waitForURL('**/office/users');
    await page.getByRole('cell', { name: 'quantri', exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm tài khoản mới' });
    await dialog.getByLabel('Tên đăng nhập', { exact: true }).fill('nguyenvanan');
    await dialog.getByLabel('Họ và tên', { exact: true }).fill('Nguyễn Văn An');
    await pickTreeOption(page, dialog, 'Đơn vị công tác', 'Phòng Hành chính tư pháp');
    await dialog.getByLabel('Chức vụ', { exact: true }).fill('Chuyên viên');
    await dialog.getByLabel('Mật khẩu ban đầu', { exact: true }).fill(NEW_USER_PASSWORD);
    await dialog.getByRole('button', { name: 'Thêm vai trò' }).click();
    await pickOption(page, dialog, 'Vai trò', 'Chuyên viên');
    await pickTreeOption(page, dialog, 'Tại đơn vị', 'Phòng Hành chính tư pháp');
    await dialog.getByLabel('Áp dụng cho đơn vị cấp dưới').check();
    await screenshot(page, 'office-users-create');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'Nguyễn Văn An' }).waitFor();

    const user = await server.db.selectFrom('users').selectAll().where('username', '=', 'nguyenvanan').executeTakeFirstOrThrow();
    const unit = await server.db.selectFrom('units').select(['id']).where('code', '=', '000.05.01.H18').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ full_name: 'Nguyễn Văn An', kind: 'official', unit_id: unit.id, status: 'active' });
    const grants = await server.db.selectFrom('role_grants').selectAll().where('user_id', '=', user.id).execute();
    expect(grants).toMatchObject([{ role: 'specialist', unit_id: unit.id, include_subtree: 1 }]);

    await page.getByLabel('Tìm theo tên, tên đăng nhập, thư điện tử').fill('nguyen van an');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    expect(await page.locator('.ant-table-tbody').innerText()).toContain('Nguyễn Văn An');
    await screenshot(page, 'office-users');
    await expectAccessible(page);
  });

  it('the audit log lists what the administrator did', async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Nhật ký hệ thống' }).click();
    await page.waitForURL('**/office/audit');
    await page.getByRole('heading', { level: 1, name: 'Nhật ký hệ thống' }).waitFor();
    for (const action of ['user.create', 'unit.create', 'auth.totp.enabled']) {
      await page.getByRole('cell', { name: action, exact: true }).first().waitFor();
    }
    expect(await page.locator('.ant-table-tbody').innerText()).toContain('quantri');

    // A filter is sent to the server (GET /api/audit?action=…) and narrows the table.
    await page.getByLabel('Lọc theo hành động').fill('unit.create');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await screenshot(page, 'office-audit');
    await expectAccessible(page);
  });

  it('signs out; the new official signs in and lands in the office shell without administrator entries', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL('**/login');
    expect((await context.cookies()).find((cookie) => cookie.name === 'cqs_session')).toBeUndefined();

    await page.getByLabel('Tên đăng nhập').fill('nguyenvanan');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(NEW_USER_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/office$/);
    await page.getByRole('heading', { level: 1, name: 'Xin chào, Nguyễn Văn An' }).waitFor();
    const header = await page.getByRole('banner').innerText();
    expect(header).toContain('Nguyễn Văn An');
    expect(header).toContain('Phòng Hành chính tư pháp');
    const menu = page.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual(['Trang làm việc']);
    expect(await page.getByRole('main').innerText()).toContain('Chuyên viên');
    await screenshot(page, 'office-home-official');
    await expectAccessible(page);

    // Deny by default in the browser too: an administrator page answers "not found".
    await page.goto('/office/units');
    await page.getByText('Không tìm thấy trang').waitFor();
  });
});
