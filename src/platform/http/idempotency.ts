import { createHash } from 'node:crypto';
import type { Db, Tx } from '../database/database.js';
import { AppError } from '../errors/app-error.js';

export interface IdempotentRequest {
  userId: number;
  /** The `Idempotency-Key` header, if the client sent one. */
  key: string | undefined;
  /** Method and route pattern, e.g. `POST /api/dossiers/:code/actions`, plus the resource. */
  scope: string;
  body: unknown;
}

export interface IdempotentResult<T> {
  statusCode: number;
  body: T;
  /** True when the stored response of an earlier identical request was returned instead of acting again. */
  replayed: boolean;
}

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;

/** How long a stored response answers retries; the housekeeping job removes older keys. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Runs `work` in one transaction; with a key, at most once per user and key (draft-ietf-httpapi-idempotency-key).
 * The key row is claimed first, inside the same transaction: a concurrent duplicate waits on it (PostgreSQL's unique
 * index; SQLite serialises writers) and then replays the committed response; a failed attempt rolls the claim back,
 * so a retry acts. The same key with a different body or route is refused (422) rather than silently replayed.
 */
export async function withIdempotency<T>(
  db: Db,
  request: IdempotentRequest,
  work: (tx: Tx) => Promise<{ statusCode: number; body: T }>,
): Promise<IdempotentResult<T>> {
  if (request.key === undefined) {
    const result = await db.transaction().execute(work);
    return { ...result, replayed: false };
  }
  if (!KEY_PATTERN.test(request.key)) throw new AppError('IDEMPOTENCY_KEY_INVALID');
  const key = request.key;
  const requestHash = createHash('sha256').update(canonicalJson(request.body ?? null)).digest('hex');
  return db.transaction().execute(async (tx) => {
    const claimed = await tx
      .insertInto('idempotency_keys')
      .values({
        user_id: request.userId,
        key,
        scope: request.scope,
        request_hash: requestHash,
        status_code: 0,
        response: '',
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) {
      const stored = await tx
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('user_id', '=', request.userId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (stored.scope !== request.scope || stored.request_hash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      return { statusCode: stored.status_code, body: JSON.parse(stored.response) as T, replayed: true };
    }
    const result = await work(tx);
    await tx
      .updateTable('idempotency_keys')
      .set({ status_code: result.statusCode, response: JSON.stringify(result.body) })
      .where('user_id', '=', request.userId)
      .where('key', '=', key)
      .execute();
    return { ...result, replayed: false };
  });
}

export async function deleteExpiredIdempotencyKeys(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** JSON with object keys sorted, so the same body sent with its keys in another order hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
