import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { openDatabase, type Database } from '../database/database.js';
import { verifyAuditChain, type AuditVerification } from '../audit/audit.js';
import { AppError } from '../errors/app-error.js';
import { backupPostgres, restorePostgres } from './postgres-backup.js';
import { backupSqlite, restoreSqlite } from './sqlite-backup.js';

/** Writes a backup of the open database to `file` (never over an existing file: it may be the last good copy). */
export async function backupDatabase(database: Database, config: Pick<Config, 'databaseUrl'>, file: string): Promise<{ file: string; bytes: number }> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new AppError('BACKUP_TARGET_EXISTS', { file: target });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (database.dialect === 'postgres') await backupPostgres(config.databaseUrl!, target);
  else await backupSqlite(database.sqlite!, target);
  return { file: target, bytes: fs.statSync(target).size };
}

export interface RestoreResult {
  /** SQLite: where the replaced database was kept. */
  previous?: string;
  verification: AuditVerification;
}

/**
 * Replaces the configured database with a backup (the server must be stopped), then checks the restored audit
 * chain: a backup that fails the check was tampered with or damaged, and the operator must know at once.
 */
export async function restoreDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, file: string): Promise<RestoreResult> {
  const source = path.resolve(file);
  let previous: string | undefined;
  if (config.databaseUrl) await restorePostgres(config.databaseUrl, source);
  else previous = restoreSqlite(path.join(config.dataDir, 'cqs.sqlite'), source).previous;
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 2 });
  try {
    return { previous, verification: await verifyAuditChain(database.db) };
  } finally {
    await database.close();
  }
}
