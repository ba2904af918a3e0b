import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { AppError } from '../errors/app-error.js';
import { parsePostgresUrl } from '../database/postgres-pool-url.js';

const run = promisify(execFile);

/**
 * pg_dump/pg_restore must be at least the server's version, so the newest installed server binaries come first
 * (/usr/lib/postgresql/<N>/bin, Debian/Ubuntu layout), then whatever is on PATH.
 */
export function findPostgresTool(tool: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const dirs = [...versions.map((v) => path.join(root, v, 'bin')), ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean)];
  const found = dirs.map((dir) => path.join(dir, tool)).find((candidate) => fs.existsSync(candidate));
  if (!found) throw new AppError('BACKUP_TOOL_MISSING', { tool });
  return found;
}

/**
 * The connection for libpq: the URL without its password, which goes in PGPASSWORD (not visible in `ps`). libpq reads
 * a multi-host URL (issue 7: failover) itself; with several hosts it is told to take the writable one, the primary,
 * unless the URL already says which (`target_session_attrs`).
 */
function connection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const { hosts, targetSession } = parsePostgresUrl(databaseUrl);
  const password = decodeURIComponent(new URL(hosts[0]!.url).password);
  let dbname = databaseUrl.trim().replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, '$1@');
  if (hosts.length > 1 && targetSession === undefined) dbname += `${dbname.includes('?') ? '&' : '?'}target_session_attrs=read-write`;
  return { dbname, env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function reasonOf(error: unknown): string {
  const stderr = (error as { stderr?: string }).stderr?.trim();
  return stderr || (error as Error).message;
}

/** `pg_dump --format=custom`: a consistent snapshot (one repeatable-read transaction) while the server runs. */
export async function backupPostgres(databaseUrl: string, file: string): Promise<void> {
  const { dbname, env } = connection(databaseUrl);
  const partial = `${file}.partial-${randomBytes(4).toString('hex')}`;
  try {
    await run(findPostgresTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, `--dbname=${dbname}`], { env });
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('BACKUP_FAILED', { reason: reasonOf(error) });
  }
}

/**
 * `pg_restore --clean --if-exists` in a single transaction: either the database is back to the backup point or,
 * on any error, unchanged. The server must be stopped (its connections would hold locks and see tables vanish).
 */
export async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new AppError('BACKUP_INVALID', { reason: `không có tệp ${file} (no such file)` });
  const pgRestore = findPostgresTool('pg_restore');
  let listing: string;
  try {
    listing = (await run(pgRestore, ['--list', file])).stdout;
  } catch (error) {
    throw new AppError('BACKUP_INVALID', { reason: reasonOf(error) });
  }
  if (!/ TABLE \S+ kysely_migration /.test(listing)) {
    throw new AppError('BACKUP_INVALID', { reason: 'không có bảng kysely_migration (no migrations table)' });
  }
  const { dbname, env } = connection(databaseUrl);
  try {
    await run(
      pgRestore,
      ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${dbname}`, file],
      { env },
    );
  } catch (error) {
    throw new AppError('RESTORE_FAILED', { reason: reasonOf(error) });
  }
}
