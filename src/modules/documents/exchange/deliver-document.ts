import type { Db } from '../../../platform/database/database.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { PermanentJobError } from '../../../platform/outbox/outbox.js';
import type { FileStore } from '../../../platform/storage/file-store.js';
import { getDocumentRow, getUnit } from '../documents.repository.js';
export { DOCUMENT_DELIVER_TOPIC } from '../deliver.js';
import { postToPeer } from './exchange-client.js';
import { exchangeAuditContext } from './exchange-context.js';
import { packageOfDocument } from './package-of-document.js';
import { findPeerByOrgan } from './peers.js';

export const INBOX_PATH = '/api/exchange/inbox';

async function markRecipient(db: Db, recipientId: number, documentId: number, status: string, detail: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('document_recipients').set({ status, status_at: new Date().toISOString(), detail }).where('id', '=', recipientId).execute();
    await recordAudit(tx, exchangeAuditContext(), { action: `document.deliver.${status}`, entityType: 'document', entityId: documentId, summary: { recipientId, detail } });
  });
}

/**
 * Outbox handler of `document.deliver {recipientId}`: sends the issued document's package to the peer instance that
 * hosts the recipient organisation and marks the recipient `sent` once the peer accepted it (201, or 200 when it had
 * it already: the peer is idempotent on document uid + recipient, so a retry after a lost answer is harmless).
 */
export function deliverDocumentHandler(db: Db, store: FileStore) {
  return async (payload: unknown): Promise<void> => {
    const recipientId = Number((payload as { recipientId?: unknown })?.recipientId);
    const recipient = await db.selectFrom('document_recipients').selectAll().where('id', '=', recipientId).executeTakeFirst();
    if (!recipient) throw new PermanentJobError('no such recipient');
    if (recipient.status !== 'pending' && recipient.status !== 'failed') return;
    const row = await getDocumentRow(db, Number(recipient.document_id));
    const peer = await findPeerByOrgan(db, recipient.organ_id);
    if (!peer) {
      await markRecipient(db, recipientId, Number(row.id), 'failed', 'no exchange peer hosts this organisation');
      throw new PermanentJobError('no exchange peer hosts the recipient');
    }
    const unit = await getUnit(db, Number(row.unit_id));
    const xml = await packageOfDocument(db, store, row, [{ organId: recipient.organ_id, organName: recipient.name }]);
    try {
      await postToPeer(peer, INBOX_PATH, unit.code, xml);
    } catch (error) {
      if (error instanceof PermanentJobError) await markRecipient(db, recipientId, Number(row.id), 'failed', error.message);
      throw error;
    }
    await markRecipient(db, recipientId, Number(row.id), 'sent', peer.organ_id);
  };
}
