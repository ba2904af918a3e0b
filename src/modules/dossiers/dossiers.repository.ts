import type { Db, Executor } from '../../platform/database/database.js';
import type { DossierEventRow, DossierRow, DossierUpdate } from '../../platform/database/schema.js';
import type { Insertable } from 'kysely';
import type { DossierEventsTable, DossiersTable } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findVersion } from '../procedures/procedures.repository.js';
import type { ProcedureDocument } from '../procedures/procedures.schema.js';
import { refreshDossierIndexFacts } from '../service-index/index-facts.js';

export async function findDossier(db: Executor, code: string): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertDossier(tx: Executor, row: Insertable<DossiersTable>): Promise<number> {
  const inserted = await tx.insertInto('dossiers').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/**
 * Applies a state change if nobody changed the dossier since it was read (its last event is still `expectedSeq`);
 * otherwise throws DOSSIER_CHANGED so the caller reloads instead of overwriting a concurrent action.
 */
export async function updateDossier(tx: Executor, id: number, expectedSeq: number, changes: DossierUpdate): Promise<void> {
  const result = await tx
    .updateTable('dossiers')
    .set({ ...changes, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('last_seq', '=', expectedSeq)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('DOSSIER_CHANGED');
}

export async function insertEvent(tx: Executor, event: Insertable<DossierEventsTable>): Promise<void> {
  await tx.insertInto('dossier_events').values(event).execute();
  // Every event (payment and rating included) keeps the service index in step, in the event's transaction (issue 6).
  await refreshDossierIndexFacts(tx, Number(event.dossier_id));
}

export async function listEvents(db: Executor, dossierId: number): Promise<DossierEventRow[]> {
  return db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
}

export async function listComponents(db: Executor, dossierId: number) {
  return db
    .selectFrom('dossier_components')
    .leftJoin('files', 'files.id', 'dossier_components.file_id')
    .select([
      'dossier_components.requirement_code',
      'dossier_components.requirement_name',
      'dossier_components.file_id',
      'dossier_components.source',
      'dossier_components.digitised',
      'dossier_components.event_seq',
      'files.original_name',
      'files.media_type',
    ])
    .where('dossier_components.dossier_id', '=', dossierId)
    .orderBy('dossier_components.id')
    .execute();
}

export async function findRating(db: Executor, dossierId: number) {
  return db.selectFrom('dossier_ratings').selectAll().where('dossier_id', '=', dossierId).executeTakeFirst();
}

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export async function unitsById(db: Executor, ids: number[]): Promise<Map<number, UnitRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'code', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), code: r.code, name: r.name }]));
}

export async function findUnitByCode(db: Executor, code: string): Promise<(UnitRef & { type: string; parentId: number | null; status: string }) | undefined> {
  const row = await db.selectFrom('units').select(['id', 'code', 'name', 'type', 'parent_id', 'status']).where('code', '=', code).executeTakeFirst();
  return row && { id: Number(row.id), code: row.code, name: row.name, type: row.type, parentId: row.parent_id === null ? null : Number(row.parent_id), status: row.status };
}

// A procedure version never changes once saved (procedures module), so its document is cached per database for
// the life of the process. `executor` reads it (the open transaction, when there is one: SQLite has one connection).
const documents = new WeakMap<Db, Map<string, ProcedureDocument>>();

export async function getProcedureDocument(db: Db, executor: Executor, code: string, version: number): Promise<ProcedureDocument> {
  let cache = documents.get(db);
  if (!cache) documents.set(db, (cache = new Map()));
  const key = `${code}@${version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const stored = await findVersion(executor, code, version);
  if (!stored) throw new AppError('NOT_FOUND');
  cache.set(key, stored.document);
  return stored.document;
}
