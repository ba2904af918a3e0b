import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/database/database.js';
import type { FileRow } from '../../platform/database/schema.js';
import type { FileStore } from '../../platform/storage/file-store.js';
import { viewDocument } from './document-access.js';

/** Documents a file belongs to: as main PDF, a draft version, an attachment or the PDF after a signature. */
export async function documentIdsOfFile(db: Executor, fileId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('documents')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('main_file_id', '=', fileId),
        eb('id', 'in', eb.selectFrom('document_versions').select('document_id').where('file_id', '=', fileId)),
        eb('id', 'in', eb.selectFrom('document_attachments').select('document_id').where('file_id', '=', fileId)),
        eb('id', 'in', eb.selectFrom('document_signatures').select('document_id').where('file_id', '=', fileId)),
      ]),
    )
    .limit(50)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Whether the file belongs to the document (so its files route serves nothing else). */
export async function isFileOfDocument(db: Executor, documentId: number, fileId: string): Promise<boolean> {
  return (await documentIdsOfFile(db, fileId)).includes(documentId);
}

/**
 * Files of documents the actor may read (the files module's read rule admits them through this): the same rule as the
 * document itself, so a confidential document's PDF stays with its grant holders. Deny by default.
 */
export async function canReadDocumentFile(db: Executor, actor: Actor, fileId: string): Promise<boolean> {
  if (actor.kind !== 'official') return false;
  for (const id of await documentIdsOfFile(db, fileId)) {
    const row = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    if (row && (await viewDocument(db, actor, row)).mayRead) return true;
  }
  return false;
}

/** Stores a PDF the server made (a rendered draft, a signed copy) as a file owned by the acting official. */
export async function storePdf(tx: Executor, store: FileStore, ownerUserId: number, pdf: Buffer, name: string): Promise<FileRow> {
  const blob = await store.put(Readable.from(pdf));
  const row: FileRow = {
    id: randomUUID(),
    sha256: blob.sha256,
    size: blob.size,
    media_type: 'application/pdf',
    original_name: name,
    owner_user_id: ownerUserId,
    created_at: new Date().toISOString(),
  };
  await tx.insertInto('files').values(row).execute();
  return row;
}

/** Reads a stored file's bytes into memory (PDFs to sign are small enough). */
export async function readBytes(store: FileStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.get(sha256)) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
