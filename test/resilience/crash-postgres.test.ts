import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_TOPIC, outboxMessageId } from '../../src/platform/mail/mail.js';
import { createMigratedTestDatabase, type TestDatabase } from '../support/databases.js';
import { checkDurability, runAuditVerify } from '../support/durability-checks.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { runSubmissionLoad, startSubmissionLoad } from '../support/submission-load.js';
import { startHoldingSmtpServer, type HoldingSmtpServer } from './holding-smtp-server.js';
import { reportFigures, sized } from './scale.js';

const MAIL_FROM = '"Chính quyền số" <no-reply@dienbien.example>';
const LEASE_SECONDS = 4;

/**
 * Issue 7, crash proof on the scale path: two `cqs serve` nodes share one PostgreSQL database; one is killed with
 * SIGKILL while filings are in flight. Clients go on through the other node and, once it is back, the restarted one,
 * retrying with the same Idempotency-Keys. The outbox worker of each node shares the jobs (FOR UPDATE SKIP LOCKED).
 */
describe('kill -9 of one of two PostgreSQL nodes under filing load', () => {
  let database: TestDatabase;
  let smtp: HoldingSmtpServer;
  const nodes: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createMigratedTestDatabase('postgres');
    smtp = await startHoldingSmtpServer();
    const env = { DATABASE_URL: database.databaseUrl!, SMTP_URL: smtp.url, MAIL_FROM, OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS) };
    // Started together, as an orchestrator would: one seeds the demo province, the other finds it seeded.
    nodes.push(...(await Promise.all(['node A', 'node B'].map((label) => startServerProcess({ dataDir: database.dataDir, env, label })))));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.kill()));
    await smtp?.close();
    await database?.cleanup();
  });

  it('every acknowledged dossier exists once afterwards, codes are gap-free, each notice is delivered, the audit chain verifies', async () => {
    const [a, b] = nodes;
    const total = sized(240, 1000);
    const load = startSubmissionLoad({ baseUrls: [a.url, b.url], count: total, concurrency: 8, deadlineMs: sized(300_000, 600_000) });
    const killAfter = randomInt(Math.floor(total / 10), Math.floor(total / 2));
    await load.waitForAcknowledged(killAfter);
    await a.kill('SIGKILL');
    const acknowledgedAtKill = load.acknowledged.length;
    await a.restart();
    const result = await load.finished;

    expect({ unacknowledged: result.unacknowledged.length, refusals: result.refusals }, JSON.stringify(result.failures)).toEqual({ unacknowledged: 0, refusals: [] });
    expect(result.acknowledged).toHaveLength(total);
    const figures = await checkDurability(database.database.db, result.acknowledged, { keyPrefix: result.keyPrefix, smtp, mailFrom: MAIL_FROM });
    await runAuditVerify({ DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl! });
    reportFigures('crash-postgres', {
      submissions: total,
      acknowledgedAtKill,
      attempts: result.attempts,
      retries: result.retries,
      failedAttempts: Object.values(result.failures).reduce((x, y) => x + y, 0),
      redeliveredMails: figures.redeliveredMails,
      seconds: ((result.finishedAt.getTime() - result.startedAt.getTime()) / 1000).toFixed(1),
    });
  }, 420_000);

  it('a node killed in the middle of sending an e-mail: the other node takes the job after the lease and it is done once', async () => {
    const { db } = database.database;
    smtp.holdNext();
    const filed = await runSubmissionLoad({ baseUrls: [nodes[1].url], count: 1, concurrency: 1 });
    expect(filed.acknowledged).toHaveLength(1);
    const code = filed.acknowledged[0].code;
    // The relay holds the message unanswered: the worker that took the job is stuck in the middle of it.
    await expect.poll(() => smtp.held.length, { timeout: 30_000 }).toBe(1);
    expect(smtp.held[0].parsed.subject).toContain(code);
    const job = await db
      .selectFrom('outbox')
      .select(['id', 'status', 'locked_by', 'attempts'])
      .where('topic', '=', MAIL_TOPIC)
      .where('payload', 'like', `%${code}%`)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'processing', attempts: 1 });
    const holderPid = Number(job.locked_by!.split(':')[1]);
    const holder = nodes.find((node) => node.pid === holderPid)!;
    expect(holder, `the node of worker ${job.locked_by}`).toBeDefined();
    await holder.kill('SIGKILL');

    await expect.poll(async () => (await db.selectFrom('outbox').select('status').where('id', '=', job.id).executeTakeFirstOrThrow()).status, { timeout: 30_000 }).toBe('done');
    const done = await db.selectFrom('outbox').select(['attempts', 'locked_by']).where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(done).toEqual({ attempts: 2, locked_by: null });
    const messageId = outboxMessageId(Number(job.id), MAIL_FROM);
    expect(smtp.held[0].parsed.messageId).toBe(messageId);
    expect(smtp.received.filter((m) => m.parsed.messageId === messageId)).toHaveLength(1);
    await holder.restart();
  }, 240_000);
});
