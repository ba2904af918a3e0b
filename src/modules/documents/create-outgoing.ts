import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.js';
import { hasPermission } from '../../platform/auth/access.js';
import { Permission } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { withIdempotency, type IdempotentResult } from '../../platform/http/idempotency.js';
import type { Language } from '../../platform/i18n/language.js';
import { invalidField, type DocumentDeps } from './action-types.js';
import { viewDocument } from './document-access.js';
import { buildDetail } from './document-detail.js';
import { getOfficialWith } from './document-people.js';
import { Direction, DocumentStatus } from './document-status.js';
import { isConfidential } from './document-vocabulary.js';
import type { DocumentDetail, OutgoingBody, RecipientInput } from './documents.schema.js';
import { getDocumentRow, getUnit, grantAccess, insertDocument, insertEvent } from './documents.repository.js';
import { draftingDivision, draftVersionFile, notationOf } from './draft-files.js';
import { searchTextOf } from './search-text.js';
import { enqueueContentIndexing } from './search/index-content.js';

export interface CreateOutgoingRequest {
  context: AuditContext;
  actor: Actor;
  body: OutgoingBody;
  language: Language;
  idempotencyKey: string | undefined;
}

const UNKNOWN_UNIT = { vi: 'Không tìm thấy đơn vị nhận.', en: 'The recipient unit does not exist.' } as const;
const NOT_A_REPLY = { vi: 'Chỉ trả lời được văn bản đến của đơn vị mà bạn được giao xử lý.', en: 'You can reply only to an incoming document of the unit assigned to you.' } as const;

/**
 * Dự thảo văn bản đi: drafted by someone holding document.draft on the unit, or — a reply — by a handler assigned the
 * incoming document it answers (documents-api.md). Version 1 is the uploaded PDF or the text rendered by the server.
 */
export async function createOutgoing(deps: DocumentDeps, request: CreateOutgoingRequest): Promise<IdempotentResult<DocumentDetail>> {
  const { actor, body, language } = request;
  const drafter = await hasPermission(deps.db, actor, Permission.DocumentDraft, body.unitId);
  if (!drafter && body.inReplyToId === undefined) throw new AppError('FORBIDDEN');
  const scope = 'POST /api/documents/outgoing';
  return withIdempotency(deps.db, { userId: actor.userId, key: request.idempotencyKey, scope, body }, async (tx) => {
    if (body.inReplyToId !== undefined) await requireRepliable(tx, actor, body.inReplyToId, body.unitId, drafter, language);
    const signer = await getOfficialWith(tx, body.signerUserId, Permission.DocumentSign, body.unitId, 'signerUserId', language);
    const recipients = await resolveRecipients(tx, body.recipients, language);
    const unit = await getUnit(tx, body.unitId);
    const now = new Date();
    const at = now.toISOString();
    const notation = notationOf(body.typeCode, unit, await draftingDivision(tx, actor.userId, body.unitId));
    const toPlaces = recipients.map((r) => r.name);
    const fileId = await draftVersionFile(
      tx,
      deps,
      actor,
      language,
      { fileId: body.fileId, body: body.body },
      { unitId: body.unitId, typeCode: body.typeCode, notation, subject: body.subject, signer, recipients: toPlaces, at: now },
      1,
    );
    const fields = { subject: body.subject, code_number: null, code_notation: null, organ_name: unit.name, type_code: body.typeCode, arrival_number: null, signer_name: signer.fullName };
    const id = await insertDocument(tx, {
      ...fields,
      uid: randomUUID(),
      direction: body.internal ? Direction.Internal : Direction.Outgoing,
      status: DocumentStatus.Drafting,
      unit_id: body.unitId,
      urgency: body.urgency,
      confidentiality: body.confidentiality,
      organ_id: unit.code,
      signer_title: signer.title,
      signer_user_id: signer.id,
      to_places: JSON.stringify(toPlaces),
      due_date: body.dueDate ?? null,
      main_file_id: fileId,
      current_version_no: 1,
      in_reply_to_id: body.inReplyToId ?? null,
      search_text: searchTextOf(fields),
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    });
    await enqueueContentIndexing(tx, id, fileId);
    await tx.insertInto('document_versions').values({ document_id: id, version_no: 1, file_id: fileId, note: body.note ?? null, created_by: actor.userId, created_at: at }).execute();
    for (const r of recipients) {
      await tx.insertInto('document_recipients').values({ document_id: id, unit_id: r.unitId, organ_id: r.organId, name: r.name, channel: r.unitId === null ? 'exchange' : 'internal', status: 'pending', status_at: at, incoming_document_id: null, detail: null }).execute();
    }
    if (isConfidential(body.confidentiality)) await grantAccess(tx, id, [actor.userId, signer.id], actor.userId, at);
    await insertEvent(tx, { documentId: id, action: 'create', fromStatus: null, toStatus: DocumentStatus.Drafting, actorId: actor.userId, actorName: actor.fullName, details: { versionNo: 1, inReplyToId: body.inReplyToId ?? null }, at });
    await recordAudit(tx, request.context, { action: 'document.create', entityType: 'document', entityId: id, unitId: body.unitId, summary: { typeCode: body.typeCode, recipients: recipients.length } });
    const row = await getDocumentRow(tx, id);
    return { statusCode: 201, body: await buildDetail(tx, await viewDocument(tx, actor, row), row, language) };
  });
}

/** The incoming document answered must be the unit's and the caller must read it (assignees draft replies). */
async function requireRepliable(tx: Executor, actor: Actor, incomingId: number, unitId: number, drafter: boolean, language: Language): Promise<void> {
  const incoming = await tx.selectFrom('documents').selectAll().where('id', '=', incomingId).executeTakeFirst();
  const viewer = incoming ? await viewDocument(tx, actor, incoming) : undefined;
  const ok = incoming !== undefined && viewer!.mayRead && incoming.direction === Direction.Incoming && Number(incoming.unit_id) === unitId && (drafter || viewer!.isAssignee);
  if (!ok) {
    if (!drafter) throw new AppError('FORBIDDEN');
    throw invalidField('inReplyToId', NOT_A_REPLY, language);
  }
}

interface Recipient {
  unitId: number | null;
  organId: string;
  name: string;
}

async function resolveRecipients(tx: Executor, inputs: RecipientInput[], language: Language): Promise<Recipient[]> {
  const out: Recipient[] = [];
  for (const [index, input] of inputs.entries()) {
    if ('unitId' in input) {
      const unit = await tx.selectFrom('units').select(['id', 'code', 'name', 'status']).where('id', '=', input.unitId).executeTakeFirst();
      if (!unit || unit.status !== 'active') throw invalidField(`recipients/${index}/unitId`, UNKNOWN_UNIT, language);
      out.push({ unitId: Number(unit.id), organId: unit.code, name: unit.name });
    } else {
      out.push({ unitId: null, organId: input.organId, name: input.name });
    }
  }
  return out;
}
