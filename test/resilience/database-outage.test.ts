import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/database/database.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { checkDurability, runAuditVerify } from '../support/durability-checks.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';
import { startSubmissionLoad } from '../support/submission-load.js';
import { reportFigures, sized } from './scale.js';
import { answerOf, pollUntil, type Answer } from './http-answers.js';

/**
 * Issue 7, database outage: PostgreSQL stops for a few seconds under filing load. Requests answer 503
 * DATABASE_UNAVAILABLE with Retry-After (never 500), PostgreSQL starts again on the same port, the node serves again
 * without a restart, nothing is half-written and every acknowledged filing is there.
 */
async function probe(url: string): Promise<Answer> {
  return answerOf(await fetch(`${url}/api/procedures`, { signal: AbortSignal.timeout(30_000) }));
}

describe('PostgreSQL stopped under filing load', () => {
  let cluster: PostgresCluster;
  let smtp: TestSmtpServer;
  let node: ServerProcess | undefined;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    smtp = await startSmtpServer();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-outage-'));
    env = {
      DATABASE_URL: cluster.url,
      // While PostgreSQL is down a new connection fails at once (refused); the timeout bounds an unanswered one.
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      SMTP_URL: smtp.url,
      // A job whose done mark met the outage stays claimed until its lease ends: short, so it is taken again in seconds.
      OUTBOX_LEASE_SECONDS: '2',
      RATE_LIMIT_PER_IP_PER_MINUTE: '0',
    };
    node = await startServerProcess({ dataDir, env, label: 'node on a PostgreSQL that stops' });
  }, 300_000);

  afterAll(async () => {
    await node?.kill();
    await smtp?.close();
    cluster?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After while it is down, resumes by itself, and loses or half-writes nothing', async () => {
    const total = sized(40, 600);
    const load = startSubmissionLoad({ baseUrls: [node!.url], count: total, concurrency: 4, deadlineMs: sized(240_000, 600_000), maxRetryAfterMs: 500 });
    await load.waitForAcknowledged(Math.floor(total / 4));

    cluster.stopServer();
    const acknowledgedAtStop = load.acknowledged.length;
    const down = await pollUntil(() => probe(node!.url), (answer) => answer.status !== 200, 'still served with PostgreSQL stopped');
    expect(down).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', retryAfter: '5' });
    // A few more requests meet the outage, each answered (not hung) and each a 503.
    const during = [await probe(node!.url), await probe(node!.url), await probe(node!.url)];
    expect(during.map((answer) => [answer.status, answer.code])).toEqual(Array(3).fill([503, 'DATABASE_UNAVAILABLE']));
    const health = await fetch(`${node!.url}/api/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('5');

    cluster.startServer();
    // The same process serves again: no restart, the pool reconnects by itself.
    const pidBefore = node!.pid;
    await pollUntil(() => probe(node!.url), (answer) => answer.status === 200, 'no recovery after PostgreSQL came back');
    expect(node!.pid).toBe(pidBefore);

    const result = await load.finished;
    expect({ unacknowledged: result.unacknowledged.length, refusals: result.refusals }, JSON.stringify(result.failures)).toEqual({ unacknowledged: 0, refusals: [] });
    expect(result.failures['http:500'], 'no filing was answered 500').toBeUndefined();
    expect(result.acknowledged).toHaveLength(total);

    const database: Database = openDatabase({ databaseUrl: cluster.url, dataDir });
    try {
      const figures = await checkDurability(database.db, result.acknowledged, { keyPrefix: result.keyPrefix, smtp });
      // The issue-6 index facts are written in the filing's transaction: every dossier has its row.
      const withoutFacts = await database.db
        .selectFrom('dossiers')
        .leftJoin('dossier_index_facts', 'dossier_index_facts.dossier_id', 'dossiers.id')
        .select('dossiers.code')
        .where('dossier_index_facts.dossier_id', 'is', null)
        .execute();
      expect(withoutFacts.map((row) => row.code), 'dossiers without index facts').toEqual([]);
      await runAuditVerify({ DATA_DIR: dataDir, DATABASE_URL: cluster.url });
      reportFigures('database-outage (postgres)', {
        submissions: total,
        acknowledgedAtStop,
        attempts: result.attempts,
        retries: result.retries,
        answered503: result.failures['http:503'] ?? 0,
        networkFailures: Object.entries(result.failures)
          .filter(([kind]) => kind.startsWith('network:') || kind === 'timeout')
          .reduce((sum, [, n]) => sum + n, 0),
        dossiers: figures.dossiers,
      });
    } finally {
      await database.close();
    }
  }, 300_000);
});

describe('SQLite writer held beyond busy_timeout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After (vi/en), not 500, and serves again once the lock is gone', async () => {
    const login = (language = 'vi') =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'accept-language': language },
        payload: { username: 'khong-ton-tai', password: 'Sai-mat-khau-2026' },
      });
    // A second connection (another process, a backup tool) holds the write lock past the node's busy_timeout.
    const other = new SQLite(path.join(t.testDatabase.dataDir, 'cqs.sqlite'));
    try {
      other.prepare('BEGIN IMMEDIATE').run();
      const refused = await login();
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({
        status: 503,
        code: 'DATABASE_UNAVAILABLE',
        detail: 'Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại sau 5 giây. Thao tác chưa được ghi nhận.',
      });
      other.prepare('ROLLBACK').run();
      other.prepare('BEGIN IMMEDIATE').run();
      const english = await login('en');
      expect(english.json().detail).toBe('The database is temporarily unreachable, please retry in 5 seconds. Nothing was saved.');
    } finally {
      if (other.inTransaction) other.prepare('ROLLBACK').run();
      other.close();
    }
    const served = await login();
    expect(served.statusCode).toBe(401);
    expect(served.json().code).toBe('INVALID_CREDENTIALS');
  }, 60_000);
});
