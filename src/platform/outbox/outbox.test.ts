import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { migrateToLatest, type Db } from '../database/database.js';
import { enqueue, OutboxStatus, PermanentJobError } from './outbox.js';
import { OutboxWorker } from './worker.js';
import { retryDelayMs } from './backoff.js';

const backoff = { baseMs: 1_000, maxMs: 60_000 };
const later = (ms: number) => new Date(Date.now() + ms);

describe.each(DIALECTS)('outbox on %s', (dialect) => {
  let t: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    db = t.database.db;
    await migrateToLatest(db);
  });
  afterAll(async () => t?.cleanup());
  beforeEach(async () => {
    await db.deleteFrom('outbox').execute();
  });

  const jobs = () => db.selectFrom('outbox').selectAll().orderBy('id').execute();

  it('keeps a job only when the enqueuing transaction commits', async () => {
    await expect(
      db.transaction().execute(async (tx) => {
        await enqueue(tx, 'test.topic', { n: 1 });
        throw new Error('business rule refused the change');
      }),
    ).rejects.toThrow('business rule');
    expect(await jobs()).toEqual([]);

    await db.transaction().execute((tx) => enqueue(tx, 'test.topic', { n: 2 }));
    const seen: unknown[] = [];
    const worker = new OutboxWorker(db, { maxAttempts: 3, backoff }).register('test.topic', async (payload) => {
      seen.push(payload);
    });
    expect(await worker.runOnce()).toEqual({ claimed: 1, done: 1, retried: 0, failed: 0 });
    expect(seen).toEqual([{ n: 2 }]);
    const [job] = await jobs();
    expect(job).toMatchObject({ status: OutboxStatus.Done, attempts: 1, locked_by: null, locked_until: null });
    expect(job!.done_at).not.toBeNull();
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
  });

  it('ignores a second enqueue with the same dedupe key', async () => {
    const first = await enqueue(db, 'test.topic', { n: 1 }, { dedupeKey: 'dossier:7:received' });
    const second = await enqueue(db, 'test.topic', { n: 2 }, { dedupeKey: 'dossier:7:received' });
    expect(first).toBeTypeOf('number');
    expect(second).toBeUndefined();
    expect((await jobs()).map((j) => j.payload)).toEqual(['{"n":1}']);
  });

  it('does not run a delayed job before its time, nor a job whose topic has no handler', async () => {
    await enqueue(db, 'test.topic', {}, { delayMs: 60_000 });
    await enqueue(db, 'other.topic', {});
    const worker = new OutboxWorker(db, { maxAttempts: 3 }).register('test.topic', async () => {});
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    expect(await worker.runOnce(later(61_000))).toMatchObject({ claimed: 1, done: 1 });
    expect((await jobs()).map((j) => j.status)).toEqual([OutboxStatus.Done, OutboxStatus.Pending]);
  });

  it('retries with exponential backoff and marks the job failed after the last attempt', async () => {
    await enqueue(db, 'test.topic', {});
    const worker = new OutboxWorker(db, { maxAttempts: 3, backoff }).register('test.topic', async () => {
      throw new Error('relay refused');
    });
    const before = Date.now();
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    let [job] = await jobs();
    expect(job).toMatchObject({ status: OutboxStatus.Pending, attempts: 1, last_error: 'relay refused', locked_by: null });
    expect(Date.parse(job!.available_at) - before).toBeGreaterThanOrEqual(1_000);
    // Not due yet: the backoff holds it back.
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });

    expect(await worker.runOnce(later(1_500))).toMatchObject({ retried: 1 });
    [job] = await jobs();
    expect(Date.parse(job!.available_at) - Date.now()).toBeGreaterThan(1_500);
    expect(await worker.runOnce(later(5_000))).toMatchObject({ failed: 1 });
    [job] = await jobs();
    expect(job).toMatchObject({ status: OutboxStatus.Failed, attempts: 3, last_error: 'relay refused', done_at: null });
    expect(await worker.runOnce(later(3_600_000))).toMatchObject({ claimed: 0 });
  });

  it('fails a job at once when the handler says retrying cannot help', async () => {
    await enqueue(db, 'test.topic', {});
    const worker = new OutboxWorker(db, { maxAttempts: 5 }).register('test.topic', async () => {
      throw new PermanentJobError('payload is malformed');
    });
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    expect(await jobs()).toMatchObject([{ status: OutboxStatus.Failed, attempts: 1 }]);
  });

  it('gives a job whose worker died mid-job to another worker once the lease expires', async () => {
    await enqueue(db, 'test.topic', { n: 1 });
    // The first worker claims the job and dies before settling it: its lease stays in the row.
    const dead = new OutboxWorker(db, { workerId: 'dead', maxAttempts: 3, leaseMs: 30_000 });
    const { claimDueJobs } = await import('./claim.js');
    const claimed = await claimDueJobs(db, { workerId: dead.workerId, topics: ['test.topic'], batchSize: 10, leaseMs: 30_000, now: new Date() });
    expect(claimed).toHaveLength(1);

    const runs: string[] = [];
    const survivor = new OutboxWorker(db, { workerId: 'survivor', maxAttempts: 3 }).register('test.topic', async () => {
      runs.push('survivor');
    });
    expect(await survivor.runOnce()).toMatchObject({ claimed: 0 });
    expect(await survivor.runOnce(later(31_000))).toMatchObject({ claimed: 1, done: 1 });
    expect(runs).toEqual(['survivor']);
    expect(await jobs()).toMatchObject([{ status: OutboxStatus.Done, attempts: 2 }]);
  });

  it('marks a job failed, without running it, when its lease expired after the last attempt', async () => {
    await enqueue(db, 'test.topic', {});
    await db.updateTable('outbox').set({ status: OutboxStatus.Processing, attempts: 2, locked_by: 'dead', locked_until: new Date(Date.now() - 1).toISOString() }).execute();
    let ran = false;
    const worker = new OutboxWorker(db, { maxAttempts: 2 }).register('test.topic', async () => {
      ran = true;
    });
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    expect(ran).toBe(false);
    expect(await jobs()).toMatchObject([{ status: OutboxStatus.Failed, attempts: 3 }]);
  });
});

describe('retry delay', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 10].map((a) => retryDelayMs(a, { baseMs: 1_000, maxMs: 5_000 }))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });
});
