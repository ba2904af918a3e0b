import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { insertProvinceTree, insertUser } from '../support/fixtures.js';
import { migrateToLatest } from '../../src/platform/database/database.js';
import { verifyPassword } from '../../src/platform/auth/password.js';
import { createSession, SessionKind } from '../../src/platform/auth/sessions.js';
import { cliEnv, runCli } from './run-cli.js';

const PASSWORD = 'Hoa ban nở trắng Mường Thanh';
const NEW_PASSWORD = 'Đồi A1 tháng Năm 1954';

describe.each(DIALECTS)('cqs user on %s', { timeout: 120_000 }, (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await migrateToLatest(t.database.db);
    await insertProvinceTree(t.database.db);
  });
  afterAll(async () => t?.cleanup());

  it('user add creates the account with its role on the unit, audited as the system', async () => {
    const run = await runCli(
      ['user', 'add', '--username', 'NguyenVanAn', '--name', 'Nguyễn Văn An', '--role', 'admin', '--unit', '000.00.05.H18', '--subtree', '--email', 'an@example.test'],
      { env: cliEnv(t, { CQS_PASSWORD: PASSWORD }) },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Đã tạo tài khoản nguyenvanan');
    const db = t.database.db;
    const user = await db.selectFrom('users').selectAll().where('username', '=', 'nguyenvanan').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ full_name: 'Nguyễn Văn An', kind: 'official', email: 'an@example.test', status: 'active' });
    expect(await verifyPassword(PASSWORD, user.password_hash)).toBe(true);
    const grants = await db.selectFrom('role_grants').select(['role', 'unit_id', 'include_subtree']).where('user_id', '=', user.id).execute();
    expect(grants).toEqual([{ role: 'admin', unit_id: user.unit_id, include_subtree: 1 }]);
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'user.create').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_username: 'system', actor_id: null, request_id: 'cli:user add', entity_id: String(user.id) });
    expect(audit.summary).not.toContain(PASSWORD);
  });

  it('user add refuses a weak password from standard input, an unknown unit or role, and missing options', async () => {
    const weak = await runCli(['user', 'add', '--username', 'yeu', '--name', 'Lò Văn Yếu', '--role', 'specialist', '--unit', '000.00.05.H18'], {
      env: cliEnv(t),
      input: 'password1234\n',
    });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('Lỗi: Mật khẩu không đủ mạnh: mật khẩu này quá phổ biến');
    expect(weak.stderr).toContain('Error: The password is too weak: this password is too common.');
    const noUnit = await runCli(['user', 'add', '--username', 'khongdonvi', '--name', 'A', '--role', 'specialist', '--unit', '999.99.99.H18'], {
      env: cliEnv(t, { CQS_PASSWORD: PASSWORD }),
    });
    expect(noUnit.code).toBe(1);
    expect(noUnit.stderr).toContain('Không có đơn vị mã 999.99.99.H18');
    const missing = await runCli(['user', 'add', '--username', 'thieu'], { env: cliEnv(t) });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Lỗi: thiếu tùy chọn bắt buộc --name <fullName>');
    expect(missing.stderr).toContain("error: required option '--name <fullName>' not specified");
    const names = await t.database.db.selectFrom('users').select('username').where('username', 'in', ['yeu', 'khongdonvi', 'thieu']).execute();
    expect(names).toEqual([]);
  });

  it('user reset-password takes the new password from standard input and ends the sessions', async () => {
    const db = t.database.db;
    const target = await insertUser(db, { username: 'quangthimai' });
    await createSession(db, { userId: target.id, kind: SessionKind.Token, mfaVerified: true, ip: null, userAgent: null, ttlMs: 60_000 });
    await db.updateTable('users').set({ failed_logins: 5, locked_until: '2999-01-01T00:00:00.000Z' }).where('id', '=', target.id).execute();
    const run = await runCli(['user', 'reset-password', '--username', 'QuangThiMai'], { env: cliEnv(t), input: `${NEW_PASSWORD}\n` });
    expect(run.code, run.stderr).toBe(0);
    const user = await db.selectFrom('users').selectAll().where('id', '=', target.id).executeTakeFirstOrThrow();
    expect(await verifyPassword(NEW_PASSWORD, user.password_hash)).toBe(true);
    expect(user).toMatchObject({ failed_logins: 0, locked_until: null });
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', target.id).execute()).toEqual([]);

    const nobody = await runCli(['user', 'reset-password', '--username', 'khongco'], { env: cliEnv(t), input: `${NEW_PASSWORD}\n` });
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('Lỗi: Không có tài khoản khongco.');
  });

  it('user disable disables the account and ends its sessions', async () => {
    const db = t.database.db;
    const target = await insertUser(db, { username: 'cathihuong' });
    await createSession(db, { userId: target.id, kind: SessionKind.Token, mfaVerified: true, ip: null, userAgent: null, ttlMs: 60_000 });
    const run = await runCli(['user', 'disable', '--username', 'cathihuong'], { env: cliEnv(t) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Đã vô hiệu hóa tài khoản cathihuong');
    const user = await db.selectFrom('users').select('status').where('id', '=', target.id).executeTakeFirstOrThrow();
    expect(user.status).toBe('disabled');
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', target.id).execute()).toEqual([]);
    const audit = await db.selectFrom('audit_log').select('request_id').where('action', '=', 'user.disable').execute();
    expect(audit).toEqual([{ request_id: 'cli:user disable' }]);
  });
});
