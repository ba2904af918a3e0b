import type { Executor } from '../../platform/database/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { FileRow } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import { canReadDossierFile } from '../dossiers/dossier-files.js';
import { canReadDocumentFile } from '../documents/document-files.js';
import { findFile } from './files.repository.js';

/**
 * Whether the actor may read the file: its uploader, or anyone the dossier module lets read it (the applicant's
 * data store, officials handling a dossier it is attached to), or a reader of an official document it belongs to. Deny by default: an unknown id is not readable.
 */
export async function canReadFile(db: Executor, actor: Actor, fileId: string): Promise<boolean> {
  const file = await findFile(db, fileId);
  return file !== undefined && (await mayReadFile(db, actor, file));
}

/** The file row if the actor may read it; otherwise NOT_FOUND, so callers cannot learn that it exists. */
export async function getReadableFile(db: Executor, actor: Actor, fileId: string): Promise<FileRow> {
  const file = await findFile(db, fileId);
  if (!file || !(await mayReadFile(db, actor, file))) throw new AppError('NOT_FOUND');
  return file;
}

// The one place the read rule lives, so canReadFile and getReadableFile never disagree.
async function mayReadFile(db: Executor, actor: Actor, file: FileRow): Promise<boolean> {
  return Number(file.owner_user_id) === actor.userId || (await canReadDossierFile(db, actor, file.id)) || (await canReadDocumentFile(db, actor, file.id));
}
