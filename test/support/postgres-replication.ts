import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './postgres-cluster.js';

/**
 * A PostgreSQL primary and a hot standby started by the shipped `scripts/pg-replica.sh` (issue 7), so the tests
 * prove the script an operator runs, not a copy of it.
 */
export const REPLICA_SCRIPT = fileURLToPath(new URL('../../scripts/pg-replica.sh', import.meta.url));

const execFileAsync = promisify(execFile);

export interface ReplicaServer {
  dir: string;
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
}

export interface Replication {
  primary: ReplicaServer;
  standby: ReplicaServer;
  /** libpq-style URL listing the primary then the standby: what a node's DATABASE_URL holds. */
  bothHostsUrl(database?: string): string;
  /** Runs `pg-replica.sh <args>` (e.g. ['stop', dir, 'immediate']). */
  script(...args: string[]): Promise<string>;
  /**
   * Turns synchronous replication on or off on the running primary (ALTER SYSTEM + reload): setting up a database
   * asynchronously is quicker, the traffic under test then runs synchronously.
   */
  setSynchronous(on: boolean): Promise<void>;
  /** Loses the primary as a crash would (pg_ctl stop -m immediate). */
  losePrimary(): Promise<void>;
  promoteStandby(): Promise<void>;
  /** Resolves once the standby has replayed everything the primary has written so far. */
  standbyCaughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function runReplicaScript(args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync('bash', [REPLICA_SCRIPT, ...args], {
      // Throwaway clusters: fsync off (an immediate stop still leaves the written WAL in the kernel's cache).
      env: { ...process.env, PG_FAST: '1' },
      timeout: 120_000,
    });
    return stdout.trim();
  } catch (error) {
    const failed = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`pg-replica.sh ${args.join(' ')} failed: ${failed.stderr || failed.stdout || failed.message}`);
  }
}

export async function queryOne<T>(url: string, sql: string, params: unknown[] = []): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows[0] as T;
  } finally {
    await client.end();
  }
}

const running = new Set<string>();
process.once('exit', () => {
  // Last resort if a test process dies before its afterAll: no cluster outlives the run.
  for (const dir of running) {
    try {
      if (fs.existsSync(path.join(dir, 'data', 'postmaster.pid'))) execFileSync('bash', [REPLICA_SCRIPT, 'stop', dir, 'immediate']);
    } catch {
      // already stopped
    }
  }
});

/** `sync`: commits wait for the standby (synchronous_standby_names='*'), so failover loses no acknowledged write. */
export async function startReplication(options: { sync?: boolean } = {}): Promise<Replication> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-replica-'));
  // As root the servers run as `postgres`, which must reach the directories below.
  fs.chmodSync(base, 0o755);
  const server = (name: string, port: number): ReplicaServer => ({
    dir: path.join(base, name),
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
  });
  const primary = server('primary', await freePort());
  const standby = server('standby', await freePort());
  const stopQuietly = async (dir: string) => {
    if (!fs.existsSync(path.join(dir, 'data', 'postmaster.pid'))) return;
    await runReplicaScript(['stop', dir, 'immediate']).catch(() => undefined);
  };
  try {
    running.add(primary.dir);
    await runReplicaScript(['primary', primary.dir, String(primary.port), options.sync ? 'sync' : 'async']);
    running.add(standby.dir);
    await runReplicaScript(['standby', standby.dir, String(standby.port), String(primary.port)]);
  } catch (error) {
    await stopQuietly(standby.dir);
    await stopQuietly(primary.dir);
    fs.rmSync(base, { recursive: true, force: true });
    throw error;
  }
  return {
    primary,
    standby,
    bothHostsUrl: (database = 'postgres') =>
      `postgres://postgres@127.0.0.1:${primary.port},127.0.0.1:${standby.port}/${database}`,
    script: (...args) => runReplicaScript(args),
    async setSynchronous(on: boolean) {
      await queryOne(primary.url(), `ALTER SYSTEM SET synchronous_standby_names = '${on ? '*' : ''}'`);
      await queryOne(primary.url(), 'SELECT pg_reload_conf()');
      // The setting is live once the primary reports its standby as synchronous (or no longer).
      const deadline = Date.now() + 20_000;
      for (;;) {
        const row = await queryOne<{ sync: boolean } | undefined>(primary.url(), "SELECT bool_or(sync_state = 'sync') AS sync FROM pg_stat_replication");
        if (Boolean(row?.sync) === on) return;
        if (Date.now() > deadline) throw new Error(`the standby did not become ${on ? 'synchronous' : 'asynchronous'} within 20 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async losePrimary() {
      await runReplicaScript(['stop', primary.dir, 'immediate']);
    },
    async promoteStandby() {
      await runReplicaScript(['promote', standby.dir]);
    },
    async standbyCaughtUp(timeoutMs = 20_000) {
      const { lsn } = await queryOne<{ lsn: string }>(primary.url(), 'SELECT pg_current_wal_lsn()::text AS lsn');
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { caught } = await queryOne<{ caught: boolean }>(
          standby.url(),
          'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught',
          [lsn],
        );
        if (caught) return;
        if (Date.now() > deadline) throw new Error(`standby did not replay up to ${lsn} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      await stopQuietly(standby.dir);
      await stopQuietly(primary.dir);
      running.delete(primary.dir);
      running.delete(standby.dir);
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}
