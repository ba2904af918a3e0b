import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { insertUser } from '../../test/support/fixtures.js';
import { loadConfig } from './config.js';
import { migrateToLatest } from './database/database.js';
import { SessionKind, createSession } from './auth/sessions.js';
import { hit } from './http/rate-limit.js';
import { runMaintenance } from './maintenance.js';

describe.each(DIALECTS)('housekeeping on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    await migrateToLatest(t.database.db);
  });
  afterEach(async () => t?.cleanup());

  it('removes expired and idle sessions, old rate-limit windows, abandoned upload temp files and day-old idempotency keys, and keeps live ones', async () => {
    const { db } = t.database;
    const config = loadConfig({ SESSION_IDLE_MINUTES: '30', DATA_DIR: t.dataDir });
    // An upload interrupted two hours ago, and one in progress.
    const tmp = path.join(t.dataDir, 'files', 'tmp');
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'old.part'), 'half an upload');
    fs.writeFileSync(path.join(tmp, 'live.part'), 'an upload in progress');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    fs.utimesSync(path.join(tmp, 'old.part'), twoHoursAgo, twoHoursAgo);
    const user = await insertUser(db);
    const base = { userId: user.id, mfaVerified: true, ip: null, userAgent: null };
    const live = await createSession(db, { ...base, kind: SessionKind.Cookie, ttlMs: 3_600_000 });
    const expired = await createSession(db, { ...base, kind: SessionKind.Token, ttlMs: 1 });
    const idle = await createSession(db, { ...base, kind: SessionKind.Cookie, ttlMs: 3_600_000 });
    const longToken = await createSession(db, { ...base, kind: SessionKind.Token, ttlMs: 3_600_000 });
    const longAgo = new Date(Date.now() - 31 * 60_000).toISOString();
    await db.updateTable('sessions').set({ last_seen_at: longAgo }).where('id', 'in', [idle.row.id, longToken.row.id]).execute();
    await hit(db, 'old-window', 10, 60_000, Date.now() - 2 * 3_600_000);
    await hit(db, 'current-window', 10, 60_000);
    const key = (k: string, createdAt: Date) => ({ user_id: user.id, key: k, scope: 'POST /api/dossiers', request_hash: 'h', status_code: 201, response: '{}', created_at: createdAt.toISOString() });
    await db.insertInto('idempotency_keys').values([key('yesterday', new Date(Date.now() - 25 * 3_600_000)), key('recent', new Date())]).execute();

    const report = await runMaintenance(db, config, new Date(Date.now() + 10));

    expect(report).toEqual({ sessions: 2, rateLimits: 1, tempFiles: 1, idempotencyKeys: 1, reportReminders: 0 });
    expect((await db.selectFrom('idempotency_keys').select('key').execute()).map((r) => r.key)).toEqual(['recent']);
    expect(fs.readdirSync(tmp)).toEqual(['live.part']);
    const left = (await db.selectFrom('sessions').select('id').execute()).map((r) => r.id).sort();
    expect(left).toEqual([live.row.id, longToken.row.id].sort());
    expect(left).not.toContain(expired.row.id);
    const keys = (await db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key);
    expect(keys).toEqual(['current-window']);
  });
});
