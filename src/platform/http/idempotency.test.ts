import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { insertUser } from '../../../test/support/fixtures.js';
import type { Tx } from '../database/database.js';
import { AppError } from '../errors/app-error.js';
import { deleteExpiredIdempotencyKeys, withIdempotency, type IdempotentRequest } from './idempotency.js';

describe.each(DIALECTS)('withIdempotency on %s', (dialect) => {
  let t: TestApp;
  let userId: number;
  let otherUserId: number;
  let keyCounter = 0;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    userId = (await insertUser(t.db, { kind: 'citizen' })).id;
    otherUserId = (await insertUser(t.db, { kind: 'citizen' })).id;
  });
  afterAll(async () => t?.close());

  const freshKey = () => `key-${dialect}-${(keyCounter += 1)}`;
  const request = (overrides: Partial<IdempotentRequest> = {}): IdempotentRequest => ({
    userId,
    key: freshKey(),
    scope: 'POST /api/things',
    body: { name: 'Giấy phép', count: 1 },
    ...overrides,
  });

  /** A unit of work that counts its runs and writes a notification, so rollbacks are visible in the database. */
  const countingWork = (subject: string, delayMs = 0) => {
    const calls = { count: 0 };
    const work = async (tx: Tx) => {
      calls.count += 1;
      await tx.insertInto('notifications').values({ user_id: userId, subject, body: 'b', link: null, created_at: new Date().toISOString(), read_at: null }).execute();
      if (delayMs > 0) await sleep(delayMs);
      return { statusCode: 201, body: { subject, run: calls.count } };
    };
    return { calls, work };
  };
  const notificationsWith = async (subject: string) => (await t.db.selectFrom('notifications').select('id').where('subject', '=', subject).execute()).length;
  const storedKey = (user: number, key: string) => t.db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', user).where('key', '=', key).executeTakeFirst();
  const codeOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  };

  it('without a key runs the work every time and stores nothing', async () => {
    const { calls, work } = countingWork('no-key');
    const first = await withIdempotency(t.db, request({ key: undefined }), work);
    const second = await withIdempotency(t.db, request({ key: undefined }), work);
    expect(first).toEqual({ statusCode: 201, body: { subject: 'no-key', run: 1 }, replayed: false });
    expect(second.replayed).toBe(false);
    expect(calls.count).toBe(2);
    expect(await notificationsWith('no-key')).toBe(2);
  });

  it('with a key runs the work once and replays the stored status and body', async () => {
    const { calls, work } = countingWork('replay');
    const req = request();
    const first = await withIdempotency(t.db, req, work);
    const second = await withIdempotency(t.db, { ...req, body: { name: 'Giấy phép', count: 1 } }, work);
    expect(first).toEqual({ statusCode: 201, body: { subject: 'replay', run: 1 }, replayed: false });
    expect(second).toEqual({ statusCode: 201, body: { subject: 'replay', run: 1 }, replayed: true });
    expect(calls.count).toBe(1);
    expect(await notificationsWith('replay')).toBe(1);
    const stored = await storedKey(userId, req.key!);
    expect(stored).toMatchObject({ scope: 'POST /api/things', status_code: 201 });
    expect(JSON.parse(stored!.response)).toEqual({ subject: 'replay', run: 1 });
  });

  it('refuses the same key with another body or another scope (IDEMPOTENCY_KEY_REUSED) without running the work', async () => {
    const { calls, work } = countingWork('reused');
    const req = request();
    await withIdempotency(t.db, req, work);
    expect(await codeOf(withIdempotency(t.db, { ...req, body: { name: 'Giấy phép', count: 2 } }, work))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await codeOf(withIdempotency(t.db, { ...req, scope: 'POST /api/other-things' }, work))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(calls.count).toBe(1);
  });

  it('keeps keys per user', async () => {
    const { calls, work } = countingWork('per-user');
    const req = request();
    await withIdempotency(t.db, req, work);
    const other = await withIdempotency(t.db, { ...req, userId: otherUserId }, work);
    expect(other.replayed).toBe(false);
    expect(calls.count).toBe(2);
  });

  it('refuses malformed keys (IDEMPOTENCY_KEY_INVALID) before any work', async () => {
    const { calls, work } = countingWork('invalid');
    for (const key of ['', 'có dấu', 'a b', 'x'.repeat(201), 'semi;colon']) {
      expect(await codeOf(withIdempotency(t.db, request({ key }), work))).toBe('IDEMPOTENCY_KEY_INVALID');
    }
    expect(calls.count).toBe(0);
    // The widest accepted shape: 200 characters of letters, digits and . _ : -
    const widest = `${'A1._:-'.repeat(33)}ab`;
    expect((await withIdempotency(t.db, request({ key: widest }), work)).replayed).toBe(false);
  });

  it('rolls the claim back with a failed attempt, so a retry with the same key acts', async () => {
    const req = request();
    const failing = async (tx: Tx) => {
      await tx.insertInto('notifications').values({ user_id: userId, subject: 'failed', body: 'b', link: null, created_at: new Date().toISOString(), read_at: null }).execute();
      throw new AppError('VALIDATION_FAILED');
    };
    expect(await codeOf(withIdempotency(t.db, req, failing))).toBe('VALIDATION_FAILED');
    expect(await storedKey(userId, req.key!)).toBeUndefined();
    expect(await notificationsWith('failed')).toBe(0);
    const { calls, work } = countingWork('retried');
    const retried = await withIdempotency(t.db, req, work);
    expect(retried.replayed).toBe(false);
    expect(calls.count).toBe(1);
  });

  it('runs the work once for concurrent requests with one key; the others replay its response', async () => {
    const { calls, work } = countingWork('concurrent', 20);
    const req = request();
    const results = await Promise.all(Array.from({ length: 10 }, () => withIdempotency(t.db, req, work)));
    expect(calls.count).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    for (const result of results) expect(result.body).toEqual({ subject: 'concurrent', run: 1 });
    expect(await notificationsWith('concurrent')).toBe(1);
  });

  it('deleteExpiredIdempotencyKeys removes only keys created before the cut-off', async () => {
    const { work } = countingWork('expiry');
    const old = request();
    const recent = request();
    await withIdempotency(t.db, old, work);
    await withIdempotency(t.db, recent, work);
    await t.db.updateTable('idempotency_keys').set({ created_at: '2020-01-01T00:00:00.000Z' }).where('key', '=', old.key!).execute();
    const removed = await deleteExpiredIdempotencyKeys(t.db, new Date('2021-01-01T00:00:00.000Z'));
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await storedKey(userId, old.key!)).toBeUndefined();
    expect(await storedKey(userId, recent.key!)).toBeDefined();
  });
});
