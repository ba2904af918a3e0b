import type { AuditContext } from '../../../platform/audit/audit.js';

/** Who acts when the exchange itself changes a record (a delivery confirmed, a status or recall from a peer). */
export function exchangeAuditContext(from: { ip?: string | null; requestId?: string | null } = {}): AuditContext {
  return { actorId: null, actorUsername: 'exchange', ip: from.ip ?? null, requestId: from.requestId ?? null };
}

/** Recipient statuses in the order a delivery moves through them; a status message never moves one back. */
export const RECIPIENT_PROGRESS = ['pending', 'failed', 'sent', 'received', 'assigned', 'done', 'recalled', 'destroyed'] as const;

export function isProgress(from: string, to: string): boolean {
  return RECIPIENT_PROGRESS.indexOf(to as never) > RECIPIENT_PROGRESS.indexOf(from as never);
}
