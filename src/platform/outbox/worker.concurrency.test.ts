import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { migrateToLatest, openDatabase, type Database } from '../database/database.js';
import { enqueue, OutboxStatus } from './outbox.js';
import { OutboxWorker } from './worker.js';

const JOBS = 100;

describe.each(DIALECTS)('two outbox workers on %s', (dialect) => {
  let t: TestDatabase;
  let second: Database;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await migrateToLatest(t.database.db);
    // A second process in miniature: its own connection pool (or SQLite connection) to the same database.
    second = openDatabase({ dataDir: t.dataDir, databaseUrl: t.databaseUrl });
  });
  afterAll(async () => {
    await second?.close();
    await t?.cleanup();
  });

  it(`run each of ${JOBS} jobs exactly once between them`, async () => {
    const db = t.database.db;
    await db.transaction().execute(async (tx) => {
      for (let n = 0; n < JOBS; n += 1) await enqueue(tx, 'test.count', { n });
    });
    const runs = new Map<number, string[]>();
    const makeWorker = (name: string, database: Database) =>
      new OutboxWorker(database.db, { workerId: name, maxAttempts: 3, batchSize: 7 }).register('test.count', async (payload) => {
        const { n } = payload as { n: number };
        runs.set(n, [...(runs.get(n) ?? []), name]);
        await sleep(1);
      });
    const drain = async (worker: OutboxWorker) => {
      let total = 0;
      for (;;) {
        const report = await worker.runOnce();
        if (report.claimed === 0) return total;
        total += report.done;
      }
    };
    const [a, b] = await Promise.all([drain(makeWorker('a', t.database)), drain(makeWorker('b', second))]);

    expect(a + b).toBe(JOBS);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(runs.size).toBe(JOBS);
    expect([...runs.values()].filter((by) => by.length !== 1)).toEqual([]);
    const rows = await db.selectFrom('outbox').select(['status', 'attempts']).execute();
    expect(rows.every((r) => r.status === OutboxStatus.Done && r.attempts === 1)).toBe(true);
  });
});
