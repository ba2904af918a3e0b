import type { Executor } from '../database/database.js';

export const OutboxStatus = {
  Pending: 'pending',
  Processing: 'processing',
  Done: 'done',
  Failed: 'failed',
} as const;
export type OutboxStatusCode = (typeof OutboxStatus)[keyof typeof OutboxStatus];

export interface EnqueueOptions {
  /** Same key, same job: a second enqueue with a key already in the table is ignored. */
  dedupeKey?: string;
  /** Do not run before this many milliseconds from now. */
  delayMs?: number;
}

/**
 * Records a side effect to run after commit (style guide §8). Call it with the business transaction: when that
 * transaction rolls back, the job never existed. Returns the job id, or undefined when the dedupe key was taken.
 */
export async function enqueue(
  tx: Executor,
  topic: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<number | undefined> {
  const now = Date.now();
  const row = await tx
    .insertInto('outbox')
    .values({
      topic,
      payload: JSON.stringify(payload),
      status: OutboxStatus.Pending,
      attempts: 0,
      available_at: new Date(now + (options.delayMs ?? 0)).toISOString(),
      locked_by: null,
      locked_until: null,
      last_error: null,
      dedupe_key: options.dedupeKey ?? null,
      created_at: new Date(now).toISOString(),
      done_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

/** Thrown by a handler when retrying cannot help (a malformed payload): the job fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}
