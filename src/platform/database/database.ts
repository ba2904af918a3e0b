import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { MultiHostPool } from './postgres-pool.js';
import { Kysely, Migrator, PostgresDialect, type SqliteDatabase, type Transaction } from 'kysely';
import type { Schema } from './schema.js';
import { GroupCommitSqliteDialect } from './sqlite-group-commit.js';
import type { DialectName } from './dialect.js';
import { migrations } from './migrations/index.js';

export type Db = Kysely<Schema>;
export type Tx = Transaction<Schema>;
/** A query runner: the database itself or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  /**
   * Reports and dashboards read here: DATABASE_READ_URL (a hot standby, some seconds behind) when set, otherwise
   * `db` (optional so that hand-built Database objects — bench, tools — need not set it). Never used inside a
   * write transaction.
   */
  readDb?: Db;
  dialect: DialectName;
  /** Where the SQLite file lives (undefined on PostgreSQL). */
  sqliteFile?: string;
  /** The raw better-sqlite3 handle, for online backup (undefined on PostgreSQL). */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  /** Optional PostgreSQL URL for reports and dashboards (a hot standby); see `Database.readDb`. */
  databaseReadUrl?: string;
  /** Pool size for PostgreSQL (per listed host). */
  maxConnections?: number;
  /** How long a new PostgreSQL connection may take before the host counts as unreachable. */
  connectionTimeoutMillis?: number;
  /** A pooled idle PostgreSQL connection broke (logged by the caller; the pool replaces it). */
  onIdleError?: (error: Error) => void;
}

// PostgreSQL returns BIGINT (count(*), bigint columns) as strings; our values fit in 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

export function openDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const poolOptions = {
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMillis,
      onIdleError: options.onIdleError,
    };
    // A multi-host DATABASE_URL fails over to whichever host is read-write (postgres-pool.ts).
    const db = new Kysely<Schema>({
      dialect: new PostgresDialect({ pool: new MultiHostPool({ ...poolOptions, url: options.databaseUrl, target: 'read-write' }) }),
    });
    const readDb = options.databaseReadUrl
      ? new Kysely<Schema>({
          dialect: new PostgresDialect({ pool: new MultiHostPool({ ...poolOptions, url: options.databaseReadUrl, target: 'any' }) }),
        })
      : db;
    return {
      db,
      readDb,
      dialect: 'postgres',
      close: async () => {
        await db.destroy();
        if (readDb !== db) await readDb.destroy();
      },
    };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, 'cqs.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged commit survives a power loss, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Transactions running while a commit is pending share that COMMIT (one fsync), each acknowledged only after it.
  const statements = withStatementCache(sqlite);
  const prepare = (sql: string) => statements.prepare(sql) as unknown as SQLite.Statement;
  const db = new Kysely<Schema>({ dialect: new GroupCommitSqliteDialect({ sqlite, prepare }) });
  return { db, readDb: db, dialect: 'sqlite', sqliteFile: file, sqlite, close: () => db.destroy() };
}

/** Prepared statements kept per SQL text: Kysely prepares every query anew, which costs about a millisecond a request. */
const STATEMENT_CACHE_SIZE = 500;

function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        // Oldest first out: queries built with IN lists of varying length would otherwise grow the map forever.
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

export function nowIso(): string {
  return new Date().toISOString();
}
