import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { migrateToLatest, openDatabase } from '../../src/platform/database/database.js';

/** The databases migrated once by the global setup, copied for every app (see createMigratedTestDatabase). */
export interface MigratedTemplates {
  /** A closed SQLite file holding every migration. */
  sqliteFile: string;
  /** A PostgreSQL database holding every migration, used only as a TEMPLATE (nobody connects to it). */
  postgresDatabase: string;
}

/**
 * Where test data directories go: tmpfs when the machine has one. The SQLite file runs with synchronous=FULL, and on
 * a disk every commit of every test waits for an fsync; what the tests check does not depend on the medium.
 */
function testTempRoot(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(testTempRoot(), 'cqs-test-'));
}

export function urlOf(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(baseUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Global setup: migrates one SQLite file and one PostgreSQL database that every migrated test database copies. */
export async function createMigratedTemplates(postgresUrl: string): Promise<MigratedTemplates & { drop(): Promise<void> }> {
  const dir = makeDataDir();
  const sqlite = openDatabase({ dataDir: dir });
  await migrateToLatest(sqlite.db);
  // Closing the last connection checkpoints the WAL into the file, so the one file is the whole database.
  await sqlite.close();
  const postgresDatabase = `cqs_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(postgresUrl, `CREATE DATABASE ${postgresDatabase}`);
  const postgres = openDatabase({ dataDir: dir, databaseUrl: urlOf(postgresUrl, postgresDatabase), maxConnections: 1 });
  try {
    await migrateToLatest(postgres.db);
  } finally {
    // A template must have no open connection while it is copied.
    await postgres.close();
  }
  return {
    sqliteFile: sqlite.sqliteFile!,
    postgresDatabase,
    async drop() {
      await adminQuery(postgresUrl, `DROP DATABASE IF EXISTS ${postgresDatabase} WITH (FORCE)`).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
