import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/database/database.js';
import type { DialectName } from '../../src/platform/database/dialect.js';
import { adminQuery, makeDataDir, urlOf } from './migrated-templates.js';

/** Every data and API test runs once per real database (style guide §4). */
export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  database: Database;
  dataDir: string;
  databaseUrl?: string;
  cleanup(): Promise<void>;
}


/** A fresh, empty database of the given dialect (a temp SQLite file, or a new PostgreSQL database). */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  return dialect === 'sqlite' ? openSqliteTestDatabase(makeDataDir()) : createPostgresTestDatabase();
}

/**
 * A fresh database of the given dialect with every migration applied: a copy of the template the global setup
 * migrated with the same code (`migrateToLatest`), so it is the database `createTestDatabase` + `migrateToLatest`
 * would give, in a file copy (SQLite) or `CREATE DATABASE … TEMPLATE` (PostgreSQL) instead of 13 migrations per app.
 * Tests of the migrations themselves use `createTestDatabase`, which starts empty.
 */
export async function createMigratedTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const templates = inject('migratedTemplates');
  if (dialect === 'sqlite') {
    const dataDir = makeDataDir();
    fs.copyFileSync(templates.sqliteFile, path.join(dataDir, 'cqs.sqlite'));
    return openSqliteTestDatabase(dataDir);
  }
  return createPostgresTestDatabase(templates.postgresDatabase);
}

function openSqliteTestDatabase(dataDir: string): TestDatabase {
  const database = openDatabase({ dataDir });
  return {
    database,
    dataDir,
    async cleanup() {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createPostgresTestDatabase(template?: string): Promise<TestDatabase> {
  const dataDir = makeDataDir();
  const baseUrl = inject('postgresUrl');
  const name = `cqs_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(baseUrl, template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  const databaseUrl = urlOf(baseUrl, name);
  const database = openDatabase({ dataDir, databaseUrl, maxConnections: 20 });
  return {
    database,
    dataDir,
    databaseUrl,
    async cleanup() {
      await database.close();
      await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
