import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  createQueryId,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  IdentifierNode,
  RawNode,
} from 'kysely';

/**
 * Group commit for SQLite: the transactions that run while a commit is pending share one COMMIT — one fsync under
 * `synchronous = FULL` — instead of paying one each. With the fsync at several milliseconds it was most of a filing
 * on SQLite; the platform serialises writers on SQLite's single connection anyway.
 *
 * How: the first transaction opens an outer transaction (BEGIN); each transaction, this one included, runs inside a
 * savepoint, so a failing one rolls back alone (ROLLBACK TO) as it did in a transaction of its own. When a transaction
 * ends, the connection goes to whoever waits for it, and the batch commits as soon as nobody who was already waiting
 * is left (a commit queued behind them). Every transaction that wrote resolves only after that COMMIT returned, so a
 * write is acknowledged only once it is durable (style guide: an acknowledged write survives a crash); if the COMMIT
 * fails, each of them fails with it and its client retries. A crash before the COMMIT loses the whole batch, none of
 * it acknowledged. Writes outside a transaction that land in an open batch wait for its COMMIT in the same way.
 *
 * Trade-off, stated: a read on this node may see a batch's writes a few milliseconds before their COMMIT (one
 * connection sees its own open transaction). Such a read is never a write's acknowledgement: any write that depends
 * on it commits in the same batch or a later one.
 */

/** Process-wide counts, for the bench and operators: writing transactions per COMMIT is what group commit saves. */
export const groupCommitStats = { commits: 0, writingTransactions: 0 };

/** First come, first served: the connection is handed to the next waiter in order. */
class Mutex {
  #locked = false;
  readonly #waiting: (() => void)[] = [];

  lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  unlock(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#locked = false;
  }
}

interface Batch {
  /** Transactions (and plain writes) that released the connection and wait for this batch's COMMIT. */
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

const SAVEPOINT = 'cqs_group_tx';
// Taken at load: a test that fakes timers must not be able to hold every commit back.
const afterQueuedWork = setImmediate;

/** One use of the connection (a transaction or a plain query), so its end is known even after it let go early. */
class Lease implements DatabaseConnection {
  inTransaction = false;
  wrote = false;
  released = false;

  constructor(private readonly driver: GroupCommitDriver) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    if (this.released) throw new Error('The SQLite connection was used after it was released');
    return this.driver.run<R>(this, compiledQuery);
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const statement = this.driver.prepare(compiledQuery.sql);
    if (!statement.reader) throw new Error('Sqlite driver only supports streaming of select queries');
    for (const row of statement.iterate(compiledQuery.parameters as unknown[])) yield { rows: [row as R] };
  }
}

export interface GroupCommitOptions {
  sqlite: SQLite.Database;
  /** How statements are prepared (the platform keeps them per SQL text). */
  prepare: (sql: string) => SQLite.Statement;
}

export class GroupCommitDriver implements Driver {
  readonly #mutex = new Mutex();
  #batch: Batch | undefined;
  #commitQueued = false;
  #destroyed = false;

  constructor(private readonly options: GroupCommitOptions) {}

  async init(): Promise<void> {}

  prepare(sql: string): SQLite.Statement {
    return this.options.prepare(sql);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    if (this.#destroyed) throw new Error('The SQLite database is closed');
    return new Lease(this);
  }

  run<R>(lease: Lease, compiledQuery: CompiledQuery): QueryResult<R> {
    const statement = this.prepare(compiledQuery.sql);
    const parameters = compiledQuery.parameters as unknown[];
    if (!statement.readonly) lease.wrote = true;
    try {
      if (statement.reader) return { rows: statement.all(parameters) as R[] };
      const { changes, lastInsertRowid } = statement.run(parameters);
      return {
        numAffectedRows: changes !== undefined && changes !== null ? BigInt(changes) : undefined,
        insertId: lastInsertRowid !== undefined && lastInsertRowid !== null ? BigInt(lastInsertRowid) : undefined,
        rows: [],
      };
    } catch (error) {
      // Some errors (disk full, I/O) make SQLite roll back the whole outer transaction: the batch is gone.
      if (this.#batch && !this.options.sqlite.inTransaction) this.#failBatch(error);
      throw error;
    }
  }

  async beginTransaction(lease: Lease): Promise<void> {
    if (!this.#batch) {
      this.#exec('begin');
      this.#batch = { waiters: [] };
    }
    this.#exec(`savepoint ${SAVEPOINT}`);
    lease.inTransaction = true;
  }

  async commitTransaction(lease: Lease): Promise<void> {
    this.#exec(`release ${SAVEPOINT}`);
    lease.inTransaction = false;
    await this.#letGo(lease);
  }

  async rollbackTransaction(lease: Lease): Promise<void> {
    // Released already: its COMMIT failed, and that failure is what the caller sees.
    if (lease.released) return;
    lease.inTransaction = false;
    lease.wrote = false;
    if (!this.#batch) return;
    if (!this.options.sqlite.inTransaction) {
      this.#failBatch(new Error('SQLite rolled back the group transaction'));
      return;
    }
    this.#exec(`rollback to ${SAVEPOINT}`);
    this.#exec(`release ${SAVEPOINT}`);
  }

  async savepoint(lease: Lease, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await lease.executeQuery(compileQuery(savepointCommand('savepoint', name), createQueryId()));
  }

  async rollbackToSavepoint(lease: Lease, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await lease.executeQuery(compileQuery(savepointCommand('rollback to', name), createQueryId()));
  }

  async releaseSavepoint(lease: Lease, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await lease.executeQuery(compileQuery(savepointCommand('release', name), createQueryId()));
  }

  async releaseConnection(lease: Lease): Promise<void> {
    if (lease.released) return;
    await this.#letGo(lease);
  }

  async destroy(): Promise<void> {
    await this.#mutex.lock();
    this.#destroyed = true;
    try {
      this.#commitBatch();
    } finally {
      this.options.sqlite.close();
    }
  }

  /** Hands the connection on; a lease whose writes sit in the open batch returns only after the batch's COMMIT. */
  async #letGo(lease: Lease): Promise<void> {
    lease.released = true;
    const durable = lease.wrote && this.#batch ? this.#join(this.#batch) : undefined;
    if (this.#batch && !this.#commitQueued) {
      this.#commitQueued = true;
      // After the waiters queued now (they join this batch), not before: the next turn of the loop lets them line up.
      afterQueuedWork(() => void this.#commitWhenFree());
    }
    this.#mutex.unlock();
    await durable;
  }

  #join(batch: Batch): Promise<void> {
    return new Promise((resolve, reject) => batch.waiters.push({ resolve, reject }));
  }

  async #commitWhenFree(): Promise<void> {
    await this.#mutex.lock();
    this.#commitQueued = false;
    if (this.#destroyed) return;
    try {
      this.#commitBatch();
    } finally {
      this.#mutex.unlock();
    }
  }

  #commitBatch(): void {
    const batch = this.#batch;
    if (!batch) return;
    this.#batch = undefined;
    try {
      this.#exec('commit');
    } catch (error) {
      if (this.options.sqlite.inTransaction) this.options.sqlite.exec('rollback');
      for (const waiter of batch.waiters) waiter.reject(error);
      return;
    }
    groupCommitStats.commits += 1;
    groupCommitStats.writingTransactions += batch.waiters.length;
    for (const waiter of batch.waiters) waiter.resolve();
  }

  #failBatch(error: unknown): void {
    const batch = this.#batch;
    this.#batch = undefined;
    for (const waiter of batch?.waiters ?? []) waiter.reject(error);
  }

  #exec(sql: string): void {
    this.prepare(sql).run();
  }
}

/** As Kysely's own driver builds it: the name goes through an identifier node, so it is quoted. */
function savepointCommand(command: string, name: string): RawNode {
  return RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]);
}

export class GroupCommitSqliteDialect implements Dialect {
  constructor(private readonly options: GroupCommitOptions) {}

  createDriver(): Driver {
    return new GroupCommitDriver(this.options);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
