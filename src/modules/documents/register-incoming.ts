import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.js';
import { requirePermission } from '../../platform/auth/access.js';
import { Permission } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { withIdempotency, type IdempotentResult } from '../../platform/http/idempotency.js';
import type { Language } from '../../platform/i18n/language.js';
import type { DocumentDeps } from './action-types.js';
import { viewDocument } from './document-access.js';
import { buildDetail } from './document-detail.js';
import { Direction, DocumentStatus } from './document-status.js';
import { isConfidential } from './document-vocabulary.js';
import type { DocumentDetail, IncomingBody } from './documents.schema.js';
import { getDocumentRow, grantAccess, insertDocument, insertEvent } from './documents.repository.js';
import { requireOwnFiles } from './draft-files.js';
import { refuseDuplicate } from './duplicates.js';
import { takeArrivalNumber } from './incoming-actions.js';
import { getOfficials } from './document-people.js';
import { searchTextOf } from './search-text.js';
import { enqueueContentIndexing } from './search/index-content.js';

export interface RegisterIncomingRequest {
  context: AuditContext;
  actor: Actor;
  body: IncomingBody;
  language: Language;
  idempotencyKey: string | undefined;
}

/**
 * Vào sổ a paper document the clerk scanned (Decree 30/2020 art. 20–22): registered at once with the next arrival
 * number of the unit's incoming book; a duplicate of number + notation + issuing agency needs `confirmDuplicate`.
 */
export async function registerIncoming(deps: DocumentDeps, request: RegisterIncomingRequest): Promise<IdempotentResult<DocumentDetail>> {
  const { actor, body, language } = request;
  await requirePermission(deps.db, actor, Permission.DocumentRegister, body.unitId);
  const scope = 'POST /api/documents/incoming';
  return withIdempotency(deps.db, { userId: actor.userId, key: request.idempotencyKey, scope, body }, async (tx) => {
    const attachments = body.attachmentFileIds ?? [];
    await requireOwnFiles(tx, actor, [body.mainFileId], 'mainFileId', language);
    await requireOwnFiles(tx, actor, attachments, 'attachmentFileIds', language);
    await getOfficials(tx, body.accessUserIds ?? [], 'accessUserIds', language);
    const organId = body.organId ?? null;
    if (!body.confirmDuplicate) {
      await refuseDuplicate(tx, body.unitId, { codeNumber: body.codeNumber, codeNotation: body.codeNotation, organId, organName: body.organName }, null);
    }
    const now = new Date();
    const at = now.toISOString();
    const { bookId, arrivalNumber } = await takeArrivalNumber({ tx, actor, now }, body.unitId, isConfidential(body.confidentiality));
    const fields = {
      subject: body.subject,
      code_number: body.codeNumber,
      code_notation: body.codeNotation,
      organ_name: body.organName,
      type_code: body.typeCode,
      arrival_number: arrivalNumber,
      signer_name: body.signerName ?? null,
    };
    const id = await insertDocument(tx, {
      ...fields,
      uid: randomUUID(),
      direction: Direction.Incoming,
      status: DocumentStatus.Registered,
      unit_id: body.unitId,
      book_id: bookId,
      urgency: body.urgency,
      confidentiality: body.confidentiality,
      page_amount: body.pageAmount ?? null,
      issued_date: body.issuedDate,
      organ_id: organId,
      due_date: body.dueDate ?? null,
      arrival_date: at,
      trace_header: JSON.stringify(organId ? [{ organId, at }] : []),
      main_file_id: body.mainFileId,
      search_text: searchTextOf(fields),
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
      registered_by: actor.userId,
      registered_at: at,
    });
    await enqueueContentIndexing(tx, id, body.mainFileId);
    for (const fileId of attachments) {
      const file = await tx.selectFrom('files').select('original_name').where('id', '=', fileId).executeTakeFirstOrThrow();
      await tx.insertInto('document_attachments').values({ document_id: id, file_id: fileId, name: file.original_name, created_by: actor.userId, created_at: at }).execute();
    }
    // The registering clerk and the people they name may read it (the only readers of a confidential one).
    await grantAccess(tx, id, [actor.userId, ...(body.accessUserIds ?? [])], actor.userId, at);
    await insertEvent(tx, { documentId: id, action: 'register', fromStatus: null, toStatus: DocumentStatus.Registered, actorId: actor.userId, actorName: actor.fullName, details: { arrivalNumber, channel: 'paper', duplicateConfirmed: body.confirmDuplicate === true }, at });
    await recordAudit(tx, request.context, { action: 'document.register', entityType: 'document', entityId: id, unitId: body.unitId, summary: { arrivalNumber, bookId, channel: 'paper' } });
    const row = await getDocumentRow(tx, id);
    return { statusCode: 201, body: await buildDetail(tx, await viewDocument(tx, actor, row), row, language) };
  });
}
