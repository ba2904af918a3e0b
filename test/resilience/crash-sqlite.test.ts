import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedTestDatabase, type TestDatabase } from '../support/databases.js';
import { checkDurability, runAuditVerify } from '../support/durability-checks.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';
import { startSubmissionLoad } from '../support/submission-load.js';
import { reportFigures, sized } from './scale.js';

/**
 * Issue 7, crash proof on the single-node default: `cqs serve` on SQLite is killed with SIGKILL while citizens' filings
 * are in flight, and started again on the same data directory; the clients retry with the same Idempotency-Keys.
 */
describe('kill -9 of a SQLite node under filing load', () => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let node: ServerProcess | undefined;

  beforeAll(async () => {
    // Already migrated (a copy of the suite's template): the node only seeds the demo province on its first start.
    database = await createMigratedTestDatabase('sqlite');
    smtp = await startSmtpServer();
    // A short lease: the job the killed process held is taken again within seconds, not after five minutes.
    node = await startServerProcess({ dataDir: database.dataDir, label: 'SQLite node', env: { SMTP_URL: smtp.url, OUTBOX_LEASE_SECONDS: '2' } });
  }, 300_000);

  afterAll(async () => {
    await node?.kill();
    await smtp?.close();
    await database?.cleanup();
  });

  it('every acknowledged dossier exists once afterwards, codes are gap-free, each notice is delivered, the audit chain verifies', async () => {
    const total = sized(200, 1000);
    const load = startSubmissionLoad({ baseUrls: [node!.url], count: total, concurrency: 8, deadlineMs: sized(300_000, 600_000) });
    // At a random point once the load is under way, so the kill lands in any phase of a filing.
    const killAfter = randomInt(Math.floor(total / 10), Math.floor(total / 2));
    await load.waitForAcknowledged(killAfter);
    await node!.kill('SIGKILL');
    const acknowledgedAtKill = load.acknowledged.length;
    await node!.restart();
    const result = await load.finished;

    expect({ unacknowledged: result.unacknowledged.length, refusals: result.refusals }, JSON.stringify(result.failures)).toEqual({ unacknowledged: 0, refusals: [] });
    expect(result.acknowledged).toHaveLength(total);
    const figures = await checkDurability(database.database.db, result.acknowledged, { keyPrefix: result.keyPrefix, smtp });
    await runAuditVerify({ DATA_DIR: database.dataDir });
    reportFigures('crash-sqlite', {
      submissions: total,
      acknowledgedAtKill,
      attempts: result.attempts,
      retries: result.retries,
      failedAttempts: Object.values(result.failures).reduce((a, b) => a + b, 0),
      redeliveredMails: figures.redeliveredMails,
      seconds: ((result.finishedAt.getTime() - result.startedAt.getTime()) / 1000).toFixed(1),
    });
  }, 420_000);
});
