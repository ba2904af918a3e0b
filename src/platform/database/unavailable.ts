/**
 * Which database errors mean "the database cannot be reached or cannot take the work right now" (retry later,
 * nothing was written) rather than a fault in the request or the code. The error handler answers these with 503
 * DATABASE_UNAVAILABLE and Retry-After instead of 500 (issue 7: stop PostgreSQL under load → 503, never 500).
 */

// Socket-level failures node-pg reports while PostgreSQL is down, restarting or unreachable.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

// SQLSTATE (PostgreSQL appendix A): class 08 connection exception; 57P01 admin_shutdown, 57P02 crash_shutdown,
// 57P03 cannot_connect_now (starting up, or a standby not yet accepting); 53300 too_many_connections;
// 25006 read_only_sql_transaction (a write reached a standby during failover, before the nodes reconnect).
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '25006']);

// Messages node-pg raises without a code: a connection lost mid-query, or the pool's connectionTimeoutMillis.
const PG_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/,
];

/** True when `error` (or the error it wraps) says the database is unreachable, busy or shutting down. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (isUnavailableItself(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function isUnavailableItself(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
    // better-sqlite3: another writer kept the lock past busy_timeout, or the disk failed under the file.
    if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code.startsWith('SQLITE_IOERR')) return true;
  }
  if (error instanceof AggregateError && error.errors.some(isUnavailableItself)) return true;
  return typeof message === 'string' && PG_MESSAGES.some((pattern) => pattern.test(message));
}

/** Seconds a client should wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
