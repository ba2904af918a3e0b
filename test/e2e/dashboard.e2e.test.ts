import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AuditContext } from '../../src/platform/audit/audit.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { seedDemoDossiers } from '../../src/modules/dossiers/demo-dossiers.js';
import { TEST_PASSWORD, type TestUser } from '../support/fixtures.js';
import { expectAccessible, newVietnameseContext, screenshot, useChromiumSession } from './support/browser.js';
import { pickTreeOption } from './support/antd.js';
import { signIn } from './support/sign-in.js';

const auditContext: AuditContext = { actorId: null, actorUsername: 'system', ip: null, requestId: 'e2e-dashboard' };
const demoUser = (username: string): TestUser => ({ id: 0, username, password: TEST_PASSWORD });
const JUSTICE = 'Sở Tư pháp';
const COMMUNE = 'UBND phường Điện Biên Phủ';

/** The pixel of the middle of a bar, from the chart instance the page keeps on the chart's element (convertToPixel). */
async function barCentre(page: Page, chartName: string, category: string): Promise<{ x: number; y: number }> {
  const chart = page.getByRole('img', { name: chartName, exact: true });
  await chart.locator('canvas').first().waitFor();
  const box = (await chart.boundingBox())!;
  const point = await chart.evaluate((element, name) => {
    const instance = (element as HTMLElement & { cqsChart?: any }).cqsChart;
    const option = instance.getOption();
    // Units run down the side (horizontal bars): [value, category index] in the grid's coordinates.
    const index = (option.yAxis[0].data as string[]).indexOf(name);
    const value = option.series[0].data[index] as number;
    const end = instance.convertToPixel({ seriesIndex: 0 }, [value, index]) as number[];
    const start = instance.convertToPixel({ seriesIndex: 0 }, [0, index]) as number[];
    return { index, x: (start[0]! + end[0]!) / 2, y: end[1]! };
  }, category);
  expect(point.index, `${category} on the chart's axis`).toBeGreaterThanOrEqual(0);
  return { x: box.x + point.x, y: box.y + point.y };
}

/** The province's leader reads the dashboard, drills from an overdue bar to the dossier, and the public reads the statistics. */
describe('dashboards and public statistics in Chromium', { timeout: 300_000 }, () => {
  let overdueCode = '';
  const s = useChromiumSession(async (server) => {
    await seedDemo(server.db, { password: TEST_PASSWORD, auditContext });
    // The demo dossiers, made through the real use cases: waiting, supplement, at the specialist, two births (one
    // returned with its result), one waiting for its fee.
    await seedDemoDossiers(server.db, server.app.ctx.config, auditContext);
    // The counter dossier at Sở Tư pháp's specialist becomes late, as if received long ago (as in dossier-flow).
    const atSpecialist = await server.db
      .selectFrom('dossiers')
      .select('code')
      .where('channel', '=', 'counter')
      .where('status', '=', 'processing')
      .executeTakeFirstOrThrow();
    overdueCode = atSpecialist.code;
    const yesterday = new Date(Date.now() - 24 * 3_600_000).toISOString();
    await server.db.updateTable('dossiers').set({ due_at: yesterday, step_due_at: yesterday }).where('code', '=', overdueCode).execute();
  });
  beforeAll(() => s.context.setDefaultTimeout(30_000));

  it('shows the province leader the dashboard with the figures of the known dossiers', async () => {
    await signIn(s.page, demoUser('lanhdao.tinh'));
    const menu = s.page.getByRole('navigation', { name: 'Điều hướng chính' });
    await menu.getByRole('menuitem', { name: 'Bảng điều hành' }).click();
    await s.page.waitForURL('**/office/dashboard');
    await s.page.getByRole('heading', { level: 1, name: 'Bảng điều hành' }).waitFor();
    await s.page.getByRole('heading', { level: 2, name: 'UBND tỉnh Điện Biên' }).waitFor();
    const kpi = (title: string) => s.page.locator('.cqs-kpi').filter({ hasText: title }).locator('.ant-statistic-content');
    // Received by an officer: the supplement and counter dossiers at Sở Tư pháp and the returned birth registration.
    await expect.poll(() => kpi('Hồ sơ tiếp nhận').innerText()).toBe('3');
    expect(await kpi('Đã giải quyết').innerText()).toBe('1');
    // Still open now: the supplement, the late counter dossier and the one waiting for its fee.
    expect(await kpi('Đang giải quyết').innerText()).toBe('3');
    expect(await kpi('Quá hạn (hiện tại)').innerText()).toBe('1');
    expect(await kpi('Tỷ lệ đúng hạn').innerText()).toBe('100\u00a0%');
    await expectAccessible(s.page);
    await screenshot(s.page, 'dashboard');
  });

  it('opens the overdue list from the bar of Sở Tư pháp and the dossier from the list', async () => {
    const { x, y } = await barCentre(s.page, 'Hồ sơ quá hạn theo đơn vị', JUSTICE);
    await s.page.mouse.click(x, y);
    const dialog = s.page.getByRole('dialog', { name: `Hồ sơ quá hạn — ${JUSTICE}` });
    await dialog.getByRole('link', { name: overdueCode }).waitFor();
    expect(await dialog.locator('tbody tr').count()).toBe(1);
    await expectAccessible(s.page);
    await screenshot(s.page, 'dashboard-overdue-list');
    await dialog.getByRole('link', { name: overdueCode }).click();
    await s.page.waitForURL(`**/office/dossiers/${encodeURIComponent(overdueCode)}`);
    await s.page.getByRole('heading', { level: 1, name: new RegExp(overdueCode.replace(/[.]/g, '\\.')) }).waitFor();
    await s.page.goBack();
    await s.page.getByRole('heading', { level: 1, name: 'Bảng điều hành' }).waitFor();
  });

  it('shows a chart as a table and exports it to Excel', async () => {
    const card = s.page.locator('.cqs-chart-card').filter({ has: s.page.getByRole('heading', { name: 'Hồ sơ quá hạn theo đơn vị' }) });
    await card.getByRole('button', { name: 'Xem dạng bảng: Hồ sơ quá hạn theo đơn vị' }).click();
    const row = card.getByRole('row').filter({ hasText: JUSTICE });
    await expect.poll(() => row.first().innerText()).toContain('1');
    await row.getByRole('button', { name: `Xem danh sách hồ sơ quá hạn của ${JUSTICE}` }).click();
    const dialog = s.page.getByRole('dialog', { name: `Hồ sơ quá hạn — ${JUSTICE}` });
    await dialog.getByRole('link', { name: overdueCode }).waitFor();
    await dialog.getByRole('button', { name: /^(Đóng|Close)$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectAccessible(s.page);
    await screenshot(s.page, 'dashboard-table-view');

    const [download] = await Promise.all([s.page.waitForEvent('download'), card.getByRole('link', { name: 'Xuất Excel: Hồ sơ quá hạn theo đơn vị' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readAll(await download.createReadStream())) as unknown as ArrayBuffer);
    const cells = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flatMap((values) => (Array.isArray(values) ? values.map(String) : [])));
    expect(cells).toContain(JUSTICE);
  });

  it('narrows the dashboard to one unit of the tree, kept in the address', async () => {
    await pickTreeOption(s.page, s.page.getByRole('group', { name: 'Bộ lọc' }), 'Đơn vị', JUSTICE);
    await s.page.getByRole('heading', { level: 2, name: JUSTICE }).waitFor();
    expect(new URL(s.page.url()).searchParams.get('unit')).toMatch(/^\d+$/);
    const kpi = (title: string) => s.page.locator('.cqs-kpi').filter({ hasText: title }).locator('.ant-statistic-content');
    await expect.poll(() => kpi('Đã giải quyết').innerText()).toBe('0');
    expect(await kpi('Quá hạn (hiện tại)').innerText()).toBe('1');
    expect(await kpi('Tỷ lệ đúng hạn').innerText()).toBe('—');
  });

  it('drills from an indicator of the service index to its dossiers', async () => {
    await s.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Chỉ số phục vụ' }).click();
    await s.page.waitForURL('**/office/service-index');
    await s.page.getByRole('heading', { level: 1, name: 'Chỉ số phục vụ người dân, doanh nghiệp' }).waitFor();
    await s.page.getByRole('heading', { level: 2, name: /^Nhóm 2\./ }).waitFor();
    // No version saved by an administrator yet: the shipped Decision 766 configuration.
    await s.page.getByText('Cấu hình mặc định theo Quyết định 766/QĐ-TTg').waitFor();
    await expectAccessible(s.page);
    await screenshot(s.page, 'service-index');
    const onTime = s.page.getByRole('row').filter({ has: s.page.getByRole('button', { name: /^2\.1\. / }) });
    expect(await onTime.innerText()).toMatch(/100\s%\s+1 \/ 1/);
    await onTime.getByRole('button', { name: /^2\.1\. / }).click();
    const dialog = s.page.getByRole('dialog', { name: /^Chỉ tiêu 2\.1\./ });
    // The one dossier finished in the period: the birth registration returned at the commune, on time.
    const row = dialog.getByRole('row').filter({ hasText: COMMUNE });
    await row.waitFor();
    expect(await dialog.locator('tbody tr').count()).toBe(1);
    expect(await row.innerText()).toContain('Được tính');
    await expectAccessible(s.page);
    await screenshot(s.page, 'service-index-explain');
    await dialog.getByRole('button', { name: /^(Đóng|Close)$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('shows the public statistics without signing in, also at phone width', async () => {
    const context = await newVietnameseContext(s.browser, s.server.baseUrl);
    const page = await context.newPage();
    try {
      await page.goto('/');
      await page.getByRole('link', { name: 'Thống kê' }).first().click();
      await page.waitForURL('**/statistics');
      await page.getByRole('heading', { level: 1, name: 'Thống kê giải quyết thủ tục hành chính' }).waitFor();
      const units = page.getByRole('region', { name: 'Tỷ lệ đúng hạn và chỉ số phục vụ theo đơn vị' });
      const commune = units.getByRole('row').filter({ hasText: COMMUNE });
      await commune.waitFor();
      // Its birth registration was returned on time: 100 %.
      expect(await commune.innerText()).toMatch(/100\s%/);
      // Sorted by on-time rate, highest first (a second press of the header), the commune leads.
      await units.getByRole('columnheader', { name: 'Tỷ lệ đúng hạn' }).click();
      await units.getByRole('columnheader', { name: 'Tỷ lệ đúng hạn' }).click();
      await expect.poll(() => units.locator('tbody tr').first().innerText()).toContain(COMMUNE);
      await page.getByRole('button', { name: /^Xem dạng bảng: Hồ sơ tiếp nhận, giải quyết/ }).click();
      await page.getByRole('region', { name: 'Số liệu theo tháng' }).getByRole('row').first().waitFor();
      await expectAccessible(page);
      await screenshot(page, 'public-statistics');
      await page.setViewportSize({ width: 390, height: 844 });
      // Nothing runs off a phone's screen, and a unit's on-time rate is read without scrolling sideways.
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const rate = commune.getByRole('cell').filter({ hasText: /100\s%/ });
      const box = (await rate.boundingBox())!;
      const region = (await units.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(region.x + region.width);
      await expectAccessible(page);
      await screenshot(page, 'public-statistics-phone');
    } finally {
      await context.close();
    }
  });
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
