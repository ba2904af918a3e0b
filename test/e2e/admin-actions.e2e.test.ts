import { beforeAll, describe, expect, it } from 'vitest';
import { insertProvinceTree, insertUnit, insertUser, type TestUser } from '../support/fixtures.js';
import { expectAccessible, useChromiumSession } from './support/browser.js';
import { chooseMenuItem, confirmModal, confirmPopover, pickOption, pickTreeOption, pressUntilVisible, submitDialog } from './support/antd.js';
import { signIn } from './support/sign-in.js';

/** The administrator's less common actions: rename, move, merge units; roles, disable, reset of accounts. */
describe('administrator actions in Chromium', { timeout: 120_000 }, () => {
  let tree: Awaited<ReturnType<typeof insertProvinceTree>>;
  let admin: TestUser;
  let official: TestUser;
  let commune: number;
  const s = useChromiumSession(async (server) => {
    tree = await insertProvinceTree(server.db);
    commune = await insertUnit(server.db, { code: '000.31.01.H18', name: 'UBND xã Mường Phăng', shortName: 'MP', type: 'commune', parentId: tree.finance });
    admin = await insertUser(server.db, {
      username: 'quantri',
      unitId: tree.province,
      withTotp: true,
      roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }],
    });
    official = await insertUser(server.db, { username: 'tranthibinh', unitId: tree.justice, roles: [{ role: 'specialist', unitId: tree.justice }], fullName: 'Trần Thị Bình' });
  });

  beforeAll(async () => {
    await signIn(s.page, admin);
  });

  it('renames a unit, moves it under the right parent, and merges another into it after confirmation', async () => {
    await s.page.goto('/office/units');
    await s.page.getByRole('tree').getByText('UBND xã Mường Phăng').click();

    await s.page.getByRole('button', { name: 'Đổi tên' }).click();
    const rename = s.page.getByRole('dialog', { name: 'Đổi tên UBND xã Mường Phăng' });
    await rename.getByLabel('Tên đơn vị').fill('UBND xã Mường Phăng mới');
    await submitDialog(rename, { name: 'Lưu' });
    await s.page.getByRole('heading', { level: 2, name: 'UBND xã Mường Phăng mới' }).waitFor();

    // A commune belongs under the province, not under the finance department.
    await s.page.getByRole('button', { name: 'Chuyển đơn vị' }).click();
    const move = s.page.getByRole('dialog', { name: /^Chuyển UBND xã Mường Phăng mới/ });
    await pickTreeOption(s.page, move, 'Đơn vị cấp trên mới', 'UBND tỉnh Điện Biên');
    await submitDialog(move, { name: 'Lưu' });
    await expect.poll(async () => (await s.server.db.selectFrom('units').select('parent_id').where('id', '=', commune).executeTakeFirstOrThrow()).parent_id).toBe(tree.province);

    // Merge the finance department into justice: the dialog asks, names both units, then the s.server moves its accounts.
    await s.page.getByRole('tree').getByText('Sở Tài chính').click();
    await s.page.getByRole('button', { name: 'Sáp nhập' }).click();
    const merge = s.page.getByRole('dialog', { name: 'Sáp nhập Sở Tài chính' }).first();
    await pickTreeOption(s.page, merge, 'Sáp nhập vào đơn vị', 'Sở Tư pháp');
    await merge.getByRole('button', { name: 'Sáp nhập' }).click();
    const confirm = s.page.locator('.ant-modal-confirm');
    await confirm.getByText('Sáp nhập "Sở Tài chính" vào "Sở Tư pháp"?').waitFor();
    await expectAccessible(s.page);
    await confirmModal(s.page, 'Sáp nhập');
    await s.page.getByText('Đã sáp nhập đơn vị.').waitFor();
    const finance = await s.server.db.selectFrom('units').selectAll().where('id', '=', tree.finance).executeTakeFirstOrThrow();
    expect(finance).toMatchObject({ status: 'merged', merged_into_id: tree.justice });
    // Merged units leave the tree unless asked for.
    expect(await s.page.getByRole('tree').getByText('Sở Tài chính').count()).toBe(0);
    await s.page.getByLabel('Hiện đơn vị đã sáp nhập').check();
    await s.page.getByRole('tree').getByText('Sở Tài chính').waitFor();
  });

  it('reports a taken username above the form and a malformed one next to its field', async () => {
    await s.page.goto('/office/users');
    await s.page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Thêm tài khoản mới' });
    await dialog.getByLabel('Tên đăng nhập', { exact: true }).fill('có dấu');
    await dialog.getByLabel('Họ và tên', { exact: true }).fill('Lò Văn Cường');
    await dialog.getByLabel('Mật khẩu ban đầu', { exact: true }).fill('Hoa-Ban-Tây-Bắc-2026');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    // Field rules come back from the s.server as errors[].path and sit under their fields.
    await dialog.locator('#user-create_username_help').getByText('Không đúng định dạng.').waitFor();
    await expectAccessible(s.page);

    await dialog.getByLabel('Tên đăng nhập', { exact: true }).fill('tranthibinh');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.locator('#user-create_unitId_help').getByText('Tài khoản cán bộ phải thuộc một đơn vị.').waitFor();

    await pickTreeOption(s.page, dialog, 'Đơn vị công tác', 'Sở Tư pháp');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Tên đăng nhập tranthibinh đã tồn tại.' }).waitFor();
    await expectAccessible(s.page);
    await submitDialog(dialog, { name: 'Hủy' });
  });

  it('edits roles, resets the password, disables and enables an account', async () => {
    const row = s.page.locator('.ant-table-row').filter({ hasText: 'tranthibinh' });
    await row.getByRole('button', { name: 'Phân quyền: tranthibinh' }).click();
    const roles = s.page.getByRole('dialog', { name: 'Phân quyền cho Trần Thị Bình' });
    const second = roles.locator('.cqs-grant-row').nth(1);
    await pressUntilVisible(roles.getByRole('button', { name: 'Thêm vai trò' }), second);
    await pickOption(s.page, second, 'Vai trò', 'Văn thư');
    await pickTreeOption(s.page, second, 'Tại đơn vị', 'Sở Tư pháp');
    await submitDialog(roles, { name: 'Lưu' });
    const grants = await s.server.db.selectFrom('role_grants').select(['role', 'unit_id']).where('user_id', '=', official.id).orderBy('role').execute();
    expect(grants).toEqual([
      { role: 'records_clerk', unit_id: tree.justice },
      { role: 'specialist', unit_id: tree.justice },
    ]);

    const more = row.getByRole('button', { name: 'Thao tác khác: tranthibinh' });
    const reset = s.page.getByRole('dialog', { name: 'Đặt lại mật khẩu cho Trần Thị Bình' });
    await chooseMenuItem(s.page, more, 'Đặt lại mật khẩu', reset);
    await reset.getByLabel('Mật khẩu mới').fill('Đồi-A1-Điện-Biên-Phủ');
    await submitDialog(reset, { name: 'Lưu' });

    const confirmDialog = s.page.locator('.ant-modal-confirm');
    await chooseMenuItem(s.page, more, 'Vô hiệu hóa', confirmDialog);
    await confirmModal(s.page, 'Xác nhận');
    await row.getByText('Đã vô hiệu hóa').waitFor();
    expect((await s.server.db.selectFrom('users').select('status').where('id', '=', official.id).executeTakeFirstOrThrow()).status).toBe('disabled');

    await chooseMenuItem(s.page, more, 'Kích hoạt lại', confirmDialog);
    await confirmModal(s.page, 'Xác nhận');
    await row.getByText('Đang hoạt động').waitFor();
    const actions = await s.server.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', String(official.id))
      .execute();
    expect(actions.map((entry) => entry.action)).toEqual(expect.arrayContaining(['user.roles.replace', 'user.password.reset', 'user.disable', 'user.enable']));
  });

  it('the office shell also works in English', async () => {
    await s.page.getByText('EN', { exact: true }).click();
    await s.page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    await s.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('menuitem', { name: 'Units' }).waitFor();
    await s.page.getByText('VI', { exact: true }).click();
    await s.page.getByRole('heading', { level: 1, name: 'Tài khoản' }).waitFor();
  });

  it('a session ended on the s.server (e.g. "sign out everywhere" on another device) sends the browser to sign in again', async () => {
    await s.server.db.deleteFrom('sessions').where('user_id', '=', admin.id).execute();
    await s.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Đơn vị' }).click();
    await s.page.waitForURL(/\/login\?next=%2Foffice%2Funits$/);
    await s.page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
  });
});

describe('a citizen in Chromium', { timeout: 120_000 }, () => {
  const s = useChromiumSession(async (server) => {
    await insertProvinceTree(server.db);
  });

  it('lands on "Tài khoản của tôi", cannot open the office, changes the password and signs out everywhere', async () => {
    const citizen = await insertUser(s.server.db, { username: 'congdan01', kind: 'citizen', identityNumber: '011200001234' });
    await signIn(s.page, citizen);
    await s.page.waitForURL('**/portal');
    await s.page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    await expectAccessible(s.page);

    await s.page.goto('/office');
    await s.page.getByText('Không tìm thấy trang').waitFor();

    await s.page.goto('/account/security');
    await s.page.getByRole('heading', { level: 1, name: 'Bảo mật tài khoản' }).waitFor();
    await s.page.getByLabel('Mật khẩu hiện tại').fill(citizen.password);
    await s.page.getByLabel('Mật khẩu mới', { exact: true }).fill('Cánh-Đồng-Mường-Thanh-2026');
    await s.page.getByLabel('Nhập lại mật khẩu mới').fill('khác hẳn');
    await s.page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await s.page.getByText('Hai mật khẩu không khớp.').waitFor();
    await s.page.getByLabel('Nhập lại mật khẩu mới').fill('Cánh-Đồng-Mường-Thanh-2026');
    await s.page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await s.page.getByText('Đã đổi mật khẩu.').waitFor();
    await expectAccessible(s.page);

    await s.page.getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click();
    await confirmPopover(s.page, 'Xác nhận');
    await s.page.waitForURL('**/login');
    const sessions = await s.server.db.selectFrom('sessions').select('id').where('user_id', '=', citizen.id).execute();
    expect(sessions).toEqual([]);
    await signIn(s.page, { ...citizen, password: 'Cánh-Đồng-Mường-Thanh-2026' });
    await s.page.waitForURL('**/portal');
  });
});
