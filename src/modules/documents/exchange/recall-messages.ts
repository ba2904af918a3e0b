import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/database/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { PermanentJobError } from '../../../platform/outbox/outbox.js';
import { DocumentStatus } from '../document-status.js';
import { getDocumentRow, getUnit, insertEvent, updateDocument } from '../documents.repository.js';
import { DOCUMENT_RECALL_TOPIC } from '../outgoing-actions.js';
import { postToPeer } from './exchange-client.js';
import { buildRecallXml, type RecallMessage } from './exchange-messages.js';
import { findPeerByOrgan, type PeerRow } from './peers.js';

export { DOCUMENT_RECALL_TOPIC };
export const RECALL_PATH = '/api/exchange/recall';

/** Outbox handler of `document.recall {recipientId}`: asks the peer hosting the recipient to recall its copy. */
export function sendRecallHandler(db: Db) {
  return async (payload: unknown): Promise<void> => {
    const recipientId = Number((payload as { recipientId?: unknown })?.recipientId);
    const recipient = await db.selectFrom('document_recipients').selectAll().where('id', '=', recipientId).executeTakeFirst();
    if (!recipient) throw new PermanentJobError('no such recipient');
    const row = await getDocumentRow(db, Number(recipient.document_id));
    const peer = await findPeerByOrgan(db, recipient.organ_id);
    if (!peer) throw new PermanentJobError('no exchange peer hosts the recipient');
    const unit = await getUnit(db, Number(row.unit_id));
    const xml = buildRecallXml({ DocumentId: row.uid, OrganId: recipient.organ_id, Reason: row.recall_reason ?? '', Timestamp: new Date().toISOString() });
    await postToPeer(peer, RECALL_PATH, unit.code, xml);
  };
}

/**
 * A recall from the peer that sent the document: the copy it delivered to `message.OrganId` becomes `recalled`
 * (frozen; the clerk confirms its destruction). Only the sending peer may recall; repeating it changes nothing.
 */
export async function receiveRecall(db: Db, context: AuditContext, peer: PeerRow, message: RecallMessage): Promise<{ status: string; documentId: number }> {
  return db.transaction().execute(async (tx) => {
    const received = await tx
      .selectFrom('exchange_received')
      .select('document_id')
      .where('source_uid', '=', message.DocumentId)
      .where('recipient_organ_id', '=', message.OrganId)
      .where('peer_organ_id', '=', peer.organ_id)
      .executeTakeFirst();
    if (!received) throw new AppError('NOT_FOUND');
    const row = await getDocumentRow(tx, Number(received.document_id));
    const documentId = Number(row.id);
    if (row.status === DocumentStatus.Recalled || row.status === DocumentStatus.Destroyed) return { status: row.status, documentId };
    const at = new Date().toISOString();
    await updateDocument(tx, row, { status: DocumentStatus.Recalled, recalled_at: at, recall_reason: message.Reason || null, updated_at: at });
    await insertEvent(tx, { documentId, action: 'recall', fromStatus: row.status, toStatus: DocumentStatus.Recalled, actorId: null, actorName: row.organ_name, details: { sourcePeer: peer.organ_id, reason: message.Reason }, at });
    await recordAudit(tx, context, { action: 'document.recalled_by_sender', entityType: 'document', entityId: documentId, unitId: Number(row.unit_id), summary: { from: row.status, sourcePeer: peer.organ_id } });
    return { status: DocumentStatus.Recalled, documentId };
  });
}
