import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { withIdempotency, type IdempotentResult } from '../../platform/http/idempotency.js';
import type { Language } from '../../platform/i18n/language.js';
import type { ActionHandler, DocumentDeps } from './action-types.js';
import { allowedActions } from './allowed-actions.js';
import { viewDocument } from './document-access.js';
import { buildDetail } from './document-detail.js';
import { ACTION_LABELS, STATUS_LABELS, type DocumentActionCode, type DocumentStatusCode } from './document-status.js';
import type { ActionBody, DocumentDetail } from './documents.schema.js';
import { findDocument, getDocumentRow, insertEvent, updateDocument } from './documents.repository.js';
import { reportToSender } from './handling-status.js';
import { INCOMING_HANDLERS } from './incoming-actions.js';
import { COMMON_HANDLERS, OUTGOING_HANDLERS } from './outgoing-actions.js';
import { searchTextOf } from './search-text.js';
import { SIGNING_HANDLERS } from './signing-actions.js';
import { enqueueContentIndexing } from './search/index-content.js';

const HANDLERS: Record<DocumentActionCode, ActionHandler> = { ...INCOMING_HANDLERS, ...OUTGOING_HANDLERS, ...SIGNING_HANDLERS, ...COMMON_HANDLERS };

export interface ActRequest {
  context: AuditContext;
  actor: Actor;
  id: number;
  body: ActionBody;
  language: Language;
  idempotencyKey: string | undefined;
}

/**
 * One action on a document (documents-api.md), in one transaction with its history event, audit entry, notices and the
 * sender's status: a stale `version` answers DOCUMENT_CHANGED, an action not open to the caller now
 * DOCUMENT_ACTION_NOT_ALLOWED naming the allowed ones, a document they may not read 404.
 */
export async function actOnDocument(deps: DocumentDeps, request: ActRequest): Promise<IdempotentResult<DocumentDetail>> {
  const { actor, body, language } = request;
  await refuseUnreadable(deps.db, request);
  const scope = `POST /api/documents/${request.id}/actions`;
  return withIdempotency(deps.db, { userId: actor.userId, key: request.idempotencyKey, scope, body }, async (tx) => {
    const row = await getDocumentRow(tx, request.id);
    const viewer = await viewDocument(tx, actor, row);
    if (!viewer.mayRead) throw new AppError('NOT_FOUND');
    if (Number(row.version) !== body.version) throw new AppError('DOCUMENT_CHANGED');
    const action = body.action as DocumentActionCode;
    const allowed = allowedActions(row, viewer);
    if (!allowed.includes(action)) throw notAllowed(row.status, action, allowed, language);
    const now = new Date();
    const outcome = await HANDLERS[action]({ tx, deps, row, viewer, actor, body, now, language, context: request.context });
    const at = now.toISOString();
    const merged = { ...row, ...outcome.changes };
    const toStatus = merged.status;
    await updateDocument(tx, row, { ...outcome.changes, updated_at: at, search_text: searchTextOf(merged) });
    // A new main PDF (version, signature, seal) makes its text searchable after commit.
    if (merged.main_file_id && merged.main_file_id !== row.main_file_id) await enqueueContentIndexing(tx, Number(row.id), merged.main_file_id);
    await insertEvent(tx, { documentId: Number(row.id), action: body.action, fromStatus: row.status, toStatus, actorId: actor.userId, actorName: actor.fullName, details: outcome.details, at });
    await reportToSender(tx, row, toStatus, at);
    await recordAudit(tx, request.context, {
      action: `document.${body.action}`,
      entityType: 'document',
      entityId: Number(row.id),
      unitId: Number(row.unit_id),
      summary: { from: row.status, to: toStatus, ...outcome.details },
    });
    const updated = await getDocumentRow(tx, request.id);
    return { statusCode: 200, body: await buildDetail(tx, await viewDocument(tx, actor, updated), updated, language) };
  });
}

/** A caller who may not read the document gets 404, and the attempt stays in the audit log (contract). */
async function refuseUnreadable(db: Db, request: ActRequest): Promise<void> {
  const row = await findDocument(db, request.id);
  if (!row) throw new AppError('NOT_FOUND');
  if ((await viewDocument(db, request.actor, row)).mayRead) return;
  await db.transaction().execute((tx) =>
    recordAudit(tx, request.context, { action: 'document.read_denied', entityType: 'document', entityId: Number(row.id), unitId: Number(row.unit_id), summary: { purpose: 'action', action: request.body.action } }),
  );
  throw new AppError('NOT_FOUND');
}

function notAllowed(status: string, action: DocumentActionCode, allowed: DocumentActionCode[], language: Language): AppError {
  return new AppError(
    'DOCUMENT_ACTION_NOT_ALLOWED',
    {
      action: ACTION_LABELS[action][language],
      status: STATUS_LABELS[status as DocumentStatusCode]?.[language] ?? status,
      allowed: allowed.length > 0 ? allowed.map((a) => ACTION_LABELS[a][language]).join(', ') : language === 'vi' ? 'không có' : 'none',
    },
    undefined,
    { allowed },
  );
}
