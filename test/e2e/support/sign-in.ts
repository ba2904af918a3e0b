import { authenticator } from 'otplib';
import type { Page } from 'playwright-core';
import type { TestUser } from '../../support/fixtures.js';

/** Signs in through the login page, answering the OTP step when the account has TOTP. */
export async function signIn(page: Page, user: Pick<TestUser, 'username' | 'password' | 'totpSecret'>): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(user.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  if (user.totpSecret) {
    await page.getByRole('heading', { level: 1, name: 'Xác thực hai lớp' }).waitFor();
    await page.getByLabel('Mã xác thực (OTP)').fill(authenticator.generate(user.totpSecret));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
  }
  await page.waitForURL((url) => url.pathname !== '/login');
}
