import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { AppError } from '../errors/app-error.js';

const SIDE_FILES = ['-wal', '-shm'];
const ALL_PAGES = 0x7fffffff;

/**
 * Online backup through SQLite's backup API (better-sqlite3 `backup`): it copies a consistent snapshot page by
 * page while the server keeps writing, unlike copying the file, which can catch a half-written WAL.
 */
export async function backupSqlite(sqlite: SQLite.Database, file: string): Promise<void> {
  const partial = `${file}.partial-${randomBytes(4).toString('hex')}`;
  try {
    // All pages in one step, inside one read transaction: copied 100 pages at a time (the default), a backup restarts
    // whenever the server process writes in between, and under steady filing load it would never finish. In WAL mode
    // the read transaction does not hold up the server's writes.
    await sqlite.backup(partial, { progress: () => ALL_PAGES });
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new AppError('BACKUP_FAILED', { reason: (error as Error).message });
  }
}

/** Opens a candidate database file and checks it is an intact Chính quyền số database. */
function checkCandidate(file: string): void {
  let candidate: SQLite.Database | undefined;
  try {
    candidate = new SQLite(file, { fileMustExist: true });
    const check = candidate.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new AppError('BACKUP_INVALID', { reason: `quick_check: ${String(check)}` });
    const migrations = candidate.prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
    if (!migrations) throw new AppError('BACKUP_INVALID', { reason: 'không có bảng kysely_migration (no migrations table)' });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('BACKUP_INVALID', { reason: (error as Error).message });
  } finally {
    // Closing checkpoints the candidate's own WAL into it, so the renamed file stands alone.
    candidate?.close();
  }
}

/**
 * Replaces `<dataDir>/cqs.sqlite` with a backup. THE SERVER MUST BE STOPPED: a running server keeps the old file
 * open and would go on writing to it. The backup is copied next to the database, checked (opens, passes
 * quick_check, has the migrations table) and only then renamed into place; the previous database is kept
 * beside it as `cqs.sqlite.before-restore-<time>` (with its WAL) so a mistaken restore can be undone.
 */
export function restoreSqlite(databaseFile: string, backupFile: string): { previous?: string } {
  if (!fs.existsSync(backupFile)) throw new AppError('BACKUP_INVALID', { reason: `không có tệp ${backupFile} (no such file)` });
  const dir = path.dirname(databaseFile);
  fs.mkdirSync(dir, { recursive: true });
  const candidate = path.join(dir, `.restore-${randomBytes(4).toString('hex')}.sqlite`);
  try {
    fs.copyFileSync(backupFile, candidate);
    checkCandidate(candidate);
  } catch (error) {
    for (const suffix of ['', ...SIDE_FILES]) fs.rmSync(candidate + suffix, { force: true });
    throw error;
  }
  let previous: string | undefined;
  if (fs.existsSync(databaseFile)) {
    previous = `${databaseFile}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    // The old WAL belongs to the old file: left in place, SQLite would replay it into the restored one.
    for (const suffix of ['', ...SIDE_FILES]) {
      if (fs.existsSync(databaseFile + suffix)) fs.renameSync(databaseFile + suffix, previous + suffix);
    }
  }
  fs.renameSync(candidate, databaseFile);
  return { previous };
}
