import { beforeAll, describe, expect, it } from 'vitest';
import { insertProvinceTree, insertUser, type TestUser } from '../support/fixtures.js';
import { expectAccessible, screenshot, useChromiumSession } from './support/browser.js';
import { pickOption, pickTreeOption, submitDialog } from './support/antd.js';
import { signIn } from './support/sign-in.js';

/** The administrator keeps the working calendar: a swap day the government announces is added and saved. */
describe('working calendar administration in Chromium', { timeout: 120_000 }, () => {
  let admin: TestUser;
  let tree: Awaited<ReturnType<typeof insertProvinceTree>>;
  const year = new Date().getFullYear();
  // A Saturday of the year shown first (the page opens on the current year).
  const saturday = (() => {
    const day = new Date(Date.UTC(year, 9, 1));
    while (day.getUTCDay() !== 6) day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString().slice(0, 10);
  })();

  const s = useChromiumSession(async (server) => {
    tree = await insertProvinceTree(server.db);
    admin = await insertUser(server.db, { username: 'quantri', unitId: tree.province, withTotp: true, roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }] });
  });

  beforeAll(async () => {
    await signIn(s.page, admin);
  });

  it('adds a working Saturday, saves the year and sees it stored', async () => {
    await s.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByText('Lịch làm việc').click();
    await s.page.waitForURL('**/office/calendar');
    await s.page.getByRole('heading', { level: 1, name: 'Lịch làm việc' }).waitFor();
    await s.page.getByRole('button', { name: 'Thêm ngày' }).click();
    const dialog = s.page.getByRole('dialog', { name: 'Thêm ngày' });
    await dialog.getByLabel('Ngày', { exact: true }).fill(saturday);
    // The field opens with a preselected kind drawn over its input: open it through its visible box.
    await pickOption(s.page, dialog, 'Loại ngày', 'Làm bù');
    await dialog.getByLabel('Tên ngày', { exact: true }).fill('Làm bù cho ngày nghỉ hoán đổi');
    await dialog.getByLabel('Tên tiếng Anh', { exact: true }).fill('Working Saturday (swap)');
    await expectAccessible(s.page);
    await submitDialog(dialog, { name: 'Đồng ý' });

    await s.page.getByRole('cell', { name: 'Làm bù cho ngày nghỉ hoán đổi' }).waitFor();
    await s.page.getByRole('button', { name: `Lưu lịch năm ${year}` }).click();
    await s.page.getByText(`Đã lưu lịch năm ${year}.`).waitFor();
    await expect
      .poll(async () => s.server.db.selectFrom('calendar_entries').select(['kind', 'name', 'name_en']).where('date', '=', saturday).executeTakeFirst())
      .toEqual({ kind: 'working_day', name: 'Làm bù cho ngày nghỉ hoán đổi', name_en: 'Working Saturday (swap)' });
    const audit = await s.server.db.selectFrom('audit_log').select(['actor_username', 'entity_id']).where('action', '=', 'calendar.year.replace').execute();
    expect(audit).toEqual([{ actor_username: 'quantri', entity_id: String(year) }]);

    await s.page.reload();
    await s.page.getByRole('cell', { name: 'Làm bù cho ngày nghỉ hoán đổi' }).waitFor();
    await expectAccessible(s.page);
    await screenshot(s.page, 'calendar-admin');
  });

  it('gives a department its own office hours (a six-day week starting at 07:00)', async () => {
    const card = s.page.locator('.ant-card').filter({ hasText: 'Giờ làm việc của đơn vị' });
    await pickTreeOption(s.page, card, 'Đơn vị', 'Sở Tư pháp');
    await card.getByText('Đơn vị đang dùng giờ làm việc mặc định của hệ thống.').waitFor();
    // The server's hours reach the fields in an effect after that text renders: edit only once they are there, or the
    // fill would overwrite the edit (a Saturday ticked in between stayed unticked: red CI).
    await expect.poll(() => card.getByLabel('Bắt đầu ca 1', { exact: true }).inputValue()).toBe('07:30');
    await card.getByLabel('Bắt đầu ca 1', { exact: true }).fill('07:00');
    await card.getByLabel('Thứ Bảy', { exact: true }).check();
    await card.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
    await card.getByText('Đơn vị đang dùng giờ làm việc riêng.').waitFor();
    const row = await s.server.db.selectFrom('unit_office_hours').selectAll().where('unit_id', '=', tree.justice).executeTakeFirstOrThrow();
    expect(JSON.parse(row.intervals)).toEqual([{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }]);
    expect(JSON.parse(row.working_weekdays)).toEqual([1, 2, 3, 4, 5, 6]);
    await expectAccessible(s.page);
    await screenshot(s.page, 'calendar-office-hours');
  });
});
