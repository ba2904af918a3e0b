import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Db } from '../../platform/database/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { FileStore } from '../../platform/storage/file-store.js';
import { sanitiseFileName } from './file-name.js';
import { insertFile, toFileMeta } from './files.repository.js';
import type { FileMeta } from './files.schema.js';
import { UploadGuard } from './upload-guard.js';

export interface Upload {
  content: Readable;
  /** The name the client sent; only kept (sanitised) for offering the file back. */
  fileName: string | undefined;
}

/**
 * Stores one uploaded file for its uploader. Any signed-in user may upload (citizens attach documents to
 * dossiers, officials attach results); the type comes from the content and the size is counted while streaming.
 */
export async function uploadFile(
  deps: { db: Db; store: FileStore; maxBytes: number },
  actor: Actor,
  context: AuditContext,
  upload: Upload,
): Promise<FileMeta> {
  const guard = new UploadGuard(deps.maxBytes);
  // pipe() does not pass a failing upload (client gone, multipart error) on; the store must see it to clean up.
  upload.content.once('error', (error) => guard.destroy(error));
  const blob = await deps.store.put(upload.content.pipe(guard));
  const mediaType = guard.mediaType!;
  const row = {
    id: randomUUID(),
    sha256: blob.sha256,
    size: blob.size,
    media_type: mediaType,
    original_name: sanitiseFileName(upload.fileName, mediaType),
    owner_user_id: actor.userId,
    created_at: new Date().toISOString(),
  };
  await deps.db.transaction().execute(async (tx) => {
    await insertFile(tx, row);
    await recordAudit(tx, context, {
      action: 'file.upload',
      entityType: 'file',
      entityId: row.id,
      // Type, size and content address only: the file name may carry personal data.
      summary: { mediaType, size: blob.size, sha256: blob.sha256 },
    });
  });
  return toFileMeta(row);
}
