import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditContext } from '../../src/platform/audit/audit.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { TEST_PASSWORD, type TestUser } from '../support/fixtures.js';
import { confirmPopover, pickOption, submitDialog } from './support/antd.js';
import { expectAccessible, newVietnameseContext, screenshot, useChromiumSession } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { signIn } from './support/sign-in.js';

const auditContext: AuditContext = { actorId: null, actorUsername: 'system', ip: null, requestId: 'e2e-reports-flow' };
const demoUser = (username: string): TestUser => ({ id: 0, username, password: TEST_PASSWORD });

const TEMPLATE = { code: 'BC-TTHC-THANG', name: 'Báo cáo tình hình giải quyết thủ tục hành chính hằng tháng' };
const DBP = 'UBND phường Điện Biên Phủ';
const MT = 'UBND phường Mường Thanh';
const RECEIVED = 'Số hồ sơ tiếp nhận';
const ON_TIME = 'Số hồ sơ giải quyết đúng hạn';
const RATE = 'Tỷ lệ giải quyết đúng hạn';
const RULE_MESSAGE = 'Số hồ sơ đúng hạn không được lớn hơn số hồ sơ tiếp nhận.';
const RETURN_COMMENT = 'Số hồ sơ tiếp nhận chưa khớp sổ theo dõi của bộ phận một cửa, đề nghị kiểm tra lại.';

/** Today and a day some days ahead in Vietnam, as the pages show dates (dd/MM/yyyy). */
function vietnamDay(offsetDays = 0): { iso: string; shown: string; month: string } {
  const iso = new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  return { iso, shown: `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`, month: `${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}` };
}

async function assignment(server: RunningServer, unitCode: string) {
  return server.db
    .selectFrom('report_assignments')
    .innerJoin('units', 'units.id', 'report_assignments.unit_id')
    .select(['report_assignments.id', 'report_assignments.status', 'report_assignments.current_version', 'report_assignments.review_comment'])
    .where('units.code', '=', unitCode)
    .executeTakeFirstOrThrow();
}

/** A row of the report grid (or the aggregate): the cell of the first figure column. */
const cell = (page: Page, row: string) => page.getByLabel(`${row} — Kỳ này`, { exact: true });

/**
 * The "done when" for periodic reports (Decree 09/2019), in Chromium: the province's reporting officer builds a
 * monthly template in the editor (an autofilled row, a formula row, a rule), issues this month's round to two wards;
 * each ward fills and submits (one at phone width); the province returns one with a comment, the ward corrects and
 * resubmits, the province accepts both and reads the aggregate on the page and in the Excel file.
 */
describe('periodic reports from template to aggregate in Chromium', { timeout: 300_000 }, () => {
  const s = useChromiumSession(async (server) => {
    await seedDemo(server.db, { password: TEST_PASSWORD, auditContext });
  });
  const pages = new Map<string, Page>();
  let current: Page | undefined;
  beforeAll(() => s.context.setDefaultTimeout(30_000));
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && current) await screenshot(current, `failed-reports-${task.name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}`).catch(() => undefined);
  });
  /** Each person in their own browser; the commune officer of Mường Thanh on a phone. */
  async function as(username: string, phone = false): Promise<Page> {
    const known = pages.get(username);
    current = known;
    if (known) return known;
    const context = await newVietnameseContext(s.browser, s.server.baseUrl);
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    if (phone) await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, demoUser(username));
    pages.set(username, page);
    current = page;
    return page;
  }
  afterAll(async () => {
    for (const page of pages.values()) await page.context().close();
  });

  async function openOwnReport(page: Page): Promise<void> {
    await page.goto('/office/reports');
    await page.getByRole('tab', { name: 'Báo cáo của đơn vị' }).waitFor();
    await page.getByRole('link', { name: new RegExp(TEMPLATE.name) }).first().click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${TEMPLATE.name} — `) }).waitFor();
  }

  async function fill(page: Page, row: string, value: number): Promise<void> {
    await cell(page, row).fill(String(value));
    await cell(page, row).blur();
  }

  async function submitReport(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Gửi báo cáo', exact: true }).click();
    await confirmPopover(page, 'Gửi báo cáo');
  }

  /** Row `index` (1-based) of the template editor: its fields are labelled inside the group "Chỉ tiêu n". */
  const rowGroup = (page: Page, index: number): Locator => page.getByRole('group', { name: `Chỉ tiêu ${index}`, exact: true });

  it('the province reporting officer creates a monthly template with an autofilled row, a formula row and a rule', async () => {
    const page = await as('tonghop');
    await page.goto('/office/reports');
    await page.getByRole('tab', { name: 'Mẫu báo cáo' }).click();
    await page.getByRole('link', { name: 'Tạo mẫu báo cáo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tạo mẫu báo cáo' }).waitFor();
    await page.getByLabel('Mã mẫu').fill(TEMPLATE.code);
    await page.getByLabel('Tên mẫu báo cáo').fill(TEMPLATE.name);

    let row = rowGroup(page, 1);
    await row.getByLabel('Chỉ tiêu', { exact: true }).fill(RECEIVED);
    await row.getByLabel('Đơn vị tính').fill('hồ sơ');
    await pickOption(page, row, 'Lấy tự động từ hệ thống', 'Số hồ sơ tiếp nhận trong kỳ');

    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    row = rowGroup(page, 2);
    await row.getByLabel('Chỉ tiêu', { exact: true }).fill(ON_TIME);
    await row.getByLabel('Đơn vị tính').fill('hồ sơ');
    await row.getByRole('checkbox').check();

    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    row = rowGroup(page, 3);
    await row.getByLabel('Chỉ tiêu', { exact: true }).fill(RATE);
    await row.getByLabel('Đơn vị tính').fill('%');
    await pickOption(page, row, 'Kiểu dữ liệu', 'Tỷ lệ (%)');
    // A formula naming a row that does not exist is caught in the editor, before the server sees it.
    await row.getByLabel('Công thức').fill('r2 / r9 * 100');
    await row.getByText('Không có chỉ tiêu: r9.').waitFor();
    await row.getByLabel('Công thức').fill('r2 / r1 * 100');
    await pickOption(page, row, 'Cách tổng hợp', 'Theo công thức');

    await page.getByRole('button', { name: 'Thêm quy tắc' }).click();
    const rule = page.getByRole('group', { name: 'Quy tắc 1', exact: true });
    await rule.getByLabel('Biểu thức kiểm tra').fill('r2 <= r1');
    await rule.getByLabel('Thông báo khi sai (tiếng Việt)').fill(RULE_MESSAGE);
    await rule.getByLabel('Thông báo khi sai (tiếng Anh)').fill('On-time dossiers cannot exceed dossiers received.');
    await expectAccessible(page);
    await screenshot(page, 'reports-template-editor');

    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Sửa mẫu báo cáo ${TEMPLATE.code}` }).waitFor();
    const saved = await s.server.db.selectFrom('report_templates').select(['id', 'regime', 'status', 'current_version']).where('code', '=', TEMPLATE.code).executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ regime: 'monthly', status: 'active', current_version: 1 });
    const version = await s.server.db.selectFrom('report_template_versions').select('document').where('template_id', '=', saved.id).executeTakeFirstOrThrow();
    const document = JSON.parse(version.document);
    expect(document.rows).toEqual([
      { code: 'r1', name: RECEIVED, unit: 'hồ sơ', type: 'integer', source: 'dossiers.received' },
      { code: 'r2', name: ON_TIME, unit: 'hồ sơ', type: 'integer', required: true },
      { code: 'r3', name: RATE, unit: '%', type: 'percent', formula: 'r2 / r1 * 100', aggregate: 'formula' },
    ]);
    expect(document.rules).toEqual([{ expression: 'r2 <= r1', message: { vi: RULE_MESSAGE, en: 'On-time dossiers cannot exceed dossiers received.' } }]);
  });

  it('issues this month’s round to Phường Điện Biên Phủ and Phường Mường Thanh', async () => {
    const page = await as('tonghop');
    await page.goto('/office/reports?tab=rounds');
    await page.getByRole('button', { name: 'Giao báo cáo', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Giao báo cáo cho đơn vị' });
    await dialog.waitFor();
    await pickOption(page, dialog, 'Mẫu báo cáo', TEMPLATE.code);
    // The month picker opens on this month (the regime of the template is monthly).
    await expect.poll(() => dialog.getByLabel('Tháng', { exact: true }).inputValue()).toBe(vietnamDay().month.padStart(7, '0'));
    await dialog.getByLabel('Hạn gửi').fill(vietnamDay(10).shown);
    // Leaving the field closes its calendar (which covers the units field) and keeps the typed date.
    await page.keyboard.press('Tab');
    const units = dialog.getByLabel('Đơn vị thực hiện báo cáo', { exact: true });
    for (const name of [DBP, MT]) {
      await units.click();
      await units.fill(name.replace('UBND ', ''));
      await page.locator(`.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${name}"]`).click();
      await dialog.locator('.ant-select-selection-item').filter({ hasText: name }).waitFor();
    }
    // The units list stays open after a pick; a press on the dialog's title closes it.
    await dialog.locator('.ant-modal-title').click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await expectAccessible(page);
    await submitDialog(dialog, { name: 'Giao báo cáo', exact: true });
    const label = `Tháng ${vietnamDay().month}`;
    await page.getByRole('heading', { level: 1, name: `Đợt báo cáo: ${label}` }).waitFor();
    const table = page.getByRole('region', { name: 'Tình hình gửi báo cáo' });
    await table.getByRole('link', { name: `Báo cáo của ${DBP}` }).waitFor();
    await table.getByRole('link', { name: `Báo cáo của ${MT}` }).waitFor();
    expect((await assignment(s.server, '000.01.50.H18')).status).toBe('pending');
    expect((await assignment(s.server, '000.02.50.H18')).status).toBe('pending');
  });

  it('Phường Điện Biên Phủ sees the autofilled figure, is stopped by the rule, corrects, saves a draft and submits', async () => {
    const page = await as('tonghop.dbp');
    await openOwnReport(page);
    await page.getByText('Tự động từ hệ thống').first().waitFor();
    await expectAccessible(page);
    await fill(page, RECEIVED, 120);
    await fill(page, ON_TIME, 130);
    // The formula row follows as the figures are typed (filtrex in the browser, as on the server).
    await expect.poll(() => cell(page, RATE).innerText()).toContain('108,33');
    await submitReport(page);
    const summary = page.getByRole('alert').filter({ hasText: 'Báo cáo còn 1 lỗi cần sửa trước khi gửi' });
    await summary.waitFor();
    await expect.poll(() => summary.innerText()).toContain(`${ON_TIME} — Kỳ này: ${RULE_MESSAGE}`);
    await expect.poll(() => cell(page, ON_TIME).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await screenshot(page, 'reports-fill-problem');
    expect((await assignment(s.server, '000.01.50.H18')).status).toBe('pending');

    await fill(page, ON_TIME, 114);
    await expect.poll(() => cell(page, RATE).innerText()).toContain('95');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText('Đã lưu nháp (phiên bản 1).').waitFor();
    await expect.poll(async () => (await assignment(s.server, '000.01.50.H18')).status).toBe('draft');
    await submitReport(page);
    await page.getByText('Đã gửi báo cáo.').waitFor();
    await page.locator('[data-status="submitted"]').waitFor();
    const row = await assignment(s.server, '000.01.50.H18');
    expect(row).toMatchObject({ status: 'submitted', current_version: 2 });
    const submitted = await s.server.db.selectFrom('report_submissions').select(['data', 'kind']).where('assignment_id', '=', row.id).where('version', '=', 2).executeTakeFirstOrThrow();
    expect(JSON.parse(submitted.data)).toMatchObject({ r1: { c1: 120 }, r2: { c1: 114 } });
  });

  it('Phường Mường Thanh fills and submits on a phone', async () => {
    const page = await as('tonghop.mt', true);
    await openOwnReport(page);
    await fill(page, RECEIVED, 75);
    await fill(page, ON_TIME, 70);
    await expect.poll(() => cell(page, RATE).innerText()).toContain('93,33');
    await expectAccessible(page);
    await screenshot(page, 'reports-fill-phone');
    await submitReport(page);
    await page.getByText('Đã gửi báo cáo.').waitFor();
    expect((await assignment(s.server, '000.02.50.H18')).status).toBe('submitted');
  });

  it('the province returns Mường Thanh’s report with a comment (required) and accepts Điện Biên Phủ’s', async () => {
    const page = await as('tonghop');
    await page.goto('/office/reports?tab=rounds');
    await page.getByRole('link', { name: `Tháng ${vietnamDay().month}` }).click();
    await page.getByRole('heading', { level: 1, name: /^Đợt báo cáo: / }).waitFor();
    await page.getByRole('button', { name: `Trả lại: ${MT}` }).click();
    const dialog = page.getByRole('dialog', { name: `Trả lại báo cáo — ${MT}` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await dialog.getByText('Vui lòng nhập Ý kiến trả lại.').waitFor();
    await dialog.getByLabel('Ý kiến trả lại').fill(RETURN_COMMENT);
    await expectAccessible(page);
    await submitDialog(dialog, { name: 'Trả lại', exact: true });
    await expect.poll(async () => (await assignment(s.server, '000.02.50.H18')).status).toBe('returned');
    expect((await assignment(s.server, '000.02.50.H18')).review_comment).toBe(RETURN_COMMENT);

    await page.getByRole('button', { name: `Chấp nhận: ${DBP}` }).click();
    await confirmPopover(page, 'Chấp nhận');
    await expect.poll(async () => (await assignment(s.server, '000.01.50.H18')).status).toBe('accepted');
    await page.getByRole('region', { name: 'Tình hình gửi báo cáo' }).getByText(RETURN_COMMENT).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'reports-round-partial');
  });

  it('Mường Thanh sees the comment, corrects and resubmits', async () => {
    const page = await as('tonghop.mt', true);
    await openOwnReport(page);
    const returned = page.getByRole('alert').filter({ hasText: 'Báo cáo bị trả lại' });
    await returned.waitFor();
    expect(await returned.innerText()).toContain(RETURN_COMMENT);
    await page.getByTestId(/^report-event-/).filter({ hasText: 'Trả lại' }).filter({ hasText: RETURN_COMMENT }).waitFor();
    await fill(page, RECEIVED, 80);
    await expect.poll(() => cell(page, RATE).innerText()).toContain('87,5');
    await submitReport(page);
    await page.getByText('Đã gửi báo cáo.').waitFor();
    expect((await assignment(s.server, '000.02.50.H18')).status).toBe('submitted');
  });

  it('the province accepts it, reads the exact aggregate and downloads it as Excel', async () => {
    const page = await as('tonghop');
    await page.goto('/office/reports?tab=rounds');
    await page.getByRole('link', { name: `Tháng ${vietnamDay().month}` }).click();
    // The reviewer opens the ward's report itself before accepting it.
    await page.getByRole('link', { name: `Báo cáo của ${MT}` }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${TEMPLATE.name} — `) }).waitFor();
    await page.getByRole('button', { name: `Chấp nhận: ${MT}` }).click();
    await confirmPopover(page, 'Chấp nhận');
    await page.locator('[data-status="accepted"]').waitFor();
    expect((await assignment(s.server, '000.02.50.H18')).status).toBe('accepted');

    await page.getByRole('link', { name: 'Quay lại danh sách' }).click();
    await page.getByRole('heading', { level: 1, name: /^Đợt báo cáo: / }).waitFor();
    const aggregate = page.getByRole('region', { name: 'Số liệu tổng hợp' });
    const figure = (row: string) => aggregate.locator(`[data-cell="${row}.c1"]`);
    await expect.poll(() => figure('r1').innerText()).toBe('200');
    expect(await figure('r2').innerText()).toBe('184');
    expect(await figure('r3').innerText()).toBe('92');
    await page.getByText('Đơn vị đã tổng hợp (2)').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'reports-round-aggregate');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Xuất Excel' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const figures = new Map<string, unknown>();
    sheet.eachRow((row) => {
      const values = row.values as unknown[];
      if (typeof values[2] === 'string' && /^r\d$/.test(values[2])) figures.set(values[2], values[5]);
    });
    expect(Object.fromEntries(figures)).toEqual({ r1: 200, r2: 184, r3: 92 });
  });
});
