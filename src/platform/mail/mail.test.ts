import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { freePort, startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.js';
import { loadConfig } from '../config.js';
import { migrateToLatest, type Db } from '../database/database.js';
import { enqueue, OutboxStatus } from '../outbox/outbox.js';
import { createOutboxWorker } from '../outbox/start-worker.js';
import { OutboxWorker } from '../outbox/worker.js';
import { createSmtpTransport, enqueueMail, MAIL_TOPIC, mailSendHandler } from './mail.js';

const FROM = '"Chính quyền số" <no-reply@dienbien.gov.vn>';
const message = {
  to: 'cong.dan@example.vn',
  subject: 'Hồ sơ đã được tiếp nhận',
  text: 'Kính gửi ông/bà Nguyễn Văn Ánh: hồ sơ của ông/bà đã được tiếp nhận tại Bộ phận Một cửa.',
};
const later = (ms: number) => new Date(Date.now() + ms);

describe.each(DIALECTS)('e-mail through the outbox on %s', (dialect) => {
  let t: TestDatabase;
  let db: Db;
  let smtp: TestSmtpServer | undefined;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    db = t.database.db;
    await migrateToLatest(db);
  });
  afterAll(async () => t?.cleanup());
  beforeEach(async () => {
    await db.deleteFrom('outbox').execute();
  });
  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
  });

  const mailWorker = (url: string) =>
    new OutboxWorker(db, { maxAttempts: 5, backoff: { baseMs: 1_000, maxMs: 60_000 } }).register(
      MAIL_TOPIC,
      mailSendHandler(createSmtpTransport(url), FROM),
    );

  it('delivers the message with its recipient, Vietnamese subject and body', async () => {
    smtp = await startSmtpServer();
    await db.transaction().execute((tx) => enqueueMail(tx, message));
    expect(await mailWorker(smtp.url).runOnce()).toMatchObject({ done: 1 });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['cong.dan@example.vn']);
    expect(mail!.parsed.subject).toBe('Hồ sơ đã được tiếp nhận');
    expect(mail!.parsed.text?.trim()).toBe(message.text);
    expect(mail!.parsed.from?.value[0]).toMatchObject({ name: 'Chính quyền số', address: 'no-reply@dienbien.gov.vn' });
  });

  it('sends nothing when the enqueuing transaction rolls back', async () => {
    smtp = await startSmtpServer();
    await expect(
      db.transaction().execute(async (tx) => {
        await enqueueMail(tx, message);
        throw new Error('the dossier could not be received');
      }),
    ).rejects.toThrow('dossier');
    expect(await mailWorker(smtp.url).runOnce()).toMatchObject({ claimed: 0 });
    expect(smtp.received).toEqual([]);
  });

  it('keeps retrying with backoff while the mail server is down and delivers once it is up, nothing lost', async () => {
    const port = await freePort();
    const worker = mailWorker(`smtp://127.0.0.1:${port}`);
    await db.transaction().execute((tx) => enqueueMail(tx, message));

    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    let job = await db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: OutboxStatus.Pending, attempts: 1 });
    expect(job.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(await worker.runOnce(later(1_100))).toMatchObject({ retried: 1 });
    job = await db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    // Second failure waits twice as long as the first.
    expect(Date.parse(job.available_at) - Date.now()).toBeGreaterThan(1_500);

    smtp = await startSmtpServer(port);
    expect(await worker.runOnce(later(2_100))).toMatchObject({ done: 1 });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.parsed.subject).toBe(message.subject);
    expect(await db.selectFrom('outbox').select(['status', 'attempts']).execute()).toEqual([{ status: OutboxStatus.Done, attempts: 3 }]);
  });

  it('fails a malformed mail job at once instead of retrying it', async () => {
    smtp = await startSmtpServer();
    await enqueue(db, MAIL_TOPIC, { to: 'not-an-address', subject: '', text: 'x' });
    expect(await mailWorker(smtp.url).runOnce()).toMatchObject({ failed: 1 });
    expect(smtp.received).toEqual([]);
  });

  it('without SMTP_URL keeps mail jobs pending (said once in the log), and they go out once a relay is set', async () => {
    const warnings: string[] = [];
    const logger = { info() {}, error() {}, warn: (_o: object, m: string) => warnings.push(m) };
    await db.transaction().execute((tx) => enqueueMail(tx, message));
    const unconfigured = createOutboxWorker(db, loadConfig({}), logger);
    expect(await unconfigured.runOnce(later(3_600_000))).toMatchObject({ claimed: 0 });
    expect(await unconfigured.runOnce(later(3_600_000))).toMatchObject({ claimed: 0 });
    expect(warnings).toEqual(['SMTP_URL is not set: e-mails are kept in the outbox until it is']);
    expect(await db.selectFrom('outbox').select('status').execute()).toEqual([{ status: OutboxStatus.Pending }]);

    smtp = await startSmtpServer();
    const configured = createOutboxWorker(db, loadConfig({ SMTP_URL: smtp.url, MAIL_FROM: FROM }), logger);
    configured.start();
    await smtp.waitFor(1);
    await configured.stop();
    expect(smtp.received[0]!.to).toEqual([message.to]);
    expect(await db.selectFrom('outbox').select('status').execute()).toEqual([{ status: OutboxStatus.Done }]);
  });
});
