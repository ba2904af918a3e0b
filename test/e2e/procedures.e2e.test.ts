import { describe, expect, it } from 'vitest';
import type { AuditContext } from '../../src/platform/audit/audit.js';
import { DEMO_CATALOGUE } from '../../src/modules/procedures/demo-catalogue.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { TEST_PASSWORD } from '../support/fixtures.js';
import { pickOption } from './support/antd.js';
import { expectAccessible, screenshot, useChromiumSession } from './support/browser.js';

const auditContext: AuditContext = { actorId: null, actorUsername: 'system', ip: null, requestId: 'e2e-procedures' };

/** A visitor, without signing in, finds a procedure in the public catalogue and reads what to bring. */
describe('public procedure catalogue in Chromium', { timeout: 120_000 }, () => {
  const s = useChromiumSession(async (server) => {
    // The Điện Biên demo: its communes are the competent units of the commune-level procedures.
    await seedDemo(server.db, { password: TEST_PASSWORD, auditContext });
  });
  const results = () => s.page.getByRole('region', { name: 'Kết quả tìm kiếm' });
  const resultNames = () => results().getByRole('heading', { level: 3 });

  it('finds "Đăng ký khai sinh" first when typed without diacritics, and keeps the search in the address', async () => {
    await s.page.goto('/services');
    await s.page.getByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến' }).waitFor();
    await s.page.getByText(`Tìm thấy ${DEMO_CATALOGUE.length} thủ tục`).waitFor();
    await s.page.getByLabel('Tên hoặc mã thủ tục').fill('dang ky khai sinh');
    await s.page.getByLabel('Tên hoặc mã thủ tục').press('Enter');
    await s.page.waitForURL(/\/services\?q=dang\+ky\+khai\+sinh$/);
    await expect.poll(() => resultNames().first().innerText()).toBe('Đăng ký khai sinh');
    const first = results().getByRole('listitem').first();
    expect(await first.innerText()).toContain('1.001193');
    expect(await first.innerText()).toContain('Toàn trình');
    expect(await first.innerText()).toContain('Miễn phí');
    await expectAccessible(s.page);
    await screenshot(s.page, 'services-search');
  });

  it('opens the procedure: documents with the data-store mark, free fee, legal basis and the online filing link', async () => {
    await resultNames().first().getByRole('link').click();
    await s.page.waitForURL('**/services/1.001193');
    await s.page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    await s.page.getByText('UBND phường Điện Biên Phủ').waitFor();
    const documents = s.page.getByRole('region', { name: 'Thành phần hồ sơ' });
    const idRow = documents.getByRole('row').filter({ hasText: 'Giấy tờ tùy thân của người yêu cầu' });
    expect(await idRow.innerText()).toContain('Có thể lấy từ kho dữ liệu');
    expect(await documents.getByRole('row').filter({ hasText: 'Giấy chứng sinh' }).innerText()).toContain('Bắt buộc');
    const fees = s.page.locator('section').filter({ has: s.page.getByRole('heading', { level: 2, name: 'Phí, lệ phí' }) });
    expect(await fees.getByRole('row').filter({ hasText: 'Lệ phí đăng ký khai sinh' }).innerText()).toContain('Miễn phí');
    await s.page.getByText('Luật Hộ tịch số 60/2014/QH13').waitFor();
    expect(await s.page.getByText('8 giờ làm việc').count()).toBe(1);
    // Online filing leads to the filing page (which asks a visitor to sign in first).
    expect(await s.page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).getAttribute('href')).toBe('/services/1.001193/file');
    await expectAccessible(s.page);
    await screenshot(s.page, 'services-detail');

    await s.page.goBack();
    await s.page.waitForURL(/\/services\?q=dang\+ky\+khai\+sinh$/);
    expect(await s.page.getByLabel('Tên hoặc mã thủ tục').inputValue()).toBe('dang ky khai sinh');
    await expect.poll(() => resultNames().first().innerText()).toBe('Đăng ký khai sinh');
  });

  it('shows a fee in đồng with Vietnamese grouping', async () => {
    await s.page.goto('/services/2.000488');
    await s.page.getByRole('heading', { level: 1, name: /Cấp Phiếu lý lịch tư pháp/ }).waitFor();
    expect(await s.page.getByRole('cell', { name: '200.000 đ' }).count()).toBe(1);
  });

  it('filters by online level "Một phần"', async () => {
    const partly = DEMO_CATALOGUE.filter((procedure) => procedure.onlineLevel === 'mot_phan');
    await s.page.goto('/services');
    await s.page.getByText(`Tìm thấy ${DEMO_CATALOGUE.length} thủ tục`).waitFor();
    await pickOption(s.page, s.page.locator('form'), 'Mức độ trực tuyến', 'Một phần');
    await s.page.waitForURL(/\/services\?onlineLevel=mot_phan$/);
    await s.page.getByText(`Tìm thấy ${partly.length} thủ tục`).waitFor();
    const names = await resultNames().allInnerTexts();
    expect(names.sort()).toEqual(partly.map((procedure) => procedure.name).sort());
    const tags = await results().getByRole('listitem').evaluateAll((items) => items.map((item) => item.textContent ?? ''));
    expect(tags.every((text) => text.includes('Một phần') && !text.includes('Toàn trình'))).toBe(true);
    await expectAccessible(s.page);
    await screenshot(s.page, 'services-filter-online-level');
  });

  it('filters by field and level together with the online level, and clears the filters', async () => {
    const civilStatus = DEMO_CATALOGUE.filter((procedure) => procedure.field === 'Hộ tịch' && procedure.level === 'commune' && procedure.onlineLevel === 'mot_phan');
    await pickOption(s.page, s.page.locator('form'), 'Lĩnh vực', 'Hộ tịch');
    await pickOption(s.page, s.page.locator('form'), 'Cấp thực hiện', 'Cấp xã');
    await s.page.waitForURL(/\/services\?field=H%E1%BB%99\+t%E1%BB%8Bch&level=commune&onlineLevel=mot_phan$/);
    await s.page.getByText(`Tìm thấy ${civilStatus.length} thủ tục`).waitFor();
    expect((await resultNames().allInnerTexts()).sort()).toEqual(civilStatus.map((procedure) => procedure.name).sort());
    await s.page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await s.page.waitForURL(/\/services$/);
    await s.page.getByText(`Tìm thấy ${DEMO_CATALOGUE.length} thủ tục`).waitFor();
  });

  it('pages through the whole catalogue with the page in the address, and Back returns to page 1', async () => {
    await s.page.goto('/services');
    await s.page.getByText(`Tìm thấy ${DEMO_CATALOGUE.length} thủ tục`).waitFor();
    await expect.poll(() => resultNames().count()).toBe(10);
    await expectAccessible(s.page);
    await s.page.locator('.ant-pagination-item-2').click();
    await s.page.waitForURL(/\/services\?page=2$/);
    await expect.poll(() => resultNames().count()).toBe(DEMO_CATALOGUE.length - 10);
    await s.page.goBack();
    await s.page.waitForURL(/\/services$/);
    await expect.poll(() => resultNames().count()).toBe(10);
  });

  it('a search without results says so, readably', async () => {
    await s.page.goto('/services?q=khong+co+thu+tuc+nay');
    await s.page.getByText('Tìm thấy 0 thủ tục').waitFor();
    await results().getByText('Không có thủ tục nào phù hợp.', { exact: false }).waitFor();
    expect(await s.page.getByLabel('Tên hoặc mã thủ tục').inputValue()).toBe('khong co thu tuc nay');
    await expectAccessible(s.page);
  });

  it('an unknown code shows the not-found page', async () => {
    await s.page.goto('/services/9.999999');
    await s.page.getByRole('heading', { level: 1, name: 'Không tìm thấy thủ tục' }).waitFor();
    await s.page.getByText('Không có thủ tục mang mã 9.999999 trong danh mục.').waitFor();
    await expectAccessible(s.page);
    await screenshot(s.page, 'services-not-found');
  });
});
