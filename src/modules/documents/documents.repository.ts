import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { DocumentRow, DocumentUpdate, DocumentsTable, UnitRow } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';

export async function findDocument(db: Executor, id: number): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getDocumentRow(db: Executor, id: number): Promise<DocumentRow> {
  const row = await findDocument(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function insertDocument(db: Executor, row: Insertable<DocumentsTable>): Promise<number> {
  const inserted = await db.insertInto('documents').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Optimistic update: refused with DOCUMENT_CHANGED when someone changed the document since `version` was read. */
export async function updateDocument(db: Executor, row: Pick<DocumentRow, 'id' | 'version'>, changes: DocumentUpdate): Promise<void> {
  const result = await db
    .updateTable('documents')
    .set({ ...changes, version: Number(row.version) + 1 })
    .where('id', '=', row.id)
    .where('version', '=', Number(row.version))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('DOCUMENT_CHANGED');
}

export async function insertEvent(
  db: Executor,
  event: { documentId: number; action: string; fromStatus: string | null; toStatus: string; actorId: number | null; actorName: string | null; details?: Record<string, unknown>; at: string },
): Promise<void> {
  await db
    .insertInto('document_events')
    .values({
      document_id: event.documentId,
      action: event.action,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      actor_id: event.actorId,
      actor_name: event.actorName,
      details: JSON.stringify(event.details ?? {}),
      at: event.at,
    })
    .execute();
}

export async function unitsById(db: Executor, ids: number[]): Promise<Map<number, UnitRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('units').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [Number(r.id), r]));
}

export async function getUnit(db: Executor, id: number): Promise<UnitRow> {
  const unit = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND');
  return unit;
}

export async function userNames(db: Executor, ids: (number | null)[]): Promise<Map<number, { fullName: string; title: string | null }>> {
  const unique = [...new Set(ids.filter((id): id is number => id !== null).map(Number))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'full_name', 'title']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [Number(r.id), { fullName: r.full_name, title: r.title }]));
}

export async function grantAccess(db: Executor, documentId: number, userIds: number[], grantedBy: number | null, at: string): Promise<void> {
  for (const userId of new Set(userIds)) {
    await db
      .insertInto('document_access')
      .values({ document_id: documentId, user_id: userId, granted_by: grantedBy, granted_at: at })
      .onConflict((oc) => oc.columns(['document_id', 'user_id']).doNothing())
      .execute();
  }
}

export async function hasAccessGrant(db: Executor, documentId: number, userId: number): Promise<boolean> {
  const row = await db.selectFrom('document_access').select('user_id').where('document_id', '=', documentId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}
