import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Executor } from '../database/database.js';
import { enqueue, PermanentJobError, type EnqueueOptions } from '../outbox/outbox.js';
import type { JobHandler } from '../outbox/worker.js';

/** Outbox topic of an e-mail: `{ to, subject, text, html? }`. */
export const MAIL_TOPIC = 'mail.send';

export const MailMessage = Type.Object(
  {
    to: Type.String({ minLength: 3, maxLength: 320, pattern: '^[^\\s@]+@[^\\s@]+$' }),
    subject: Type.String({ minLength: 1, maxLength: 500 }),
    text: Type.String({ minLength: 1 }),
    html: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type MailMessage = Static<typeof MailMessage>;

/** Queues an e-mail inside the business transaction; it is sent after commit by the outbox worker. */
export async function enqueueMail(tx: Executor, message: MailMessage, options?: EnqueueOptions): Promise<number | undefined> {
  if (!Value.Check(MailMessage, message)) throw new Error('enqueueMail: the message does not match MailMessage');
  return enqueue(tx, MAIL_TOPIC, message, options);
}

/** An SMTP transport from a URL such as `smtp://user:pass@relay:587` or `smtps://relay:465`. */
export function createSmtpTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}

/**
 * The Message-ID of a job's e-mail, the same on every try (RFC 5322 §3.6.4: one message, one identifier). The outbox
 * delivers at least once — a worker killed after the relay accepted the message but before the job was marked done
 * sends it again when the job is re-claimed — and relays and mail clients recognise such a repeat by this header.
 */
export function outboxMessageId(jobId: number, from: string): string {
  const domain = /@([^\s@<>]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return `<outbox-${jobId}@${domain}>`;
}

/** The `mail.send` handler: one SMTP submission per job; a refused connection throws and the job is retried. */
export function mailSendHandler(transport: Transporter, from: string): JobHandler {
  return async (payload, job) => {
    if (!Value.Check(MailMessage, payload)) throw new PermanentJobError('mail.send payload does not match MailMessage');
    await transport.sendMail({ from, to: payload.to, subject: payload.subject, text: payload.text, html: payload.html, messageId: outboxMessageId(job.id, from) });
  };
}
