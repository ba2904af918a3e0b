import { sql } from 'kysely';
import type { Executor } from '../../../platform/database/database.js';
import type { DocumentRow } from '../../../platform/database/schema.js';
import type { Selectable } from 'kysely';
import type { WorkFilesTable } from '../../../platform/database/schema.js';
import type { WorkFile } from './work-files.schema.js';

export type WorkFileRow = Selectable<WorkFilesTable>;

export const WorkFileStatus = { Open: 'open', Closed: 'closed' } as const;

export async function findWorkFile(db: Executor, id: number): Promise<WorkFileRow | undefined> {
  return db.selectFrom('work_files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Time order of a file's documents: issued date, else arrival, else creation; then the order they were filed in. */
export async function documentsOfWorkFile(db: Executor, workFileId: number): Promise<DocumentRow[]> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('work_file_id', '=', workFileId)
    .orderBy(sql`coalesce(issued_date, substr(arrival_date, 1, 10), substr(created_at, 1, 10))`)
    .orderBy('doc_ordinal')
    .orderBy('id')
    .execute();
}

export async function documentCounts(db: Executor, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('documents')
    .select(['work_file_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('work_file_id', 'in', ids)
    .groupBy('work_file_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.work_file_id), Number(r.n)]));
}

export function toWorkFile(row: WorkFileRow, unitName: string, documentCount: number): WorkFile {
  return {
    id: Number(row.id),
    unitId: Number(row.unit_id),
    unitName,
    year: Number(row.year),
    notation: row.notation,
    title: row.title,
    retentionYears: row.retention_years === null ? null : Number(row.retention_years),
    permanent: row.retention_years === null,
    status: row.status as WorkFile['status'],
    documentCount,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}
