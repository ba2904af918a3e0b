import type net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { ReceivedMail, TestSmtpServer } from '../support/smtp-server.js';

export interface HoldingSmtpServer extends TestSmtpServer {
  /** The next message is read but never answered: its sender waits for the relay's "250 OK" until it dies. */
  holdNext(): void;
  /** Messages read and never acknowledged (the sender cannot know whether they were taken). */
  held: ReceivedMail[];
}

/**
 * A real SMTP server (the `smtp-server` package) that counts a message as delivered only once it answered 250, as a
 * relay does, and can hold one message unanswered: the way to catch an outbox worker in the middle of a job and kill
 * it there.
 */
export async function startHoldingSmtpServer(): Promise<HoldingSmtpServer> {
  const received: ReceivedMail[] = [];
  const held: ReceivedMail[] = [];
  let holding = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail = { to: session.envelope.rcptTo.map((r) => r.address), parsed };
          if (holding) {
            holding = false;
            held.push(mail);
            return;
          }
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as net.AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    held,
    holdNext() {
      holding = true;
    },
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
    // The held session is still open: close() would wait for it, so the server is torn down without waiting.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        setTimeout(resolve, 500).unref();
      }),
  };
}
