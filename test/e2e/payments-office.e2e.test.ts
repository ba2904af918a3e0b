import { beforeAll, describe, expect, it } from 'vitest';
import { insertPayment, insertProvinceTree, insertUnit, insertUser, type TestUser } from '../support/fixtures.js';
import { gatewayFile, gatewayLine } from '../support/accountant.js';
import { expectAccessible, screenshot, useChromiumSession } from './support/browser.js';
import { pickOption, submitDialog } from './support/antd.js';
import { signIn } from './support/sign-in.js';

const DAY = '2026-11-20';
const local = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+07:00`).toISOString();

/** The accountant reconciles a day's gateway file, settles a difference and reads the fee report (Excel link included). */
describe('accountant pages in Chromium', { timeout: 180_000 }, () => {
  let accountant: TestUser;
  let specialist: TestUser;
  let refs: { matched: string; mismatched: string; notAtGateway: string };

  const s = useChromiumSession(async (server) => {
    const tree = await insertProvinceTree(server.db);
    const centre = await insertUnit(server.db, { code: '000.00.30.H18', name: 'Trung tâm Phục vụ hành chính công tỉnh', type: 'center', parentId: tree.province });
    accountant = await insertUser(server.db, {
      username: 'ketoan.thu',
      fullName: 'Lường Thị Kim',
      unitId: centre,
      roles: [{ role: 'accountant', unitId: centre, includeSubtree: true }],
    });
    specialist = await insertUser(server.db, { username: 'chuyenvien.thu', unitId: tree.justice, roles: [{ role: 'specialist', unitId: tree.justice }] });
    const matched = await insertPayment(server.db, { unitId: centre, amountVnd: 20000, paidAt: local('09:15') });
    const mismatched = await insertPayment(server.db, { unitId: centre, amountVnd: 30000, paidAt: local('10:00'), procedureCode: '2.000488', procedureName: 'Cấp Phiếu lý lịch tư pháp' });
    const notAtGateway = await insertPayment(server.db, { unitId: centre, amountVnd: 15000, paidAt: local('11:00') });
    await insertPayment(server.db, { unitId: centre, amountVnd: 10000, paidAt: local('14:00'), channel: 'cash' });
    refs = { matched: matched.txnRef!, mismatched: mismatched.txnRef!, notAtGateway: notAtGateway.txnRef! };
  });

  beforeAll(async () => {
    await signIn(s.page, accountant);
  });

  it('uploads the gateway file and sees the three differences in words', async () => {
    const nav = s.page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect.poll(() => nav.getByText('Báo cáo thu phí').count()).toBe(1);
    await nav.getByText('Đối soát thanh toán').click();
    await s.page.waitForURL('**/office/payments/reconciliation');
    await s.page.getByRole('heading', { level: 1, name: 'Đối soát thanh toán' }).waitFor();

    const date = s.page.getByLabel('Ngày giao dịch', { exact: true });
    await date.fill('20/11/2026');
    await date.press('Enter');
    const file = gatewayFile(
      gatewayLine(refs.matched, 20000, '20261120091502'),
      gatewayLine(refs.mismatched, 3000, '20261120100001'),
      gatewayLine('KHONG-CO-TREN-HE-THONG-1', 25000, '20261120120000'),
    );
    await s.page.locator('input[type="file"]').setInputFiles({ name: `giao-dich-${DAY}.csv`, mimeType: 'text/csv', buffer: file });
    await s.page.getByRole('button', { name: 'Đối soát', exact: true }).click();

    const items = s.page.locator('.ant-card').filter({ hasText: 'Chênh lệch của ngày 20/11/2026' });
    await items.getByText('Lệch số tiền').waitFor();
    await expect.poll(() => items.getByText('Thiếu tại cổng thanh toán').count()).toBe(1);
    await expect.poll(() => items.getByText('Thiếu trên hệ thống').count()).toBe(1);
    await expect.poll(() => items.getByText(refs.matched).count()).toBe(0);
    await expectAccessible(s.page);
    await screenshot(s.page, 'payments-reconciliation');
  });

  it('refuses a bad file naming its rows', async () => {
    const file = gatewayFile(gatewayLine('A-1', '10.5', '20261120091502'));
    await s.page.locator('input[type="file"]').setInputFiles({ name: 'sai.csv', mimeType: 'text/csv', buffer: file });
    await s.page.getByRole('button', { name: 'Đối soát', exact: true }).click();
    const alert = s.page.getByRole('alert').filter({ hasText: 'Tệp có dòng không hợp lệ' });
    await alert.waitFor();
    await expect.poll(() => alert.getByText('/file/row/1/amount_vnd').count()).toBe(1);
  });

  it('resolves a difference with a note', async () => {
    await s.page.getByRole('button', { name: `Xử lý ${refs.notAtGateway}` }).click();
    const dialog = s.page.getByRole('dialog', { name: `Xử lý chênh lệch ${refs.notAtGateway}` });
    await dialog.getByLabel('Ghi chú cách đã xử lý').fill('Cổng ghi nhận giao dịch sang ngày 21/11; đã đối chiếu sao kê.');
    await screenshot(s.page, 'payments-reconciliation-resolve');
    await submitDialog(dialog, { name: 'Xử lý' });
    await s.page.getByText('Cổng ghi nhận giao dịch sang ngày 21/11; đã đối chiếu sao kê.').waitFor();
    const item = await s.server.db.selectFrom('reconciliation_items').selectAll().where('txn_ref', '=', refs.notAtGateway).executeTakeFirstOrThrow();
    expect(item.status).toBe('resolved');
  });

  it('refunds part of a payment from its difference', async () => {
    await s.page.getByRole('button', { name: `Hoàn tiền ${refs.mismatched}` }).click();
    const dialog = s.page.getByRole('dialog', { name: /^Hoàn tiền cho biên lai/ });
    await dialog.getByText('còn có thể hoàn 30.000 ₫').waitFor();
    await dialog.getByLabel('Số tiền hoàn trả (đồng)').fill('27000');
    await dialog.getByLabel('Lý do hoàn trả').fill('Cổng chỉ thu 3.000 đồng; hoàn phần chênh lệch đã ghi nhận thừa.');
    await dialog.getByLabel('Số chứng từ hoàn tiền').fill('HT-2026-0001');
    await expectAccessible(s.page);
    await screenshot(s.page, 'payments-refund');
    await submitDialog(dialog, { name: 'Hoàn tiền' });
    const refunds = await s.server.db.selectFrom('payment_refunds').select(['amount_vnd', 'reference']).execute();
    expect(refunds.map((r) => [Number(r.amount_vnd), r.reference])).toEqual([[27000, 'HT-2026-0001']]);
  });

  it('shows the fee report with its chart, totals and an Excel link', async () => {
    await s.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByText('Báo cáo thu phí').click();
    await s.page.waitForURL('**/office/payments/reports');
    const period = s.page.locator('.ant-picker-range input');
    await period.first().fill('01/11/2026');
    await period.nth(1).fill('30/11/2026');
    await period.nth(1).press('Enter');
    await pickOption(s.page, s.page.locator('form[id="fee-report-filters"]'), 'Nhóm theo', 'Hình thức thanh toán');
    await s.page.getByRole('button', { name: 'Xem báo cáo' }).click();
    const table = s.page.locator('.ant-table');
    await table.getByText('Tiền mặt').waitFor();
    await expect.poll(() => table.locator('.ant-table-summary').innerText()).toContain('75.000 ₫');
    // Refunds beside the amounts: 75.000 collected, 27.000 handed back, 48.000 net.
    await expect.poll(() => table.locator('.ant-table-summary').innerText()).toContain('48.000 ₫');
    await s.page.locator('canvas').first().waitFor();
    const excel = s.page.getByRole('link', { name: 'Tải Excel' });
    expect(await excel.getAttribute('href')).toBe('/api/payments/reports/collected.xlsx?from=2026-11-01&to=2026-11-30&groupBy=channel');
    await expectAccessible(s.page);
    await screenshot(s.page, 'payments-fee-report');
  });

  it('shows neither page to an official without the payment permissions', async () => {
    await s.page.getByRole('button', { name: 'Đăng xuất' }).click();
    await s.page.waitForURL('**/login');
    await signIn(s.page, specialist);
    const menu = s.page.getByRole('navigation', { name: 'Điều hướng chính' });
    await menu.getByRole('menuitem').first().waitFor();
    // A specialist drafts official documents (document.draft, issue 4), so Văn bản is in the menu too.
    expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual(['Trang làm việc', 'Hồ sơ một cửa', 'Văn bản']);
    for (const path of ['/office/payments/reconciliation', '/office/payments/reports']) {
      await s.page.goto(path);
      await s.page.getByText('Không tìm thấy trang').waitFor();
    }
  });
});
