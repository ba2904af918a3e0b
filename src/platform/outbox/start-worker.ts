import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Config } from '../config.js';
import type { Db } from '../database/database.js';
import { createSmtpTransport, MAIL_TOPIC, mailSendHandler } from '../mail/mail.js';
import { OutboxWorker, type WorkerLogger } from './worker.js';
import { createFileStore } from '../storage/create-file-store.js';
import { INDEX_CONTENT_TOPIC, indexContentHandler } from '../../modules/documents/search/index-content.js';
import { DOCUMENT_DELIVER_TOPIC, deliverDocumentHandler } from '../../modules/documents/exchange/deliver-document.js';
import { DOCUMENT_STATUS_TOPIC, sendStatusHandler } from '../../modules/documents/exchange/status-messages.js';
import { DOCUMENT_RECALL_TOPIC, sendRecallHandler } from '../../modules/documents/exchange/recall-messages.js';

/**
 * The server's outbox worker with every handler the configuration allows. Without SMTP_URL the mail handler is
 * not registered, so `mail.send` jobs stay pending (said once in the log) and go out once a relay is configured.
 */
export function createOutboxWorker(db: Db, config: Config, logger: WorkerLogger): OutboxWorker {
  // locked_by names the host and process, so an operator (or a test) can tell which node holds a job.
  const workerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const worker = new OutboxWorker(db, { workerId, maxAttempts: config.outbox.maxAttempts, leaseMs: config.outbox.leaseSeconds * 1000, logger });
  const store = createFileStore(config);
  worker.register(INDEX_CONTENT_TOPIC, indexContentHandler(db, store));
  // Document exchange with peer instances (issue 4): packages out, handling statuses back, recalls.
  worker.register(DOCUMENT_DELIVER_TOPIC, deliverDocumentHandler(db, store));
  worker.register(DOCUMENT_STATUS_TOPIC, sendStatusHandler(db));
  worker.register(DOCUMENT_RECALL_TOPIC, sendRecallHandler(db));
  if (config.mail.smtpUrl) {
    worker.register(MAIL_TOPIC, mailSendHandler(createSmtpTransport(config.mail.smtpUrl), config.mail.from));
  } else {
    logger.warn({ topic: MAIL_TOPIC }, 'SMTP_URL is not set: e-mails are kept in the outbox until it is');
  }
  return worker;
}
