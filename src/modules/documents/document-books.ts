import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { permittedUnits, requirePermission } from '../../platform/auth/access.js';
import { Permission } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { localDateOf, VIETNAM_TIME_ZONE } from '../../platform/calendar/local-time.js';
import type { Db, Executor } from '../../platform/database/database.js';
import type { DocumentBookRow } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { BookKindCode } from './document-status.js';
import type { Book, BookQuery, NewBookBody } from './documents.schema.js';

/** The local (Asia/Ho_Chi_Minh) year of an instant: books and numbers restart on 1 January, Viet Nam time. */
export function localYear(at: Date): number {
  return Number(localDateOf(at, VIETNAM_TIME_ZONE).slice(0, 4));
}

const KIND_NAMES: Record<BookKindCode, string> = { incoming: 'đến', outgoing: 'đi', internal: 'nội bộ' };

/** "Sổ văn bản đến năm 2026", "Sổ văn bản mật đi năm 2026" (Decree 30/2020 appendix IV). */
export function defaultBookName(kind: BookKindCode, confidential: boolean, year: number): string {
  return `Sổ văn bản ${confidential ? 'mật ' : ''}${KIND_NAMES[kind]} năm ${year}`;
}

/**
 * The unit's default book for the kind and year, created on first need. Two actions creating it at once both end up
 * with the same row: the unique constraint turns the second insert into nothing.
 */
export async function findOrCreateBook(tx: Executor, unitId: number, kind: BookKindCode, confidential: boolean, year: number, createdBy: number | null): Promise<DocumentBookRow> {
  const name = defaultBookName(kind, confidential, year);
  const find = () =>
    tx.selectFrom('document_books').selectAll().where('unit_id', '=', unitId).where('year', '=', year).where('kind', '=', kind).where('confidential', '=', confidential ? 1 : 0).where('name', '=', name).executeTakeFirst();
  const existing = await find();
  if (existing) return existing;
  await tx
    .insertInto('document_books')
    .values({ unit_id: unitId, year, kind, confidential: confidential ? 1 : 0, name, created_by: createdBy, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(['unit_id', 'year', 'kind', 'confidential', 'name']).doNothing())
    .execute();
  return (await find())!;
}

/**
 * Takes the book's next number inside the action's transaction: the row lock (PostgreSQL) or the write lock (SQLite)
 * held until commit makes numbers distinct and gap-free — a rolled-back action gives its number back.
 */
export async function takeNumber(tx: Executor, bookId: number): Promise<number> {
  const row = await tx
    .updateTable('document_books')
    .set({ last_number: sql`last_number + 1` })
    .where('id', '=', bookId)
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

export function toBook(row: DocumentBookRow): Book {
  return {
    id: Number(row.id),
    unitId: Number(row.unit_id),
    year: Number(row.year),
    kind: row.kind,
    confidential: Number(row.confidential) === 1,
    name: row.name,
    lastNumber: Number(row.last_number),
    status: row.status,
  };
}

/** Books of the units whose documents the caller reads (the default books of the year appear once used). */
export async function listBooks(db: Db, actor: Actor, query: BookQuery): Promise<{ items: Book[] }> {
  const scope = await permittedUnits(db, actor, Permission.DocumentRead);
  if (!scope.all && scope.unitIds.length === 0) return { items: [] };
  let q = db.selectFrom('document_books').selectAll();
  if (!scope.all) q = q.where('unit_id', 'in', scope.unitIds);
  if (query.unitId !== undefined) q = q.where('unit_id', '=', query.unitId);
  if (query.year !== undefined) q = q.where('year', '=', query.year);
  const rows = await q.orderBy('unit_id').orderBy('year', 'desc').orderBy('kind').orderBy('id').execute();
  return { items: rows.map(toBook) };
}

/** An extra book (e.g. a separate book for Giấy mời); the clerk of the unit opens it. */
export async function createBook(db: Db, context: AuditContext, actor: Actor, body: NewBookBody): Promise<Book> {
  await requirePermission(db, actor, Permission.DocumentRegister, body.unitId);
  return db.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom('document_books')
      .select('id')
      .where('unit_id', '=', body.unitId)
      .where('year', '=', body.year)
      .where('kind', '=', body.kind)
      .where('confidential', '=', body.confidential ? 1 : 0)
      .where('name', '=', body.name)
      .executeTakeFirst();
    if (taken) throw new AppError('DOCUMENT_BOOK_EXISTS', { name: body.name });
    const row = await tx
      .insertInto('document_books')
      .values({ unit_id: body.unitId, year: body.year, kind: body.kind, confidential: body.confidential ? 1 : 0, name: body.name, created_by: actor.userId, created_at: new Date().toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, context, { action: 'document_book.create', entityType: 'document_book', entityId: Number(row.id), unitId: body.unitId, summary: { kind: body.kind, year: body.year, name: body.name } });
    return toBook(row);
  });
}

/** A book chosen by the clerk for an action: it must be the unit's, of the year and kind, and open. */
export async function getChosenBook(tx: Executor, bookId: number, unitId: number, kind: BookKindCode, confidential: boolean, year: number): Promise<DocumentBookRow> {
  const row = await tx.selectFrom('document_books').selectAll().where('id', '=', bookId).executeTakeFirst();
  if (!row || Number(row.unit_id) !== unitId || row.kind !== kind || Number(row.confidential) !== (confidential ? 1 : 0) || Number(row.year) !== year || row.status !== 'open') {
    throw new AppError('DOCUMENT_BOOK_UNSUITABLE');
  }
  return row;
}

