import { describe, expect, it } from 'vitest';
import { authenticator } from 'otplib';
import { TEST_PASSWORD, insertProvinceTree, insertUser } from '../support/fixtures.js';
import { expectAccessible, screenshot, useChromiumSession } from './support/browser.js';
import { pickOption, pickTreeOption, submitDialog } from './support/antd.js';

const NEW_USER_PASSWORD = 'Mường-Thanh-Điện-Biên-1954';

/**
 * The main path through the shell, in order: an administrator signs in for the first time and must
 * enrol TOTP, creates a unit and an official with a role in it, signs out; the official signs in and
 * works in the office shell. Steps share one browser page, so they run in sequence.
 */
describe('administrator and official in Chromium', { timeout: 120_000 }, () => {
  let tree: Awaited<ReturnType<typeof insertProvinceTree>>;
  const s = useChromiumSession(async (server) => {
    tree = await insertProvinceTree(server.db);
    await insertUser(server.db, {
      username: 'quantri',
      unitId: tree.province,
      roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }],
    });
  });

  it('first sign-in of an administrator leads to TOTP enrolment, which the secret shown as text completes', async () => {
    await s.page.goto('/login');
    await s.page.getByLabel('Tên đăng nhập').fill('quantri');
    await s.page.getByLabel('Mật khẩu', { exact: true }).fill(TEST_PASSWORD);
    await s.page.getByRole('button', { name: 'Đăng nhập' }).click();
    await s.page.waitForURL('**/account/security');
    await s.page.getByText('Tài khoản quản trị phải bật xác thực hai lớp').waitFor();
    // The office is closed until enrolment is done.
    await s.page.goto('/office/units');
    await s.page.waitForURL('**/account/security');

    await s.page.getByRole('button', { name: 'Thiết lập ứng dụng xác thực' }).click();
    await s.page.getByRole('img', { name: 'Mã QR để thêm tài khoản vào ứng dụng xác thực' }).waitFor();
    const secret = (await s.page.getByTestId('totp-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await screenshot(s.page, 'account-security-enrol');
    await expectAccessible(s.page);

    await s.page.getByLabel('Mã xác thực (OTP)').fill(authenticator.generate(secret));
    await s.page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    await s.page.getByText('Xác thực hai lớp đang được bật.').waitFor();
    const admin = await s.server.db.selectFrom('users').select(['totp_enabled']).where('username', '=', 'quantri').executeTakeFirstOrThrow();
    expect(admin.totp_enabled).toBe(1);
    await expectAccessible(s.page);
  });

  it('the office shell shows the administrator menu and the unit tree', async () => {
    await s.page.getByRole('link', { name: 'Tiếp tục' }).click();
    await s.page.waitForURL(/\/office$/);
    const menu = s.page.getByRole('navigation', { name: 'Điều hướng chính' });
    for (const entry of ['Trang làm việc', 'Đơn vị', 'Tài khoản', 'Nhật ký hệ thống']) {
      await menu.getByRole('menuitem', { name: entry }).waitFor();
    }
    expect(await s.page.getByRole('banner').innerText()).toContain('UBND tỉnh Điện Biên');

    await menu.getByRole('menuitem', { name: 'Đơn vị' }).click();
    await s.page.waitForURL('**/office/units');
    const unitTree = s.page.getByRole('tree');
    await unitTree.getByText('Sở Tư pháp').waitFor();
    await unitTree.getByText('Sở Tư pháp').click();
    await s.page.getByRole('heading', { level: 2, name: 'Sở Tư pháp' }).waitFor();
    expect(await s.page.getByText('000.00.05.H18').count()).toBeGreaterThan(0);
    await screenshot(s.page, 'office-units');
    await expectAccessible(s.page);
  });

  it('creates a sub-unit; a malformed code is reported next to the field', async () => {
    await s.page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Thêm đơn vị trực thuộc Sở Tư pháp' });
    await dialog.getByLabel('Mã định danh').fill('000.05.1');
    await dialog.getByLabel('Tên đơn vị').fill('Phòng Hành chính tư pháp');
    await dialog.getByLabel('Tên viết tắt').fill('HCTP');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    // The server's problem body (errors[].path = /code) lands under the code field.
    await dialog.locator('#unit-child_code_help').waitFor();
    expect(await dialog.locator('#unit-child_code_help').innerText()).not.toBe('');
    await expectAccessible(s.page);

    await dialog.getByLabel('Mã định danh').fill('000.05.01.H18');
    await submitDialog(dialog, { name: 'Lưu' });
    await s.page.getByRole('tree').getByText('Phòng Hành chính tư pháp').waitFor();
    const unit = await s.server.db.selectFrom('units').selectAll().where('code', '=', '000.05.01.H18').executeTakeFirstOrThrow();
    expect(unit).toMatchObject({ name: 'Phòng Hành chính tư pháp', short_name: 'HCTP', type: 'division', parent_id: tree.justice });
    const audit = await s.server.db.selectFrom('audit_log').select(['action']).where('entity_type', '=', 'unit').where('entity_id', '=', String(unit.id)).execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('creates an official with a role in the new unit, then finds them without typing diacritics', async () => {
    await s.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Tài khoản' }).click();
    await s.page.waitForURL('**/office/users');
    await s.page.getByRole('cell', { name: 'quantri', exact: true }).first().waitFor();
    await s.page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Thêm tài khoản mới' });
    await dialog.getByLabel('Tên đăng nhập', { exact: true }).fill('nguyenvanan');
    await dialog.getByLabel('Họ và tên', { exact: true }).fill('Nguyễn Văn An');
    await pickTreeOption(s.page, dialog, 'Đơn vị công tác', 'Phòng Hành chính tư pháp');
    await dialog.getByLabel('Chức vụ', { exact: true }).fill('Chuyên viên');
    await dialog.getByLabel('Mật khẩu ban đầu', { exact: true }).fill(NEW_USER_PASSWORD);
    await dialog.getByRole('button', { name: 'Thêm vai trò' }).click();
    await pickOption(s.page, dialog, 'Vai trò', 'Chuyên viên');
    await pickTreeOption(s.page, dialog, 'Tại đơn vị', 'Phòng Hành chính tư pháp');
    await dialog.getByLabel('Áp dụng cho đơn vị cấp dưới').check();
    await screenshot(s.page, 'office-users-create');
    await expectAccessible(s.page);
    await submitDialog(dialog, { name: 'Lưu' });
    await s.page.getByRole('cell', { name: 'Nguyễn Văn An' }).waitFor();

    const user = await s.server.db.selectFrom('users').selectAll().where('username', '=', 'nguyenvanan').executeTakeFirstOrThrow();
    const unit = await s.server.db.selectFrom('units').select(['id']).where('code', '=', '000.05.01.H18').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ full_name: 'Nguyễn Văn An', kind: 'official', unit_id: unit.id, status: 'active' });
    const grants = await s.server.db.selectFrom('role_grants').selectAll().where('user_id', '=', user.id).execute();
    expect(grants).toMatchObject([{ role: 'specialist', unit_id: unit.id, include_subtree: 1 }]);

    await s.page.getByLabel('Tìm theo tên, tên đăng nhập, thư điện tử').fill('nguyen van an');
    await s.page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect.poll(() => s.page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    expect(await s.page.locator('.ant-table-tbody').innerText()).toContain('Nguyễn Văn An');
    await screenshot(s.page, 'office-users');
    await expectAccessible(s.page);
  });

  it('the audit log lists what the administrator did', async () => {
    await s.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Nhật ký hệ thống' }).click();
    await s.page.waitForURL('**/office/audit');
    await s.page.getByRole('heading', { level: 1, name: 'Nhật ký hệ thống' }).waitFor();
    for (const action of ['user.create', 'unit.create', 'auth.totp.enabled']) {
      await s.page.getByRole('cell', { name: action, exact: true }).first().waitFor();
    }
    expect(await s.page.locator('.ant-table-tbody').innerText()).toContain('quantri');

    // A filter is sent to the s.server (GET /api/audit?action=…) and narrows the table.
    await s.page.getByLabel('Lọc theo hành động').fill('unit.create');
    await s.page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect.poll(() => s.page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await screenshot(s.page, 'office-audit');
    await expectAccessible(s.page);
  });

  it('signs out; the new official signs in and lands in the office shell without administrator entries', async () => {
    await s.page.getByRole('button', { name: 'Đăng xuất' }).click();
    await s.page.waitForURL('**/login');
    expect((await s.context.cookies()).find((cookie) => cookie.name === 'cqs_session')).toBeUndefined();

    await s.page.getByLabel('Tên đăng nhập').fill('nguyenvanan');
    await s.page.getByLabel('Mật khẩu', { exact: true }).fill(NEW_USER_PASSWORD);
    await s.page.getByRole('button', { name: 'Đăng nhập' }).click();
    await s.page.waitForURL(/\/office$/);
    await s.page.getByRole('heading', { level: 1, name: 'Xin chào, Nguyễn Văn An' }).waitFor();
    const header = await s.page.getByRole('banner').innerText();
    expect(header).toContain('Nguyễn Văn An');
    expect(header).toContain('Phòng Hành chính tư pháp');
    const menu = s.page.getByRole('navigation', { name: 'Điều hướng chính' });
    // A specialist drafts official documents (document.draft, issue 4), so Văn bản is in the menu too.
    expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual(['Trang làm việc', 'Hồ sơ một cửa', 'Văn bản']);
    expect(await s.page.getByRole('main').innerText()).toContain('Chuyên viên');
    await screenshot(s.page, 'office-home-official');
    await expectAccessible(s.page);

    // Deny by default in the browser too: an administrator s.page answers "not found".
    await s.page.goto('/office/units');
    await s.page.getByText('Không tìm thấy trang').waitFor();
  });
});
