import { ROLE_LABELS, isRole } from '../platform/auth/roles.js';
import type { SeedResult } from '../modules/demo/seed-province.js';

/** The lines printed after seeding: the accounts and how to sign in with them. */
export function seedReport(result: SeedResult, provinceName: string): string[] {
  const lines = [`  Đã nạp ${provinceName}: ${result.units} đơn vị (loaded ${result.units} units).`];
  if (result.accounts.length === 0) return lines;
  lines.push('  Tài khoản mẫu (demo accounts):');
  const width = Math.max(...result.accounts.map((a) => a.username.length));
  for (const account of result.accounts) {
    const role = isRole(account.role) ? ROLE_LABELS[account.role].vi : account.role;
    lines.push(`    ${account.username.padEnd(width)}  ${role} — ${account.fullName}${account.title ? `, ${account.title}` : ''}`);
  }
  // A configured password is not echoed (stdout may end up in logs); a generated one must be shown once.
  if (result.passwordGenerated) {
    lines.push(`  Mật khẩu chung (password): ${result.password}`);
    lines.push('  Mật khẩu được tạo ngẫu nhiên và chỉ hiển thị một lần này (generated, shown only this once).');
  } else {
    lines.push('  Mật khẩu: giá trị của biến CQS_DEMO_PASSWORD (password: the value of CQS_DEMO_PASSWORD).');
  }
  lines.push('  Tài khoản admin phải bật xác thực hai lớp (TOTP) ở lần đăng nhập đầu (admin must enrol TOTP at first sign-in).');
  return lines;
}
