import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/database/database.js';
import type { DialectName } from '../../src/platform/database/dialect.js';
import { createMigratedTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { checkDurability, runAuditVerify } from '../support/durability-checks.js';
import { adminQuery, urlOf } from '../support/migrated-templates.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startSubmissionLoad } from '../support/submission-load.js';
import { reportFigures, sized } from './scale.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/** The real CLI, as an operator runs it (`cqs backup`, `cqs restore`), against the database the env names. */
async function cqs(args: string[], env: Record<string, string>): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin', 'cqs.js'), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LOG_LEVEL: 'warn', ...env } });
    return stdout;
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    throw new Error(`cqs ${args[0]} exited ${e.code}: ${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/** Where a restore goes: an empty data directory (SQLite) or an empty database on the same cluster (PostgreSQL). */
async function freshTarget(dialect: DialectName): Promise<{ env: Record<string, string>; open(): Database; cleanup(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-restored-'));
  if (dialect === 'sqlite') {
    return { env: { DATA_DIR: dataDir }, open: () => openDatabase({ dataDir }), cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const baseUrl = inject('postgresUrl');
  const name = `cqs_restored_${randomBytes(6).toString('hex')}`;
  await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
  const databaseUrl = urlOf(baseUrl, name);
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    open: () => openDatabase({ dataDir, databaseUrl, maxConnections: 2 }),
    async cleanup() {
      await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Issue 7, backups: `cqs backup` while citizens keep filing gives a consistent copy. Restored into a fresh database
 * with `cqs restore`, it passes `cqs audit verify`, holds every dossier acknowledged before the backup started, and
 * nothing in it is half-written (every dossier there has its event and audit entry, codes gap-free).
 */
describe.each(DIALECTS)('backup under write load (%s)', (dialect) => {
  let database: TestDatabase;
  let node: ServerProcess | undefined;
  const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-backup-'));

  beforeAll(async () => {
    database = await createMigratedTestDatabase(dialect);
    node = await startServerProcess({ dataDir: database.dataDir, label: `${dialect} node`, env: database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {} });
  }, 300_000);

  afterAll(async () => {
    await node?.kill();
    await database?.cleanup();
    fs.rmSync(backupDir, { recursive: true, force: true });
  });

  it('the restored copy verifies and has every dossier acknowledged before the backup, each whole', async () => {
    // Citizens keep filing until the backup is written: the copy is taken under write load, whatever its duration.
    const load = startSubmissionLoad({ baseUrls: [node!.url], count: 1_000_000, concurrency: 6, deadlineMs: sized(300_000, 600_000) });
    await load.waitForAcknowledged(sized(40, 500));
    const beforeBackup = [...load.acknowledged];
    const file = path.join(backupDir, `cqs-${dialect}.backup`);
    const serverEnv: Record<string, string> = { DATA_DIR: database.dataDir, ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}) };
    await cqs(['backup', file], serverEnv);
    const acknowledgedDuringBackup = load.acknowledged.length - beforeBackup.length;
    load.stop();
    const result = await load.finished;
    expect(result.unacknowledged).toEqual([]);
    expect(acknowledgedDuringBackup, 'filings acknowledged while the backup ran').toBeGreaterThan(0);

    const target = await freshTarget(dialect);
    try {
      const restored = await cqs(['restore', file, '--yes'], target.env);
      expect(restored).toContain('restored');
      await runAuditVerify(target.env);
      const copy = target.open();
      try {
        // The load goes on after the backup: the copy holds what was committed when it was taken, at least
        // everything acknowledged before it started, and every dossier in it is whole.
        const figures = await checkDurability(copy.db, beforeBackup, { keyPrefix: result.keyPrefix, expectOutboxDone: false });
        expect(figures.dossiers).toBeGreaterThanOrEqual(beforeBackup.length);
        reportFigures(`backup-under-load-${dialect}`, {
          submissions: result.acknowledged.length,
          acknowledgedBeforeBackup: beforeBackup.length,
          acknowledgedDuringBackup,
          dossiersInBackup: figures.dossiers,
          backupBytes: fs.statSync(file).size,
        });
      } finally {
        await copy.close();
      }
    } finally {
      await target.cleanup();
    }
  }, 420_000);
});
