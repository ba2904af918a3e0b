import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/database/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { PermanentJobError } from '../../../platform/outbox/outbox.js';
import { DOCUMENT_STATUS_TOPIC } from '../handling-status.js';
import { postToPeer } from './exchange-client.js';
import { isProgress } from './exchange-context.js';
import { buildStatusXml, type StatusMessage } from './exchange-messages.js';
import { findPeerByOrgan } from './peers.js';

export { DOCUMENT_STATUS_TOPIC };
export const STATUS_PATH = '/api/exchange/status';

/**
 * Outbox handler of `document.status {documentId, status}` on the receiving instance: tells the sending peer how
 * the incoming copy is handled, naming the sender's document uid and this organisation.
 */
export function sendStatusHandler(db: Db) {
  return async (payload: unknown): Promise<void> => {
    const { documentId, status } = (payload ?? {}) as { documentId?: unknown; status?: unknown };
    const received = await db.selectFrom('exchange_received').selectAll().where('document_id', '=', Number(documentId)).executeTakeFirst();
    if (!received) throw new PermanentJobError('the document did not come from a peer');
    const peer = await findPeerByOrgan(db, received.peer_organ_id);
    if (!peer) throw new PermanentJobError('the sending peer is no longer registered');
    const xml = buildStatusXml({ DocumentId: received.source_uid, OrganId: received.recipient_organ_id, Code: String(status) as StatusMessage['Code'], Timestamp: new Date().toISOString() });
    await postToPeer(peer, STATUS_PATH, received.recipient_organ_id, xml);
  };
}

/**
 * A status message from a peer (already authenticated as hosting `message.OrganId`): updates the recipient row of
 * the document this instance issued. Only forward: a late "received" after "done" changes nothing.
 */
export async function receiveStatus(db: Db, context: AuditContext, message: StatusMessage): Promise<{ status: string }> {
  return db.transaction().execute(async (tx) => {
    const recipient = await tx
      .selectFrom('document_recipients')
      .innerJoin('documents', 'documents.id', 'document_recipients.document_id')
      .select(['document_recipients.id', 'document_recipients.status', 'document_recipients.document_id', 'documents.unit_id'])
      .where('documents.uid', '=', message.DocumentId)
      .where('document_recipients.organ_id', '=', message.OrganId)
      .where('document_recipients.unit_id', 'is', null)
      .executeTakeFirst();
    if (!recipient) throw new AppError('NOT_FOUND');
    if (!isProgress(recipient.status, message.Code)) return { status: recipient.status };
    await tx.updateTable('document_recipients').set({ status: message.Code, status_at: new Date().toISOString() }).where('id', '=', recipient.id).execute();
    await recordAudit(tx, context, {
      action: 'document.recipient_status',
      entityType: 'document',
      entityId: Number(recipient.document_id),
      unitId: Number(recipient.unit_id),
      summary: { organId: message.OrganId, from: recipient.status, to: message.Code },
    });
    return { status: message.Code };
  });
}
