import { describe, expect, it } from 'vitest';
import { seedDemoCatalogue } from '../../src/modules/procedures/seed-demo-catalogue.js';
import { insertProvinceTree, insertUser, type TestUser } from '../support/fixtures.js';
import { expectAccessible, screenshot, useChromiumSession } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const auditContext = { actorId: null, actorUsername: 'system', ip: null, requestId: 'e2e-fee-quote' };
const THUONG_TRU = '1.004222';
const TRICH_LUC = '2.000635';

/** The published fee rules and the live "Lệ phí, phí" card of the filing form (demo catalogue, payments contract). */
describe('fees on the procedure page and the filing form in Chromium', { timeout: 180_000 }, () => {
  let citizen: TestUser;
  const s = useChromiumSession(async (server) => {
    await insertProvinceTree(server.db);
    await seedDemoCatalogue(server.db, auditContext);
    citizen = await insertUser(server.db, { username: 'congdan_phi', kind: 'citizen', fullName: 'Lò Thị Thanh', identityNumber: '011190004217' });
  });
  const card = () => s.page.getByRole('region', { name: 'Lệ phí, phí' });

  it('publishes the per-copy wording and the online reduction', async () => {
    await s.page.goto(`/services/${TRICH_LUC}`);
    const fees = s.page.getByRole('region', { name: 'Phí, lệ phí' });
    await fees.getByText('8.000 đ × Số bản sao yêu cầu').waitFor();
    await s.page.goto(`/services/${THUONG_TRU}`);
    await s.page.getByRole('region', { name: 'Phí, lệ phí' }).getByText(/Giảm 50%/).waitFor();
    expect(await s.page.getByRole('region', { name: 'Phí, lệ phí' }).innerText()).toContain('khi nộp trực tuyến');
    await expectAccessible(s.page);
    await screenshot(s.page, 'fees-procedure-page');
  });

  it('quotes thường trú online at half the fee', async () => {
    await signIn(s.page, citizen);
    await s.page.goto(`/services/${THUONG_TRU}/file`);
    await card().getByTestId('fee-total').filter({ hasText: '10.000 ₫' }).waitFor();
    expect(await card().innerText()).toContain('Nộp hồ sơ trực tuyến: giảm 50% lệ phí');
    await expectAccessible(s.page);
    await screenshot(s.page, 'fees-filing-card');
  });

  it('counts the copies asked for as the form changes', async () => {
    await s.page.goto(`/services/${TRICH_LUC}/file`);
    await card().getByTestId('fee-total').filter({ hasText: '8.000 ₫' }).waitFor();
    await s.page.getByLabel('Số bản sao yêu cầu').fill('3');
    await card().getByTestId('fee-total').filter({ hasText: '24.000 ₫' }).waitFor();
    expect(await card().innerText()).toContain('8.000 ₫ × 3 (Số bản sao yêu cầu)');
    await screenshot(s.page, 'fees-filing-card-copies');
  });
});
