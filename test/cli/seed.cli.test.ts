import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createTestApp } from '../support/app.js';
import { migrateToLatest } from '../../src/platform/database/database.js';
import { verifyPassword } from '../../src/platform/auth/password.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { onFirstStart } from '../../src/cli/first-start.js';
import { cliEnv, runCli } from './run-cli.js';

const PASSWORD = 'Hoa ban nở trắng Mường Thanh';

describe.each(DIALECTS)('cqs seed on %s', { timeout: 120_000 }, (dialect) => {
  let demo: TestDatabase;
  let other: TestDatabase;
  beforeAll(async () => {
    demo = await createTestDatabase(dialect);
    other = await createTestDatabase(dialect);
    await migrateToLatest(other.database.db);
  });
  afterAll(async () => {
    await demo?.cleanup();
    await other?.cleanup();
  });

  it('seed demo loads Điện Biên once, prints the accounts and a generated password, then refuses a second run', async () => {
    const first = await runCli(['seed', 'demo'], { env: cliEnv(demo) });
    expect(first.code, first.stderr).toBe(0);
    for (const username of ['admin', 'motcua', 'chuyenvien', 'truongphong', 'lanhdao', 'vanthu', 'congdan']) expect(first.stdout).toContain(username);
    const password = /Mật khẩu chung \(password\): (\S+)/.exec(first.stdout)?.[1];
    expect(password).toBeDefined();
    const admin = await demo.database.db.selectFrom('users').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(await verifyPassword(password!, admin.password_hash)).toBe(true);
    const communes = await demo.database.db.selectFrom('units').select('name').where('type', '=', 'commune').execute();
    expect(communes.length).toBeGreaterThanOrEqual(10);
    expect(first.stdout).toMatch(/Danh mục thủ tục mẫu: 1\d thủ tục/);
    const procedures = await demo.database.db.selectFrom('procedures').select('code').execute();
    expect(procedures.length).toBeGreaterThanOrEqual(12);

    const again = await runCli(['seed', 'demo'], { env: cliEnv(demo) });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Lỗi: Cơ sở dữ liệu đã có cây đơn vị');
    expect(again.stderr).toContain('Error: The database already has units');
    expect((await verifyAuditChain(demo.database.db)).ok).toBe(true);
  });

  it('seed province --file validates the JSON, names bad fields, and loads a valid file with CQS_DEMO_PASSWORD', async () => {
    const dir = other.dataDir;
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ province: { code: 'H18', name: 'UBND tỉnh Lai Châu', shortName: 'UBND', type: 'province' }, extra: 1 }));
    const refused = await runCli(['seed', 'province', '--file', bad], { env: cliEnv(other) });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Lỗi: Dữ liệu tỉnh không hợp lệ');
    expect(refused.stderr).toContain('/province/code');
    expect(refused.stderr).toContain('/extra');

    const notJson = path.join(dir, 'not.json');
    fs.writeFileSync(notJson, '{ "province": ');
    const broken = await runCli(['seed', 'province', '--file', notJson], { env: cliEnv(other) });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('không phải JSON hợp lệ');

    const good = path.join(dir, 'lai-chau.json');
    fs.writeFileSync(
      good,
      JSON.stringify({
        province: {
          code: '000.00.00.H25',
          name: 'UBND tỉnh Lai Châu',
          shortName: 'UBND',
          type: 'province',
          children: [{ code: '000.00.05.H25', name: 'Sở Tư pháp', shortName: 'STP', type: 'department' }],
        },
        accounts: [{ username: 'quantri', fullName: 'Giàng A Páo', role: 'admin', unitCode: '000.00.00.H25', includeSubtree: true }],
      }),
    );
    const loaded = await runCli(['seed', 'province', '--file', good], { env: cliEnv(other, { CQS_DEMO_PASSWORD: PASSWORD }) });
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stdout).toContain('UBND tỉnh Lai Châu: 2 đơn vị');
    expect(loaded.stdout).toContain('CQS_DEMO_PASSWORD');
    expect(loaded.stdout).not.toContain(PASSWORD);
    const user = await other.database.db.selectFrom('users').select('password_hash').where('username', '=', 'quantri').executeTakeFirstOrThrow();
    expect(await verifyPassword(PASSWORD, user.password_hash)).toBe(true);
  });

  it('seeds an empty database on first start and returns the lines to print, only once', async () => {
    const t = await createTestApp(dialect, { CQS_SEED_DEMO: 'true', CQS_DEMO_PASSWORD: PASSWORD });
    try {
      const lines = await onFirstStart(t.app);
      expect(lines.join('\n')).toContain('Lần chạy đầu tiên');
      expect(lines.join('\n')).toContain('congdan');
      expect(await onFirstStart(t.app)).toEqual([]);
      const audit = await t.db.selectFrom('audit_log').select('request_id').where('action', '=', 'seed.province').execute();
      expect(audit).toEqual([{ request_id: 'cli:serve' }]);
    } finally {
      await t.close();
    }
    const off = await createTestApp(dialect);
    try {
      expect(await onFirstStart(off.app)).toEqual([]);
      expect(await off.db.selectFrom('units').select('id').execute()).toEqual([]);
    } finally {
      await off.close();
    }
  });
});
