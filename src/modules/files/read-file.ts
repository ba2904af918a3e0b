import type { Readable } from 'node:stream';
import type { Db } from '../../platform/database/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { FileStore } from '../../platform/storage/file-store.js';
import { getReadableFile } from './file-access.js';
import { toFileMeta } from './files.repository.js';
import type { FileMeta } from './files.schema.js';

// Uploaded documents are citizens' personal data: every read, of the bytes or of the description, is audited.

export async function readFileMeta(db: Db, actor: Actor, context: AuditContext, fileId: string): Promise<FileMeta> {
  return db.transaction().execute(async (tx) => {
    const file = await getReadableFile(tx, actor, fileId);
    await recordAudit(tx, context, { action: 'file.read', entityType: 'file', entityId: file.id });
    return toFileMeta(file);
  });
}

export async function downloadFile(
  deps: { db: Db; store: FileStore },
  actor: Actor,
  context: AuditContext,
  fileId: string,
): Promise<{ meta: FileMeta; content: Readable }> {
  const file = await deps.db.transaction().execute(async (tx) => {
    const row = await getReadableFile(tx, actor, fileId);
    await recordAudit(tx, context, { action: 'file.download', entityType: 'file', entityId: row.id });
    return row;
  });
  return { meta: toFileMeta(file), content: await deps.store.get(file.sha256) };
}
