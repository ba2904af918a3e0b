import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { migrateToLatest } from '../database/database.js';
import { deleteStaleRateLimits, hit } from './rate-limit.js';

const MINUTE = 60_000;
// A fixed instant 10 s into a minute, so the windows in these tests never depend on the wall clock.
const T0 = Date.parse('2026-11-27T08:00:10.000Z');

describe.each(DIALECTS)('rate limit counter on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await migrateToLatest(t.database.db);
  });
  afterAll(async () => t?.cleanup());

  it('allows up to the limit in a window, then refuses with the seconds left in the window', async () => {
    const db = t.database.db;
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hit(db, 'test:a', 3, MINUTE, T0 + i * 1000));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.hits)).toEqual([1, 2, 3, 4]);
    expect(results[3].retryAfterSeconds).toBe(47);
    const row = await db.selectFrom('rate_limits').selectAll().where('key', '=', 'test:a').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ window_start: '2026-11-27T08:00:00.000Z', hits: 4 });
  });

  it('starts a new count in the next window and keeps keys apart', async () => {
    const db = t.database.db;
    const next = await hit(db, 'test:a', 3, MINUTE, T0 + MINUTE);
    expect(next).toMatchObject({ allowed: true, hits: 1 });
    expect(await hit(db, 'test:b', 3, MINUTE, T0 + MINUTE)).toMatchObject({ allowed: true, hits: 1 });
  });

  it('counts a hit from a node whose clock lags in the current window instead of resetting it', async () => {
    const db = t.database.db;
    await hit(db, 'test:c', 5, MINUTE, T0 + MINUTE);
    const lagging = await hit(db, 'test:c', 5, MINUTE, T0);
    expect(lagging.hits).toBe(2);
    const row = await db.selectFrom('rate_limits').selectAll().where('key', '=', 'test:c').executeTakeFirstOrThrow();
    expect(row.window_start).toBe('2026-11-27T08:01:00.000Z');
  });

  it('loses no hit under concurrent requests', async () => {
    const db = t.database.db;
    const results = await Promise.all(Array.from({ length: 20 }, () => hit(db, 'test:concurrent', 100, MINUTE, T0)));
    expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('deletes stale counters', async () => {
    const db = t.database.db;
    await hit(db, 'test:old', 3, MINUTE, T0 - 3 * 60 * MINUTE);
    expect(await deleteStaleRateLimits(db, new Date(T0 - 60 * MINUTE))).toBe(1);
    expect(await db.selectFrom('rate_limits').select('key').where('key', '=', 'test:old').executeTakeFirst()).toBeUndefined();
  });
});
