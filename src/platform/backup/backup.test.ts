import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { migrateToLatest, openDatabase, type Db } from '../database/database.js';
import { recordAudit } from '../audit/audit.js';
import { AppError } from '../errors/app-error.js';
import { backupDatabase, restoreDatabase } from './backup.js';

const context = { actorId: null, actorUsername: 'system', ip: null, requestId: 'test' };

async function addUnit(db: Db, code: string, name: string): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('units')
      .values({ code, name, short_name: name, type: 'department', parent_id: null, status: 'active', merged_into_id: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, context, { action: 'unit.create', entityType: 'unit', entityId: row.id, unitId: row.id });
  });
}

async function unitCodes(db: Db): Promise<string[]> {
  return (await db.selectFrom('units').select('code').orderBy('code').execute()).map((r) => r.code);
}

describe.each(DIALECTS)('backup and restore on %s', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it('brings the data back to the backup point with an intact audit chain', async () => {
    t = await createTestDatabase(dialect);
    const config = { databaseUrl: t.databaseUrl, dataDir: t.dataDir };
    await migrateToLatest(t.database.db);
    await addUnit(t.database.db, '000.00.05.H18', 'Sở Tư pháp');
    const file = path.join(t.dataDir, 'backups', 'cqs.backup');
    const written = await backupDatabase(t.database, config, file);
    expect(written.bytes).toBeGreaterThan(0);
    await addUnit(t.database.db, '000.00.07.H18', 'Sở Tài chính');
    await t.database.close();

    const result = await restoreDatabase(config, file);
    expect(result.verification).toMatchObject({ ok: true, entries: 1 });
    if (dialect === 'sqlite') expect(fs.existsSync(result.previous!)).toBe(true);

    const reopened = openDatabase({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
    try {
      expect(await unitCodes(reopened.db)).toEqual(['000.00.05.H18']);
      const head = await reopened.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
      expect(Number(head.seq)).toBe(1);
      // The restored database keeps working: the chain continues from the backup point.
      await addUnit(reopened.db, '000.00.10.H18', 'Sở Y tế');
      expect(await unitCodes(reopened.db)).toEqual(['000.00.05.H18', '000.00.10.H18']);
    } finally {
      await reopened.close();
    }
  });

  it('never overwrites an existing file and refuses a file that is not a backup, leaving the database as it was', async () => {
    t = await createTestDatabase(dialect);
    const config = { databaseUrl: t.databaseUrl, dataDir: t.dataDir };
    await migrateToLatest(t.database.db);
    await addUnit(t.database.db, '000.00.05.H18', 'Sở Tư pháp');
    const existing = path.join(t.dataDir, 'existing.backup');
    fs.writeFileSync(existing, 'không phải bản sao lưu');
    await expect(backupDatabase(t.database, config, existing)).rejects.toMatchObject({ code: 'BACKUP_TARGET_EXISTS' });
    expect(fs.readFileSync(existing, 'utf8')).toBe('không phải bản sao lưu');
    await t.database.close();

    const refused = await restoreDatabase(config, existing).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('BACKUP_INVALID');
    await expect(restoreDatabase(config, path.join(t.dataDir, 'missing.backup'))).rejects.toMatchObject({ code: 'BACKUP_INVALID' });

    const reopened = openDatabase({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
    try {
      expect(await unitCodes(reopened.db)).toEqual(['000.00.05.H18']);
    } finally {
      await reopened.close();
    }
  });
});

// PostgreSQL only: a multi-host URL is how nodes configured for failover name their database (SQLite has no URL).
describe('backup and restore on postgres through a multi-host DATABASE_URL', () => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it('dumps from and restores into the writable host', async () => {
    t = await createTestDatabase('postgres');
    await migrateToLatest(t.database.db);
    await addUnit(t.database.db, '000.00.05.H18', 'Sở Tư pháp');
    // As a node configured for failover lists its servers (docs/scale-out.md): the first one is down.
    const url = new URL(t.databaseUrl!);
    const multiHost = `postgres://${url.username}${url.password ? `:${url.password}` : ''}@127.0.0.1:1,${url.host}${url.pathname}`;
    const config = { databaseUrl: multiHost, dataDir: t.dataDir };
    const file = path.join(t.dataDir, 'backups', 'nhieu-may.backup');
    expect((await backupDatabase(t.database, config, file)).bytes).toBeGreaterThan(0);
    await addUnit(t.database.db, '000.00.07.H18', 'Sở Tài chính');
    await t.database.close();

    const result = await restoreDatabase(config, file);
    expect(result.verification).toMatchObject({ ok: true, entries: 1 });
    const reopened = openDatabase({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
    try {
      expect(await unitCodes(reopened.db)).toEqual(['000.00.05.H18']);
    } finally {
      await reopened.close();
    }
  });
});
