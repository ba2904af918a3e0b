import { randomUUID } from 'node:crypto';
import { ancestorIds } from '../../platform/auth/access.js';
import { Role } from '../../platform/auth/roles.js';
import type { Executor } from '../../platform/database/database.js';
import type { DocumentRow, UnitRow } from '../../platform/database/schema.js';
import { enqueue } from '../../platform/outbox/outbox.js';
import { notify } from '../notifications/notify.js';
import { Direction, DocumentStatus } from './document-status.js';
import { isConfidential } from './document-vocabulary.js';
import { grantAccess, insertDocument, insertEvent } from './documents.repository.js';
import { numberNotationOf } from './present-document.js';
import { searchTextOf } from './search-text.js';
import { enqueueContentIndexing } from './search/index-content.js';

export const DOCUMENT_DELIVER_TOPIC = 'document.deliver';

/** Records clerks of a unit (a direct grant there, or a subtree grant above it): they register what arrives. */
export async function clerksOf(db: Executor, unitId: number): Promise<number[]> {
  const chain = await ancestorIds(db, unitId);
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select('role_grants.user_id')
    .where('role_grants.role', '=', Role.RecordsClerk)
    .where('users.status', '=', 'active')
    .where((eb) => eb.or([eb('role_grants.unit_id', '=', unitId), eb.and([eb('role_grants.include_subtree', '=', 1), eb('role_grants.unit_id', 'in', chain)])]))
    .execute();
  return [...new Set(rows.map((r) => Number(r.user_id)))];
}

/**
 * Sends an issued document to its recipients, in the issuing transaction: a unit of this instance gets a new incoming
 * document in `received` (same signed PDF, trace header naming the sender) for its clerk to register; an organisation
 * on another instance gets a `document.deliver` outbox job (exchange module).
 */
export async function deliverIssued(tx: Executor, source: DocumentRow, sourceUnit: UnitRow, at: string, publicUrl: string): Promise<void> {
  const recipients = await tx.selectFrom('document_recipients').selectAll().where('document_id', '=', source.id).orderBy('id').execute();
  const attachments = await tx.selectFrom('document_attachments').selectAll().where('document_id', '=', source.id).execute();
  for (const recipient of recipients) {
    if (recipient.unit_id === null) {
      await enqueue(tx, DOCUMENT_DELIVER_TOPIC, { recipientId: Number(recipient.id) }, { dedupeKey: `document.deliver:${recipient.id}` });
      continue;
    }
    const unitId = Number(recipient.unit_id);
    const fields = {
      subject: source.subject,
      code_number: source.code_number,
      code_notation: source.code_notation,
      organ_name: sourceUnit.name,
      type_code: source.type_code,
      arrival_number: null,
      signer_name: source.signer_name,
    };
    const copyId = await insertDocument(tx, {
      ...fields,
      uid: randomUUID(),
      direction: Direction.Incoming,
      status: DocumentStatus.Received,
      unit_id: unitId,
      urgency: source.urgency,
      confidentiality: source.confidentiality,
      language: source.language,
      page_amount: source.page_amount,
      issued_amount: source.issued_amount,
      issued_date: source.issued_date,
      organ_id: sourceUnit.code,
      signer_title: source.signer_title,
      to_places: source.to_places,
      due_date: source.due_date,
      arrival_date: at,
      trace_header: JSON.stringify([{ organId: sourceUnit.code, at }]),
      main_file_id: source.main_file_id,
      source_document_id: source.id,
      search_text: searchTextOf(fields),
      created_by: null,
      created_at: at,
      updated_at: at,
    });
    if (source.main_file_id) await enqueueContentIndexing(tx, copyId, source.main_file_id);
    for (const a of attachments) {
      await tx.insertInto('document_attachments').values({ document_id: copyId, file_id: a.file_id, name: a.name, created_by: null, created_at: at }).execute();
    }
    await tx.updateTable('document_recipients').set({ incoming_document_id: copyId, status: 'sent', status_at: at }).where('id', '=', recipient.id).execute();
    await insertEvent(tx, { documentId: copyId, action: 'receive', fromStatus: null, toStatus: DocumentStatus.Received, actorId: null, actorName: sourceUnit.name, details: { sourceDocumentId: Number(source.id) }, at });
    const clerks = await clerksOf(tx, unitId);
    // A confidential copy is readable by the receiving clerks only, who register it and grant it on (contract).
    if (isConfidential(source.confidentiality)) await grantAccess(tx, copyId, clerks, null, at);
    for (const clerk of clerks) {
      await notify(tx, {
        userId: clerk,
        subject: `Văn bản đến mới từ ${sourceUnit.name}: ${numberNotationOf(source) ?? ''}`,
        body: isConfidential(source.confidentiality) ? 'Có văn bản mật mới cần vào sổ. (A confidential document awaits registration.)' : `${source.subject}\n(A new incoming document awaits registration.)`,
        link: `${publicUrl}/office/documents/${copyId}`,
        email: !isConfidential(source.confidentiality),
      });
    }
  }
}
