import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/database/database.js';
import { checkDurability, runAuditVerify } from '../support/durability-checks.js';
import { startNginx, type Nginx } from '../support/nginx.js';
import { queryOne, startReplication, type Replication } from '../support/postgres-replication.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.js';
import { startSubmissionLoad } from '../support/submission-load.js';
import { reportFigures, sized } from './scale.js';

/**
 * Issue 7 done-when: two `cqs serve` nodes behind nginx (deploy/nginx.conf) on a PostgreSQL primary with a
 * synchronous hot standby (scripts/pg-replica.sh). Mid-traffic one node is killed with SIGKILL and the primary is
 * lost (immediate stop) and the standby promoted; clients retry with their Idempotency-Keys through nginx, the
 * surviving node reconnects to the promoted server by itself (multi-host DATABASE_URL), and afterwards every
 * acknowledged filing is on the promoted server exactly once.
 */
describe('two nodes behind nginx, a node killed and the standby promoted under filing load', () => {
  let replication: Replication;
  let smtp: TestSmtpServer;
  let dataDir: string;
  const nodes: ServerProcess[] = [];
  let nginx: Nginx | undefined;

  let setupSeconds = '';
  beforeAll(async () => {
    const started = Date.now();
    // Migrations and demo data go in asynchronously (quicker); the traffic below runs synchronously.
    replication = await startReplication();
    smtp = await startSmtpServer();
    // One DATA_DIR for both nodes: the stand-in for the shared network file system (stored files, secret.key).
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-failover-'));
    const env = {
      DATABASE_URL: replication.bothHostsUrl(),
      DATABASE_READ_URL: replication.standby.url(),
      TRUST_PROXY: 'true',
      SMTP_URL: smtp.url,
      // The job the killed node held is taken again by the survivor within seconds.
      OUTBOX_LEASE_SECONDS: '2',
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
    };
    // One after the other: the first migrates and seeds the demo data, the second finds them.
    nodes.push(await startServerProcess({ dataDir, env, label: 'node A' }));
    nodes.push(await startServerProcess({ dataDir, env, label: 'node B' }));
    nginx = await startNginx({ nodes: nodes.map((node) => `127.0.0.1:${node.port}`), failTimeoutSeconds: 2 });
    // Synchronous replication: a commit is acknowledged only once the standby has it, so promotion loses none.
    await replication.setSynchronous(true);
    setupSeconds = ((Date.now() - started) / 1000).toFixed(1);
  }, 300_000);

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(nodes.map((node) => node.kill()));
    await smtp?.close();
    await replication?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('every acknowledged filing is on the promoted server once, codes are gap-free, the audit chain verifies', async () => {
    const [nodeA, nodeB] = nodes as [ServerProcess, ServerProcess];
    const total = sized(120, 1000);
    const load = startSubmissionLoad({ baseUrls: [nginx!.url], count: total, concurrency: 8, deadlineMs: sized(90_000, 300_000) });
    const lossAfter = randomInt(Math.floor(total / 5), Math.floor(total / 2));
    await load.waitForAcknowledged(lossAfter);
    const servedBeforeLoss = nginx!.accessLog();

    await Promise.all([nodeA.kill('SIGKILL'), replication.losePrimary()]);
    const acknowledgedAtLoss = load.acknowledged.length;
    await replication.promoteStandby();
    const result = await load.finished;

    const diagnosis = `${JSON.stringify(result.failures)}\n${nodeB.output()}`;
    expect({ unacknowledged: result.unacknowledged.length, refusals: result.refusals }, diagnosis).toEqual({
      unacknowledged: 0,
      refusals: [],
    });
    expect(result.acknowledged).toHaveLength(total);
    // Both nodes took filings before the loss; afterwards node B alone, still running: it was never restarted.
    expect(servedBeforeLoss).toContain(`127.0.0.1:${nodeA.port} 201`);
    expect(servedBeforeLoss).toContain(`127.0.0.1:${nodeB.port} 201`);
    expect(nginx!.accessLog().slice(servedBeforeLoss.length)).toContain(`127.0.0.1:${nodeB.port} 201`);
    expect(await fetch(`${nodeB.url}/api/health`).then((r) => r.status)).toBe(200);

    const promoted = replication.standby.url();
    expect(await queryOne<{ recovery: boolean }>(promoted, 'SELECT pg_is_in_recovery() AS recovery')).toEqual({ recovery: false });
    const database = openDatabase({ databaseUrl: promoted, dataDir, maxConnections: 2 });
    try {
      const figures = await checkDurability(database.db, result.acknowledged, { keyPrefix: result.keyPrefix, smtp });
      await runAuditVerify({ DATA_DIR: dataDir, DATABASE_URL: promoted });
      reportFigures('failover', {
        submissions: total,
        acknowledgedAtLoss,
        attempts: result.attempts,
        retries: result.retries,
        failedAttempts: Object.values(result.failures).reduce((a, b) => a + b, 0),
        redeliveredMails: figures.redeliveredMails,
        setupSeconds,
        seconds: ((result.finishedAt.getTime() - result.startedAt.getTime()) / 1000).toFixed(1),
      });
    } finally {
      await database.close();
    }
  }, sized(240_000, 900_000));
});
