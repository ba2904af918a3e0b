import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { insertProvinceTree } from '../support/fixtures.js';
import { startServer, type RunningServer } from './support/server.js';
import { expectAccessible, launchChromium, newVietnameseContext, screenshot, useChromiumSession } from './support/browser.js';

describe('public pages in Chromium', () => {
  const s = useChromiumSession(async (server) => {
    await insertProvinceTree(server.db);
  });

  it('home shows the province, the three entry points and a footer, in Vietnamese, accessibly', async () => {
    await s.page.goto('/');
    await expect.poll(() => s.page.locator('header').textContent()).toContain('UBND tỉnh Điện Biên');
    expect(await s.page.locator('html').getAttribute('lang')).toBe('vi');
    const main = s.page.getByRole('main');
    await main.getByRole('heading', { level: 1 }).waitFor();
    expect(await main.getByRole('heading', { level: 1 }).innerText()).toBe('Chính quyền số UBND tỉnh Điện Biên');
    for (const name of ['Dịch vụ công trực tuyến', 'Tra cứu hồ sơ', 'Đăng nhập']) {
      expect(await main.getByRole('link', { name: new RegExp(name) }).count()).toBe(1);
    }
    expect(await s.page.getByRole('contentinfo').innerText()).toMatch(/© \d{4} UBND tỉnh Điện Biên\./);
    await screenshot(s.page, 'home');
    await expectAccessible(s.page);
  });

  it('the language switch turns the s.page and the API answers into English', async () => {
    await s.page.goto('/');
    await s.page.getByText('EN', { exact: true }).click();
    await s.page.getByRole('heading', { level: 1, name: /Digital Government of/ }).waitFor();
    expect(await s.page.locator('html').getAttribute('lang')).toBe('en');
    await s.page.goto('/login');
    await s.page.getByLabel('Username').fill('khong-ton-tai');
    await s.page.getByLabel('Password', { exact: true }).fill('sai mật khẩu');
    await s.page.getByRole('button', { name: 'Sign in' }).click();
    await s.page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
    await s.page.getByText('VI', { exact: true }).click();
    await s.page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(await s.page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it('login page: labelled fields, a Vietnamese problem for wrong credentials, keyboard only', async () => {
    await s.page.goto('/login');
    await s.page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await screenshot(s.page, 'login');
    await expectAccessible(s.page);
    // Keyboard only: the skip link first, then the form is reachable with Tab and submits with Enter.
    await s.page.getByLabel('Tên đăng nhập').focus();
    await s.page.keyboard.type('nobody');
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.type('không đúng mật khẩu');
    await s.page.keyboard.press('Enter');
    await s.page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();
    await expectAccessible(s.page);
  });

  it('shows the e-ID failure the s.server redirects to (?error=oidc)', async () => {
    await s.page.goto('/login?error=oidc');
    await s.page.getByRole('alert').filter({ hasText: 'Đăng nhập bằng định danh điện tử không thành công' }).waitFor();
  });

  it('office pages send a signed-out visitor to the login s.page, then back', async () => {
    await s.page.goto('/office/units');
    await s.page.waitForURL(/\/login\?next=%2Foffice%2Funits$/);
  });

  it('placeholders for later modules and unknown pages answer in Vietnamese', async () => {
    await s.page.goto('/services');
    await s.page.getByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến' }).waitFor();
    await expectAccessible(s.page);
    await s.page.goto('/khong-co-trang-nay');
    await s.page.getByText('Không tìm thấy trang').waitFor();
    await expectAccessible(s.page);
  });
});

describe('login page with national e-ID sign-in configured', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    // Only the configuration matters here: the page offers the button without contacting the provider.
    server = await startServer({ OIDC_ISSUER: 'http://127.0.0.1:9/', OIDC_CLIENT_ID: 'cqs-web', OIDC_DISPLAY_NAME: 'VNeID', OIDC_ALLOW_INSECURE: 'true' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('offers "Đăng nhập bằng VNeID" as a plain link to the server\'s start address', async () => {
    const context = await newVietnameseContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    const link = page.getByRole('link', { name: 'Đăng nhập bằng VNeID' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/api/auth/oidc/start');
    await expectAccessible(page);
    await context.close();
  });
});
