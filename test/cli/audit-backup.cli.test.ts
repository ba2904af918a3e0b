import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { migrateToLatest, openDatabase, type Database, type Db } from '../../src/platform/database/database.js';
import { recordAudit } from '../../src/platform/audit/audit.js';
import { cliEnv, runCli } from './run-cli.js';

const context = { actorId: null, actorUsername: 'system', ip: '127.0.0.1', requestId: 'test' };

async function auditedUnit(db: Db, code: string, name: string): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('units')
      .values({ code, name, short_name: name, type: 'department', parent_id: null, status: 'active', merged_into_id: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, context, { action: 'unit.create', entityType: 'unit', entityId: row.id, unitId: row.id, summary: { after: { name } } });
  });
}

describe.each(DIALECTS)('cqs audit verify, backup and restore on %s', { timeout: 180_000 }, (dialect) => {
  let t: TestDatabase;
  let db: Db;
  let reopened: Database | undefined;

  /** What a tamperer with database access does first: switch off the append-only triggers. */
  async function dropGuards(): Promise<void> {
    if (dialect === 'postgres') {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
    } else {
      await sql`DROP TRIGGER IF EXISTS audit_log_no_update`.execute(db);
      await sql`DROP TRIGGER IF EXISTS audit_log_no_delete`.execute(db);
    }
  }

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    db = t.database.db;
    await migrateToLatest(db);
    await auditedUnit(db, '000.00.02.H18', 'Sở Nội vụ');
    await auditedUnit(db, '000.00.05.H18', 'Sở Tư pháp');
    await auditedUnit(db, '000.00.07.H18', 'Sở Tài chính');
    await auditedUnit(db, '000.00.10.H18', 'Sở Y tế');
  });
  afterAll(async () => {
    await reopened?.close();
    await t?.cleanup();
  });

  it('audit verify passes on an untouched chain', async () => {
    const run = await runCli(['audit', 'verify'], { env: cliEnv(t) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Chuỗi nhật ký toàn vẹn: 4 mục (audit chain intact: 4 entries).');
  });

  it('backup, more writes, restore: the data is back to the backup point and the chain verifies', async () => {
    const file = path.join(t.dataDir, 'sao-luu.backup');
    const backup = await runCli(['backup', file], { env: cliEnv(t) });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('Đã sao lưu');
    await auditedUnit(db, '000.00.11.H18', 'Sở Giáo dục và Đào tạo');

    const unconfirmed = await runCli(['restore', file], { env: cliEnv(t) });
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain('thêm --yes để xác nhận');

    // The server (here: the test's connection) is stopped before a restore.
    await t.database.close();
    const restore = await runCli(['restore', '--yes', file], { env: cliEnv(t) });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('Chuỗi nhật ký toàn vẹn: 4 mục');
    reopened = openDatabase({ dataDir: t.dataDir, databaseUrl: t.databaseUrl });
    db = reopened.db;
    const codes = (await db.selectFrom('units').select('code').orderBy('code').execute()).map((r) => r.code);
    expect(codes).toEqual(['000.00.02.H18', '000.00.05.H18', '000.00.07.H18', '000.00.10.H18']);

    const again = await runCli(['backup', file], { env: cliEnv(t) });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('đã tồn tại');
  });

  it('audit verify exits 1 naming an altered entry', async () => {
    await dropGuards();
    const original = await db.selectFrom('audit_log').select('summary').where('seq', '=', 3).executeTakeFirstOrThrow();
    await db.updateTable('audit_log').set({ summary: JSON.stringify({ after: { name: 'Sở Tài chính (đã sửa)' } }) }).where('seq', '=', 3).execute();
    const run = await runCli(['audit', 'verify'], { env: cliEnv(t) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Mục nhật ký #3 đã bị sửa');
    expect(run.stderr).toContain('#3 — altered');
    await db.updateTable('audit_log').set({ summary: original.summary }).where('seq', '=', 3).execute();
  });

  it('audit verify exits 1 naming a deleted entry', async () => {
    const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    await db.deleteFrom('audit_log').where('seq', '=', 2).execute();
    const run = await runCli(['audit', 'verify'], { env: cliEnv(t) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Mục nhật ký #2 đã bị xóa');
    await db.insertInto('audit_log').values(row).execute();
  });

  it('audit verify exits 1 naming the first entry of a swapped pair', async () => {
    await db.updateTable('audit_log').set({ seq: -1 }).where('seq', '=', 2).execute();
    await db.updateTable('audit_log').set({ seq: 2 }).where('seq', '=', 3).execute();
    await db.updateTable('audit_log').set({ seq: 3 }).where('seq', '=', -1).execute();
    const run = await runCli(['audit', 'verify'], { env: cliEnv(t) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('#2 — reordered');
  });

  it('stops with exit code 2 naming the variable when the configuration is wrong', async () => {
    const run = await runCli(['audit', 'verify'], { env: { DATA_DIR: t.dataDir, DATABASE_URL: 'mysql://localhost/cqs' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('DATABASE_URL');
  });
});

describe('cqs audit verify on a database that was never migrated', { timeout: 60_000 }, () => {
  it('says to run migrate first instead of failing on a missing table', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-empty-'));
    try {
      const run = await runCli(['audit', 'verify'], { env: { DATA_DIR: dataDir } });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Lỗi: Cơ sở dữ liệu chưa được khởi tạo: hãy chạy "cqs migrate" trước.');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
