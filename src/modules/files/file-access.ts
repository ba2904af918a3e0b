import type { Executor } from '../../platform/database/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { FileRow } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findFile } from './files.repository.js';

/**
 * Whether the actor may read the file. For now only its uploader; the dossier module extends `mayReadFile`
 * (officials handling a dossier the file is attached to). Deny by default: an unknown id is not readable.
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
async function mayReadFile(_db: Executor, actor: Actor, file: FileRow): Promise<boolean> {
  return file.owner_user_id === actor.userId;
}
