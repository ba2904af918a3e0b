import type { Db, Executor } from '../database/database.js';
import { dialectOf } from '../database/dialect.js';
import type { OutboxTable } from '../database/schema.js';
import type { Selectable } from 'kysely';
import { OutboxStatus } from './outbox.js';

export type OutboxJob = Selectable<OutboxTable>;

export interface ClaimRequest {
  workerId: string;
  topics: string[];
  batchSize: number;
  leaseMs: number;
  now: Date;
}

/**
 * Takes up to `batchSize` due jobs for this worker and sets its lease. Due means pending and available, or
 * processing with an expired lease (its worker died mid-job). This is the one place where the dialects differ:
 * PostgreSQL has many writers, so rows are locked with FOR UPDATE SKIP LOCKED and concurrent workers take disjoint
 * batches; SQLite has a single writer, so one conditional UPDATE … RETURNING is already atomic.
 */
export async function claimDueJobs(db: Db, request: ClaimRequest): Promise<OutboxJob[]> {
  if (request.topics.length === 0) return [];
  const now = request.now.toISOString();
  const lease = {
    status: OutboxStatus.Processing,
    locked_by: request.workerId,
    locked_until: new Date(request.now.getTime() + request.leaseMs).toISOString(),
  };
  const due = (executor: Executor, limit: number) =>
    executor
      .selectFrom('outbox')
      .select('id')
      .where('topic', 'in', request.topics)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', OutboxStatus.Pending), eb('available_at', '<=', now)]),
          eb.and([eb('status', '=', OutboxStatus.Processing), eb('locked_until', '<=', now)]),
        ]),
      )
      .orderBy('available_at')
      .orderBy('id')
      .limit(limit);

  if (dialectOf(db) === 'postgres') {
    return db.transaction().execute(async (tx) => {
      const rows = await due(tx, request.batchSize).forUpdate().skipLocked().execute();
      if (rows.length === 0) return [];
      return tx
        .updateTable('outbox')
        .set((eb) => ({ ...lease, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', rows.map((r) => r.id))
        .returningAll()
        .execute();
    });
  }
  return db
    .updateTable('outbox')
    .set((eb) => ({ ...lease, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due(db, request.batchSize))
    .returningAll()
    .execute();
}
