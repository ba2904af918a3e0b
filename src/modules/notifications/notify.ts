import type { Executor } from '../../platform/database/database.js';
import { enqueueMail } from '../../platform/mail/mail.js';
import { insertNotification } from './notifications.repository.js';

export interface NotifyInput {
  userId: number;
  /** Vietnamese first, e.g. "Hồ sơ 000.00.05.H18-261127-0001 đã được tiếp nhận". */
  subject: string;
  body: string;
  /** Shown in the inbox and appended to the e-mail; pass an absolute URL (PUBLIC_URL + path) for mail clients. */
  link?: string | null;
  /** Also send an e-mail to the user's address on file (default true; nothing is sent when there is none). */
  email?: boolean;
}

/**
 * Tells a user something: writes their inbox row and, in the same transaction, queues the e-mail (style guide §8:
 * sent by the outbox worker after commit, so a rolled-back action neither notifies nor mails). The caller's action
 * is audited by the caller; this adds no audit entry of its own. Returns the notification id.
 */
export async function notify(tx: Executor, input: NotifyInput): Promise<number> {
  const id = await insertNotification(tx, {
    userId: input.userId,
    subject: input.subject,
    body: input.body,
    link: input.link ?? null,
    createdAt: new Date().toISOString(),
  });
  if (input.email === false) return id;
  const user = await tx.selectFrom('users').select(['email', 'status']).where('id', '=', input.userId).executeTakeFirst();
  if (user?.email && user.status === 'active') {
    const text = input.link ? `${input.body}\n\nXem chi tiết (details): ${input.link}` : input.body;
    // One e-mail per notification, even if the enclosing action is retried with the same transaction content.
    await enqueueMail(tx, { to: user.email, subject: input.subject, text }, { dedupeKey: `notification:${id}` });
  }
  return id;
}
