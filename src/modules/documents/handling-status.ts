import type { Executor } from '../../platform/database/database.js';
import type { DocumentRow } from '../../platform/database/schema.js';
import { enqueue } from '../../platform/outbox/outbox.js';
import { SENDER_STATUS, type DocumentStatusCode } from './document-status.js';

export const DOCUMENT_STATUS_TOPIC = 'document.status';

/**
 * The sender sees how its document is handled (issue 4, exchange status messages received/assigned/done): an incoming
 * copy of a document issued on this instance updates the sender's recipient row in the same transaction; one from
 * another instance queues a status message to the peer (outbox, sent after commit).
 */
export async function reportToSender(tx: Executor, row: DocumentRow, toStatus: string, at: string): Promise<void> {
  const status = SENDER_STATUS[toStatus as DocumentStatusCode];
  if (!status || row.status === toStatus) return;
  if (row.source_document_id !== null) {
    await tx.updateTable('document_recipients').set({ status, status_at: at }).where('incoming_document_id', '=', row.id).execute();
  } else if (row.source_peer !== null) {
    await enqueue(tx, DOCUMENT_STATUS_TOPIC, { documentId: Number(row.id), status }, { dedupeKey: `document.status:${row.id}:${status}` });
  }
}
