import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { insertProvinceTree } from '../support/fixtures.js';
import { startServer, type RunningServer } from './support/server.js';
import { expectAccessible, launchChromium, newVietnameseContext, recordFailure, screenshot } from './support/browser.js';

describe('public pages in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    await insertProvinceTree(server.db);
    browser = await launchChromium();
    context = await newVietnameseContext(browser, server.baseUrl);
    page = await context.newPage();
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await recordFailure(page, task.name);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('home shows the province, the three entry points and a footer, in Vietnamese, accessibly', async () => {
    await page.goto('/');
    await expect.poll(() => page.locator('header').textContent()).toContain('UBND tỉnh Điện Biên');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1 }).waitFor();
    expect(await main.getByRole('heading', { level: 1 }).innerText()).toBe('Chính quyền số UBND tỉnh Điện Biên');
    for (const name of ['Dịch vụ công trực tuyến', 'Tra cứu hồ sơ', 'Đăng nhập']) {
      expect(await main.getByRole('link', { name: new RegExp(name) }).count()).toBe(1);
    }
    expect(await page.getByRole('contentinfo').innerText()).toMatch(/© \d{4} UBND tỉnh Điện Biên\./);
    await screenshot(page, 'home');
    await expectAccessible(page);
  });

  it('the language switch turns the page and the API answers into English', async () => {
    await page.goto('/');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Digital Government of/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto('/login');
    await page.getByLabel('Username').fill('khong-ton-tai');
    await page.getByLabel('Password', { exact: true }).fill('sai mật khẩu');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
    await page.getByText('VI', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it('login page: labelled fields, a Vietnamese problem for wrong credentials, keyboard only', async () => {
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await screenshot(page, 'login');
    await expectAccessible(page);
    // Keyboard only: the skip link first, then the form is reachable with Tab and submits with Enter.
    await page.getByLabel('Tên đăng nhập').focus();
    await page.keyboard.type('nobody');
    await page.keyboard.press('Tab');
    await page.keyboard.type('không đúng mật khẩu');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();
    await expectAccessible(page);
  });

  it('shows the e-ID failure the server redirects to (?error=oidc)', async () => {
    await page.goto('/login?error=oidc');
    await page.getByRole('alert').filter({ hasText: 'Đăng nhập bằng định danh điện tử không thành công' }).waitFor();
  });

  it('office pages send a signed-out visitor to the login page, then back', async () => {
    await page.goto('/office/units');
    await page.waitForURL(/\/login\?next=%2Foffice%2Funits$/);
  });

  it('placeholders for later modules and unknown pages answer in Vietnamese', async () => {
    await page.goto('/services');
    await page.getByRole('heading', { level: 1, name: 'Dịch vụ công trực tuyến' }).waitFor();
    await expectAccessible(page);
    await page.goto('/khong-co-trang-nay');
    await page.getByText('Không tìm thấy trang').waitFor();
    await expectAccessible(page);
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
