import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, insertProvinceTree, insertUser, sampleProcedure, sessionTokenFor, type TestUser } from '../support/fixtures.js';
import { expectAccessible, screenshot, useChromiumSession } from './support/browser.js';
import { confirmPopover } from './support/antd.js';
import { signIn } from './support/sign-in.js';

const CODE = 'E2E.001';
const SEEDED = '1.000001';

/** Opens an Ant Design Select labelled `label` through its visible box (a chosen value is drawn over the input). */
async function pickSelect(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select-selector ")][1]').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

const TWO_FIELD_FORM = JSON.stringify(
  {
    type: 'object',
    required: ['hoTen', 'ngaySinh'],
    properties: {
      hoTen: { type: 'string', title: 'Họ, chữ đệm, tên người yêu cầu', minLength: 2 },
      ngaySinh: { type: 'string', title: 'Ngày sinh', format: 'date' },
    },
  },
  null,
  2,
);

/** The administrator keeps the procedure catalogue: a new procedure with its form and workflow, versions, export, import. */
describe('procedure catalogue administration in Chromium', { timeout: 180_000 }, () => {
  let admin: TestUser;
  const downloads = mkdtempSync(join(tmpdir(), 'cqs-procedure-admin-'));
  const s = useChromiumSession(async (server) => {
    const tree = await insertProvinceTree(server.db);
    admin = await insertUser(server.db, { username: 'quantri', unitId: tree.province, withTotp: true, roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }] });
    const token = await sessionTokenFor(server.db, admin);
    const seeded = await server.app.inject({ method: 'POST', url: '/api/procedures', headers: bearer(token), payload: sampleProcedure(SEEDED) });
    if (seeded.statusCode !== 201) throw new Error(`seed: ${seeded.statusCode} ${seeded.body}`);
  });
  const page = () => s.page;
  const tab = (name: string) => page().getByRole('tab', { name, exact: true });
  const panel = () => page().getByRole('tabpanel').filter({ visible: true });
  const versionOf = async (code: string) =>
    (await s.server.db.selectFrom('procedures').select('current_version').where('code', '=', code).executeTakeFirstOrThrow()).current_version;
  const documentOf = async (code: string, version: number) => {
    const row = await s.server.db.selectFrom('procedure_versions').select('document').where('procedure_code', '=', code).where('version', '=', version).executeTakeFirstOrThrow();
    return JSON.parse(row.document);
  };

  beforeAll(async () => {
    await signIn(page(), admin);
  });
  afterAll(() => rmSync(downloads, { recursive: true, force: true }));

  it('lists the catalogue from the office menu', async () => {
    await page().getByRole('navigation', { name: 'Điều hướng chính' }).getByText('Thủ tục hành chính').click();
    await page().waitForURL('**/office/procedures');
    await page().getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }).waitFor();
    await page().getByRole('cell', { name: SEEDED, exact: true }).waitFor();
    await expectAccessible(page());
    await screenshot(page(), 'procedure-admin-list');
  });

  it('creates a procedure with a two-field form (previewed) and a two-step workflow', async () => {
    await page().getByRole('link', { name: 'Thêm thủ tục' }).click();
    await page().waitForURL('**/office/procedures/new');
    await page().getByRole('heading', { level: 1, name: 'Thêm thủ tục' }).waitFor();
    const general = panel();
    await general.getByLabel('Mã thủ tục', { exact: true }).fill(CODE);
    await general.getByLabel('Tên thủ tục', { exact: true }).fill('Cấp giấy xác nhận tình trạng hôn nhân');
    await general.getByLabel('Lĩnh vực', { exact: true }).fill('Hộ tịch');
    await general.getByLabel('Cơ quan thực hiện', { exact: true }).click();
    await page().locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Sở Tư pháp' }).first().click();
    await page().keyboard.press('Escape');
    await general.getByLabel('Thời hạn giải quyết (số lượng)', { exact: true }).fill('3');
    await general.getByLabel('Tên kết quả', { exact: true }).fill('Giấy xác nhận tình trạng hôn nhân');
    await general.getByRole('button', { name: 'Thêm căn cứ pháp lý' }).click();
    await general.getByLabel('Căn cứ pháp lý 1', { exact: true }).fill('Luật Hộ tịch số 60/2014/QH13');
    await general.getByRole('button', { name: 'Thêm phí, lệ phí' }).click();
    await general.getByLabel('Mã phí 1', { exact: true }).fill('le_phi');
    await general.getByLabel('Nội dung phí 1', { exact: true }).fill('Lệ phí xác nhận');
    await general.getByLabel('Mức thu phí 1 (đồng)', { exact: true }).fill('5000');
    await general.getByRole('button', { name: 'Thêm giấy tờ' }).click();
    await general.getByLabel('Mã giấy tờ 1', { exact: true }).fill('to_khai');
    await general.getByLabel('Tên giấy tờ 1', { exact: true }).fill('Tờ khai cấp giấy xác nhận tình trạng hôn nhân');
    await expectAccessible(page());
    await screenshot(page(), 'procedure-admin-general');

    await tab('Tờ khai').click();
    const schema = panel().getByLabel('JSON Schema của tờ khai', { exact: true });
    // A half-typed schema is reported where it is typed, and the preview waits for valid JSON.
    await schema.fill('{ "type": "object", ');
    await panel().getByText(/^JSON không hợp lệ:/).waitFor();
    await panel().getByText('Chưa xem trước được: JSON đang có lỗi.').waitFor();
    await schema.fill(TWO_FIELD_FORM);
    const preview = panel().getByRole('region', { name: 'Xem trước tờ khai' });
    await preview.getByLabel('Họ, chữ đệm, tên người yêu cầu').waitFor();
    await preview.getByLabel('Ngày sinh').waitFor();
    await preview.getByRole('button', { name: 'Kiểm tra thử' }).click();
    expect(await preview.getByText('Vui lòng nhập thông tin này.').count()).toBe(2);
    await expectAccessible(page());
    await screenshot(page(), 'procedure-admin-form-preview');

    await tab('Quy trình').click();
    const workflow = panel();
    await workflow.getByRole('button', { name: 'Thêm bước' }).click();
    await workflow.getByLabel('Mã bước 1', { exact: true }).fill('tiep_nhan');
    await workflow.getByLabel('Tên bước 1', { exact: true }).fill('Tiếp nhận hồ sơ');
    await pickSelect(page(), workflow, 'Vai trò xử lý bước 1', 'Cán bộ một cửa');
    await workflow.getByLabel('Thời gian bước 1 (số lượng)', { exact: true }).fill('4');
    await pickSelect(page(), workflow, 'Thời gian bước 1 (đơn vị)', 'giờ làm việc');
    await workflow.getByRole('button', { name: 'Thêm bước' }).click();
    await workflow.getByLabel('Mã bước 2', { exact: true }).fill('giai_quyet');
    await workflow.getByLabel('Tên bước 2', { exact: true }).fill('Giải quyết');
    await workflow.getByLabel('Thời gian bước 2 (số lượng)', { exact: true }).fill('2');
    await workflow.getByRole('button', { name: 'Thêm chuyển bước' }).click();
    await workflow.getByText('Tổng thời gian các bước: 20 giờ làm việc, trong thời hạn giải quyết 24 giờ làm việc.').waitFor();
    await expectAccessible(page());
    await screenshot(page(), 'procedure-admin-workflow');

    await page().getByRole('button', { name: 'Tạo thủ tục' }).click();
    await page().waitForURL(`**/office/procedures/${CODE}/edit`);
    await page().getByRole('heading', { level: 1, name: `Sửa thủ tục ${CODE}` }).waitFor();
    await page().getByText('Đã lưu phiên bản 1.').waitFor();
    expect(await versionOf(CODE)).toBe(1);
    const stored = await documentOf(CODE, 1);
    expect(stored).toMatchObject({
      code: CODE,
      name: 'Cấp giấy xác nhận tình trạng hôn nhân',
      competentUnitCodes: ['000.00.05.H18'],
      processingTime: { amount: 3, unit: 'working_days' },
      fees: [{ code: 'le_phi', name: 'Lệ phí xác nhận', amountVnd: 5000 }],
      legalBasis: ['Luật Hộ tịch số 60/2014/QH13'],
      workflow: {
        steps: [
          { code: 'tiep_nhan', name: 'Tiếp nhận hồ sơ', role: 'one_stop_officer', budget: { amount: 4, unit: 'working_hours' } },
          { code: 'giai_quyet', name: 'Giải quyết', role: 'specialist', budget: { amount: 2, unit: 'working_days' } },
        ],
        transitions: [{ from: 'tiep_nhan', action: 'forward', to: 'giai_quyet' }],
      },
    });
    expect(Object.keys(stored.form.schema.properties)).toEqual(['hoTen', 'ngaySinh']);
    const audit = await s.server.db.selectFrom('audit_log').select(['actor_username']).where('action', '=', 'procedure.create').where('entity_id', '=', CODE).execute();
    expect(audit).toEqual([{ actor_username: 'quantri' }]);
  });

  it('saves an edited name and an online fee reduction as version 2', async () => {
    await tab('Thông tin chung').click();
    expect(await panel().getByLabel('Mã thủ tục', { exact: true }).getAttribute('readonly')).not.toBeNull();
    await panel().getByLabel('Tên thủ tục', { exact: true }).fill('Cấp Giấy xác nhận tình trạng hôn nhân');
    await panel().getByRole('button', { name: 'Thêm trường hợp miễn, giảm' }).click();
    await panel().getByLabel('Mã miễn, giảm 1', { exact: true }).fill('truc_tuyen');
    await panel().getByLabel('Nội dung miễn, giảm 1', { exact: true }).fill('Nộp hồ sơ trực tuyến: giảm 50% lệ phí');
    await panel().getByLabel('Tỷ lệ giảm của dòng 1', { exact: true }).fill('50');
    await pickSelect(page(), panel(), 'Kênh nộp của dòng 1', 'Nộp trực tuyến');
    await page().getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await page().getByText('Đã lưu phiên bản 2.').waitFor();
    expect(await versionOf(CODE)).toBe(2);
    expect((await documentOf(CODE, 2)).name).toBe('Cấp Giấy xác nhận tình trạng hôn nhân');
    expect((await documentOf(CODE, 2)).feeReductions).toEqual([
      { code: 'truc_tuyen', name: 'Nộp hồ sơ trực tuyến: giảm 50% lệ phí', percent: 50, when: { channel: 'online' } },
    ]);
    await expectAccessible(page());
    await screenshot(page(), 'procedure-admin-fee-reductions');
    expect((await documentOf(CODE, 1)).name).toBe('Cấp giấy xác nhận tình trạng hôn nhân');
  });

  it('shows the server\'s Vietnamese error next to a transition that leads to an unknown step', async () => {
    await tab('Quy trình').click();
    // Renaming the step leaves the transition pointing at a step that no longer exists.
    await panel().getByLabel('Mã bước 2', { exact: true }).fill('phe_duyet');
    await page().getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    const error = panel().getByText('Không có bước giai_quyet trong quy trình.');
    await error.waitFor();
    // Beside the transition's "to" field (the same table row).
    const row = panel().getByRole('row').filter({ has: page().getByLabel('Chuyển bước 1: đến bước', { exact: true }) });
    expect(await row.innerText()).toContain('Không có bước giai_quyet trong quy trình.');
    expect(await versionOf(CODE)).toBe(2);
    await expectAccessible(page());
    await screenshot(page(), 'procedure-admin-transition-error');
    // Leaving the editor drops the unsaved change (in-app navigation: other suites may be rebuilding web/dist).
    await page().getByRole('link', { name: 'Quay lại danh sách thủ tục' }).click();
    await page().waitForURL('**/office/procedures');
  });

  it('exports the catalogue as a JSON file and imports it back with one procedure changed', async () => {
    await page().getByRole('cell', { name: CODE, exact: true }).waitFor();
    const [download] = await Promise.all([page().waitForEvent('download'), page().getByRole('button', { name: 'Xuất danh mục (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^danh-muc-thu-tuc-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = join(downloads, download.suggestedFilename());
    await download.saveAs(exported);
    const catalogue = JSON.parse(readFileSync(exported, 'utf8'));
    expect(catalogue.procedures.map((procedure: { code: string }) => procedure.code).sort()).toEqual([CODE, SEEDED].sort());

    const seeded = catalogue.procedures.find((procedure: { code: string }) => procedure.code === SEEDED);
    seeded.name = 'Đăng ký khai sinh (sửa qua nhập danh mục)';
    const changed = join(downloads, 'danh-muc-da-sua.json');
    writeFileSync(changed, JSON.stringify(catalogue));
    const [chooser] = await Promise.all([page().waitForEvent('filechooser'), page().getByRole('button', { name: 'Nhập danh mục' }).click()]);
    await chooser.setFiles(changed);
    await page().getByText('Đã nhập danh mục từ tệp danh-muc-da-sua.json: 0 thêm mới, 1 cập nhật, 1 không đổi.').waitFor();
    expect(await versionOf(SEEDED)).toBe(2);
    expect((await documentOf(SEEDED, 2)).name).toBe('Đăng ký khai sinh (sửa qua nhập danh mục)');
    await page().getByRole('cell', { name: 'Đăng ký khai sinh (sửa qua nhập danh mục)', exact: true }).waitFor();
    await expectAccessible(page());
    await screenshot(page(), 'procedure-admin-imported');
  });

  it('an import with a broken workflow names the procedure and the field, and changes nothing', async () => {
    const broken = { procedures: [sampleProcedure('E2E.002', { workflow: { steps: sampleProcedure('x').workflow.steps, transitions: [{ from: 'tiep_nhan', action: 'forward', to: 'khong_co' }] } })] };
    const file = join(downloads, 'danh-muc-loi.json');
    writeFileSync(file, JSON.stringify(broken));
    const [chooser] = await Promise.all([page().waitForEvent('filechooser'), page().getByRole('button', { name: 'Nhập danh mục' }).click()]);
    await chooser.setFiles(file);
    const alert = page().getByRole('alert').filter({ hasText: 'Không có bước khong_co trong quy trình.' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('E2E.002 · /workflow/transitions/0/to');
    expect(await s.server.db.selectFrom('procedures').select('code').where('code', '=', 'E2E.002').executeTakeFirst()).toBeUndefined();
    await expectAccessible(page());
  });

  it('retires a procedure after confirmation', async () => {
    await page().getByRole('link', { name: 'Sửa thủ tục Cấp Giấy xác nhận tình trạng hôn nhân' }).click();
    await page().waitForURL(`**/office/procedures/${CODE}/edit`);
    await page().getByRole('button', { name: 'Ngừng áp dụng' }).click();
    await page().getByText('Ngừng áp dụng thủ tục "Cấp Giấy xác nhận tình trạng hôn nhân"?').waitFor();
    await expectAccessible(page());
    await confirmPopover(page(), 'Ngừng áp dụng');
    await page().getByText('Đã ngừng áp dụng thủ tục (phiên bản 3).').waitFor();
    const head = await s.server.db.selectFrom('procedures').select(['status', 'current_version']).where('code', '=', CODE).executeTakeFirstOrThrow();
    expect(head).toMatchObject({ status: 'retired' });
    expect(Number(head.current_version)).toBe(3);
    await page().getByText('Đã ngừng áp dụng', { exact: true }).waitFor();
  });
});
