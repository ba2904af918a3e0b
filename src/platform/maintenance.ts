import type { Config } from './config.js';
import type { Db } from './database/database.js';
import { SessionKind } from './auth/sessions.js';
import { deleteExpiredIdempotencyKeys, IDEMPOTENCY_RETENTION_MS } from './http/idempotency.js';
import { deleteStaleRateLimits } from './http/rate-limit.js';
import { createFileStore } from './storage/create-file-store.js';
import { sendReportReminders } from '../modules/reports/report-reminders.js';

export interface MaintenanceReport {
  sessions: number;
  rateLimits: number;
  tempFiles: number;
  idempotencyKeys: number;
  /** Periodic report reminders sent (issue 6 §D: 3 days before, on and after the due date, once each). */
  reportReminders: number;
}

/**
 * Housekeeping that keeps the shared tables small: sessions past their absolute or idle limit (they are
 * refused anyway, this only reclaims space), rate-limit windows older than an hour, and temp files of uploads
 * interrupted more than an hour ago (a live upload's temp file is younger), and stored idempotent responses
 * older than a day (clients retry within minutes). It also sends the periodic reports' reminders that fell due
 * (each once: report_reminders remembers what was sent).
 */
export async function runMaintenance(db: Db, config: Config, now = new Date()): Promise<MaintenanceReport> {
  const idleCutoff = new Date(now.getTime() - config.session.idleMinutes * 60_000).toISOString();
  const sessions = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now.toISOString()),
        eb.and([eb('kind', '=', SessionKind.Cookie), eb('last_seen_at', '<=', idleCutoff)]),
      ]),
    )
    .executeTakeFirst();
  const hourAgo = new Date(now.getTime() - 60 * 60_000);
  const rateLimits = await deleteStaleRateLimits(db, hourAgo);
  const tempFiles = (await createFileStore(config).sweepTemp?.(now.getTime() - hourAgo.getTime())) ?? 0;
  const idempotencyKeys = await deleteExpiredIdempotencyKeys(db, new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS));
  const reportReminders = await sendReportReminders(db, now, config.publicUrl);
  return { sessions: Number(sessions.numDeletedRows), rateLimits, tempFiles, idempotencyKeys, reportReminders };
}

const INTERVAL_MS = 10 * 60_000;

/** Runs maintenance every ten minutes in the background of a server process; returns a stop function. */
export function scheduleMaintenance(db: Db, config: Config, onError: (error: unknown) => void): () => void {
  const timer = setInterval(() => {
    runMaintenance(db, config).catch(onError);
  }, INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
