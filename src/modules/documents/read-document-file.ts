import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { DocumentDeps } from './action-types.js';
import { getReadableDocument } from './document-detail.js';
import { isFileOfDocument } from './document-files.js';

/** A file of a document, under the document's read rule (refusals and confidential reads audited there). */
export async function readDocumentFile(
  deps: DocumentDeps,
  context: AuditContext,
  actor: Actor,
  documentId: number,
  fileId: string,
): Promise<{ name: string; mediaType: string; size: number; content: Readable }> {
  const { row } = await getReadableDocument(deps.db, context, actor, documentId, 'file');
  if (!(await isFileOfDocument(deps.db, documentId, fileId))) throw new AppError('NOT_FOUND');
  const file = await deps.db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirstOrThrow();
  await deps.db.transaction().execute((tx) =>
    recordAudit(tx, context, { action: 'document.file.download', entityType: 'document', entityId: documentId, unitId: Number(row.unit_id), summary: { fileId } }),
  );
  return { name: file.original_name, mediaType: file.media_type, size: Number(file.size), content: await deps.store.get(file.sha256) };
}
