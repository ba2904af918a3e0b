import type { Executor } from '../../platform/database/database.js';
import type { FileRow } from '../../platform/database/schema.js';
import type { FileMeta } from './files.schema.js';

export async function insertFile(db: Executor, row: FileRow): Promise<void> {
  await db.insertInto('files').values(row).execute();
}

export async function findFile(db: Executor, id: string): Promise<FileRow | undefined> {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

export function toFileMeta(row: FileRow): FileMeta {
  return {
    id: row.id,
    mediaType: row.media_type as FileMeta['mediaType'],
    size: Number(row.size),
    sha256: row.sha256,
    name: row.original_name,
    createdAt: row.created_at,
  };
}
