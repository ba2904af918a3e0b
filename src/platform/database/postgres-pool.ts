import pg from 'pg';
import type { PostgresPool } from 'kysely';
import { parsePostgresUrl, type PostgresHost, type TargetSession } from './postgres-pool-url.js';

/**
 * A PostgreSQL pool over every host of a libpq-style multi-host URL (issue 7: failover without restart).
 * Each host has its own node-pg pool; a new connection is checked once, like libpq's
 * target_session_attrs=read-write, and a pool asks the hosts in turn, starting with the last one that served it.
 * After a standby is promoted, connections to the lost primary break, node-pg drops them, and the next
 * connection finds the promoted server — the nodes reconnect by themselves.
 */
export interface MultiHostPoolOptions {
  url: string;
  /** The writer needs a read-write server; a read pool (DATABASE_READ_URL) takes a standby as well. */
  target: TargetSession;
  /** Connections per host. */
  max: number;
  /** Give up on a host that does not answer within this time (unreachable hosts would otherwise hang). */
  connectionTimeoutMillis?: number;
  /** A pooled connection broke (server stopped, promoted, network): logged, never fatal to the process. */
  onIdleError?: (error: Error) => void;
}

/** No listed host accepts this pool's sessions: PostgreSQL's own code for a server that cannot take them now. */
export class NoSuitableHostError extends Error {
  readonly code = '57P03';
  constructor(
    readonly target: TargetSession,
    cause: unknown,
  ) {
    super(`no PostgreSQL host accepts ${target} sessions now`, { cause });
    this.name = 'NoSuitableHostError';
  }
}

export class MultiHostPool implements PostgresPool {
  private readonly pools: pg.Pool[];
  private readonly checked = new WeakSet<pg.PoolClient>();
  private current = 0;
  private readonly onClientError: ((error: Error) => void) | undefined;

  readonly hosts: PostgresHost[];
  readonly target: TargetSession;

  constructor(options: MultiHostPoolOptions) {
    const parsed = parsePostgresUrl(options.url);
    this.onClientError = options.onIdleError;
    this.hosts = parsed.hosts;
    // The URL may narrow a read pool to primaries; it never widens the writer's need for a read-write server.
    this.target = options.target === 'read-write' ? 'read-write' : (parsed.targetSession ?? 'any');
    this.pools = this.hosts.map((host) => {
      const pool = new pg.Pool({
        connectionString: host.url,
        max: options.max,
        ...(options.connectionTimeoutMillis !== undefined ? { connectionTimeoutMillis: options.connectionTimeoutMillis } : {}),
      });
      // Without a listener node-pg's 'error' on an idle client would end the process.
      pool.on('error', (error) => options.onIdleError?.(error));
      return pool;
    });
  }

  /** The host the last connection went to (tests and health reports). */
  get currentHost(): PostgresHost {
    return this.hosts[this.current]!;
  }

  async connect(): Promise<pg.PoolClient> {
    let lastError: unknown;
    let sawReadOnly = false;
    for (let step = 0; step < this.pools.length; step++) {
      const index = (this.current + step) % this.pools.length;
      let client: pg.PoolClient;
      try {
        client = await this.pools[index]!.connect();
      } catch (error) {
        lastError = error;
        continue;
      }
      if (!this.checked.has(client)) {
        // A connection that breaks while checked out (between the queries of a transaction, or after node-pg has
        // dropped it) emits 'error' on the client; node-pg listens only while it is idle in the pool, and an unheard
        // 'error' would end the process. The query in hand fails on its own and the pool drops the broken client.
        client.on('error', (error) => this.onClientError?.(error));
        try {
          if (!(await this.suits(client))) {
            client.release(true);
            sawReadOnly = true;
            continue;
          }
        } catch (error) {
          client.release(true);
          lastError = error;
          continue;
        }
        this.checked.add(client);
      }
      this.current = index;
      return client;
    }
    // One host that cannot be reached: its own error (ECONNREFUSED, timeout) says it best.
    if (this.pools.length === 1 && !sawReadOnly) throw lastError;
    throw new NoSuitableHostError(this.target, lastError);
  }

  async end(): Promise<void> {
    await Promise.all(this.pools.map((pool) => pool.end()));
  }

  /** libpq's read-write test: not a standby in recovery, and not a server that defaults to read-only transactions. */
  private async suits(client: pg.PoolClient): Promise<boolean> {
    if (this.target === 'any') return true;
    const { rows } = await client.query<{ recovery: boolean; read_only: string }>(
      "SELECT pg_is_in_recovery() AS recovery, current_setting('transaction_read_only') AS read_only",
    );
    return rows[0]!.recovery === false && rows[0]!.read_only === 'off';
  }
}
