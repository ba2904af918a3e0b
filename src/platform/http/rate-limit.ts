import { sql } from 'kysely';
import type { Executor } from '../database/database.js';
import { AppError } from '../errors/app-error.js';

export interface RateLimitResult {
  allowed: boolean;
  /** Hits counted in the current window, this one included. */
  hits: number;
  limit: number;
  /** Seconds until the current window ends (at least 1). */
  retryAfterSeconds: number;
}

/**
 * Counts one hit against `key` in a fixed window of `windowMs` and says whether it is within `limit`.
 * The counter lives in the `rate_limits` table, so every server node shares it; the upsert is a single
 * atomic statement on both SQLite and PostgreSQL, so concurrent hits are never lost.
 */
export async function hit(db: Executor, key: string, limit: number, windowMs: number, now = Date.now()): Promise<RateLimitResult> {
  const windowStartMs = Math.floor(now / windowMs) * windowMs;
  const windowStart = new Date(windowStartMs).toISOString();
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        // A newer window starts the count again; an older one (a node whose clock lags) keeps the current window.
        hits: sql<number>`case when rate_limits.window_start < excluded.window_start then 1 else rate_limits.hits + 1 end`,
        window_start: sql<string>`case when rate_limits.window_start < excluded.window_start then excluded.window_start else rate_limits.window_start end`,
      }),
    )
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow();
  const hits = Number(row.hits);
  const windowEnd = Date.parse(row.window_start) + windowMs;
  return {
    allowed: hits <= limit,
    hits,
    limit,
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)),
  };
}

/** Counts a hit and throws RATE_LIMITED (429, with Retry-After) when the key is over its limit. */
export async function enforceRateLimit(db: Executor, key: string, limit: number, windowMs: number): Promise<void> {
  const result = await hit(db, key, limit, windowMs);
  if (!result.allowed) throw new AppError('RATE_LIMITED', { retryAfter: result.retryAfterSeconds });
}

/** Removes counters whose window started before `before` (for a periodic clean-up job). */
export async function deleteStaleRateLimits(db: Executor, before: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('window_start', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
