import type { Command } from 'commander';
import { ROLE_CODES, ROLE_LABELS, Role, isRole } from '../platform/auth/roles.js';
import type { Executor } from '../platform/database/database.js';
import type { UserRow } from '../platform/database/schema.js';
import { createUser } from '../modules/users/create-user.js';
import { disableUser, resetPassword } from '../modules/users/account-security.js';
import { SYSTEM } from '../modules/users/performer.js';
import { findUserByUsername } from '../modules/users/users.repository.js';
import { findUnitByCode } from '../modules/units/units.repository.js';
import { systemAuditContext } from './audit-context.js';
import { CliError, action } from './output.js';
import { readStrongPassword } from './password-input.js';
import { configOrExit, withDatabase } from './runtime.js';

const PASSWORD_HELP =
  '\nMật khẩu lấy từ biến CQS_PASSWORD, hoặc dòng đầu của đầu vào chuẩn, hoặc được hỏi khi chạy trong terminal.\n' +
  'The password comes from CQS_PASSWORD, else the first line of standard input, else a prompt at the terminal.\n';

async function getUserByUsername(db: Executor, username: string): Promise<UserRow> {
  const user = await findUserByUsername(db, username.trim().toLowerCase());
  if (!user) throw new CliError(`Không có tài khoản ${username}.`, `No account named ${username}.`);
  return user;
}

interface AddOptions {
  username: string;
  name: string;
  role: string;
  unit?: string;
  subtree?: boolean;
  email?: string;
  title?: string;
}

async function addUser(options: AddOptions): Promise<void> {
  if (!isRole(options.role)) {
    throw new CliError(`Vai trò "${options.role}" không tồn tại; chọn một trong: ${ROLE_CODES.join(', ')}.`, `Unknown role; use one of: ${ROLE_CODES.join(', ')}.`);
  }
  const role = options.role;
  const config = configOrExit();
  await withDatabase(config, async ({ db }) => {
    let unitId: number | null = null;
    if (options.unit) {
      const unit = await findUnitByCode(db, options.unit.trim().toUpperCase());
      if (!unit) throw new CliError(`Không có đơn vị mã ${options.unit}.`, `No unit with the code ${options.unit}.`);
      unitId = unit.id;
    }
    const password = await readStrongPassword(options.username.trim().toLowerCase());
    const user = await createUser(
      db,
      systemAuditContext('user add'),
      {
        username: options.username,
        fullName: options.name,
        email: options.email ?? null,
        kind: role === Role.Citizen ? 'citizen' : 'official',
        unitId,
        title: options.title ?? null,
        password,
        roles: [{ role, unitId, includeSubtree: options.subtree ?? false }],
      },
      SYSTEM,
    );
    console.log(`Đã tạo tài khoản ${user.username} (id ${user.id}), vai trò ${ROLE_LABELS[role].vi} (account created, role ${ROLE_LABELS[role].en}).`);
  });
}

export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('Quản lý tài khoản người dùng (manage user accounts)');

  user
    .command('add')
    .description('Tạo tài khoản mới với một vai trò (create an account with one role)')
    .requiredOption('--username <username>', 'tên đăng nhập: chữ thường không dấu, số, . _ - (username)')
    .requiredOption('--name <fullName>', 'họ và tên (full name)')
    .requiredOption('--role <role>', `vai trò (role): ${ROLE_CODES.join(', ')}`)
    .option('--unit <code>', 'mã định danh của đơn vị, ví dụ 000.00.05.H18 (agency code of the unit)')
    .option('--subtree', 'vai trò áp dụng cho cả các đơn vị trực thuộc (the role covers sub-units too)')
    .option('--email <email>', 'thư điện tử (e-mail)')
    .option('--title <title>', 'chức danh, ví dụ "Chuyên viên" (job title)')
    .addHelpText('after', PASSWORD_HELP)
    .action(action(addUser));

  user
    .command('reset-password')
    .description('Đặt lại mật khẩu, mở khóa và đăng xuất mọi phiên của tài khoản (reset the password, unlock, end all sessions)')
    .requiredOption('--username <username>', 'tên đăng nhập (username)')
    .addHelpText('after', PASSWORD_HELP)
    .action(
      action(async (options: { username: string }) => {
        const config = configOrExit();
        await withDatabase(config, async ({ db }) => {
          const target = await getUserByUsername(db, options.username);
          const password = await readStrongPassword(target.username);
          await resetPassword(db, systemAuditContext('user reset-password'), target.id, password, SYSTEM);
          console.log(`Đã đặt lại mật khẩu cho ${target.username}; mọi phiên đăng nhập đã kết thúc (password reset, all sessions ended).`);
        });
      }),
    );

  user
    .command('disable')
    .description('Vô hiệu hóa tài khoản và kết thúc mọi phiên, mã truy cập của nó (disable the account, end its sessions and tokens)')
    .requiredOption('--username <username>', 'tên đăng nhập (username)')
    .action(
      action(async (options: { username: string }) => {
        const config = configOrExit();
        await withDatabase(config, async ({ db }) => {
          const target = await getUserByUsername(db, options.username);
          await disableUser(db, systemAuditContext('user disable'), target.id, SYSTEM);
          console.log(`Đã vô hiệu hóa tài khoản ${target.username} (account disabled).`);
        });
      }),
    );
}
