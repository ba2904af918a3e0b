import { hasPermission, permittedUnits } from '../../../platform/auth/access.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { Permission } from '../../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Db, Executor } from '../../../platform/database/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Language } from '../../../platform/i18n/language.js';
import { visibleCondition } from '../document-access.js';
import { isConfidential } from '../document-vocabulary.js';
import { unitsById } from '../documents.repository.js';
import { summaryContext, toSummary } from '../present-document.js';
import { documentCounts, documentsOfWorkFile, findWorkFile, toWorkFile, WorkFileStatus, type WorkFileRow } from './work-files.repository.js';
import type { NewWorkFileBody, WorkFile, WorkFileDetail, WorkFileList, WorkFileQuery } from './work-files.schema.js';

/** Hồ sơ công việc are kept by the unit's clerks and readers (Decree 30/2020 art. 28: each handler files their work). */
async function mayUseWorkFiles(db: Executor, actor: Actor, unitId: number): Promise<boolean> {
  return (await hasPermission(db, actor, Permission.DocumentRegister, unitId)) || (await hasPermission(db, actor, Permission.DocumentRead, unitId));
}

/** A work file the caller may use, or 404 (deny by default; the caller does not learn it exists). */
export async function getUsableWorkFile(db: Executor, actor: Actor, id: number): Promise<WorkFileRow> {
  const row = await findWorkFile(db, id);
  if (!row || !(await mayUseWorkFiles(db, actor, Number(row.unit_id)))) throw new AppError('NOT_FOUND');
  return row;
}

async function present(db: Executor, rows: WorkFileRow[]): Promise<WorkFile[]> {
  const units = await unitsById(db, rows.map((r) => Number(r.unit_id)));
  const counts = await documentCounts(db, rows.map((r) => Number(r.id)));
  return rows.map((row) => toWorkFile(row, units.get(Number(row.unit_id))?.name ?? '', counts.get(Number(row.id)) ?? 0));
}

export async function listWorkFiles(db: Db, actor: Actor, query: WorkFileQuery): Promise<WorkFileList> {
  const [read, register] = await Promise.all([permittedUnits(db, actor, Permission.DocumentRead), permittedUnits(db, actor, Permission.DocumentRegister)]);
  const all = read.all || register.all;
  const unitIds = [...new Set([...read.unitIds, ...register.unitIds])];
  if (!all && unitIds.length === 0) return { items: [] };
  if (query.unitId !== undefined && !all && !unitIds.includes(query.unitId)) return { items: [] };
  let select = db.selectFrom('work_files').selectAll();
  if (!all) select = select.where('unit_id', 'in', unitIds);
  if (query.unitId !== undefined) select = select.where('unit_id', '=', query.unitId);
  if (query.year !== undefined) select = select.where('year', '=', query.year);
  const rows = await select.orderBy('year', 'desc').orderBy('notation').limit(1000).execute();
  return { items: await present(db, rows) };
}

export async function createWorkFile(db: Db, context: AuditContext, actor: Actor, body: NewWorkFileBody, language: Language): Promise<WorkFile> {
  if (!(await mayUseWorkFiles(db, actor, body.unitId))) throw new AppError('FORBIDDEN');
  // Thời hạn bảo quản: a number of years, or permanently — one of the two (Circular 10/2022 retention lists).
  if ((body.permanent === true) === (body.retentionYears !== undefined)) {
    const message = { vi: 'Chọn thời hạn bảo quản (số năm) hoặc bảo quản vĩnh viễn, một trong hai.', en: 'Give a retention period in years or permanent, one of the two.' };
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/retentionYears', message: message[language] }]);
  }
  const notation = body.notation.trim();
  return db.transaction().execute(async (tx) => {
    const taken = await tx.selectFrom('work_files').select('id').where('unit_id', '=', body.unitId).where('year', '=', body.year).where('notation', '=', notation).executeTakeFirst();
    if (taken) throw new AppError('WORK_FILE_EXISTS', { notation, year: body.year });
    const at = new Date().toISOString();
    const row = await tx
      .insertInto('work_files')
      .values({ unit_id: body.unitId, year: body.year, notation, title: body.title.trim(), retention_years: body.permanent ? null : body.retentionYears!, status: WorkFileStatus.Open, owner_id: actor.userId, created_at: at, updated_at: at, closed_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, context, { action: 'work_file.create', entityType: 'work_file', entityId: Number(row.id), unitId: body.unitId, summary: { notation, year: body.year, retentionYears: row.retention_years } });
    return (await present(tx, [row]))[0];
  });
}

export async function closeWorkFile(db: Db, context: AuditContext, actor: Actor, id: number): Promise<WorkFile> {
  return db.transaction().execute(async (tx) => {
    const row = await getUsableWorkFile(tx, actor, id);
    if (row.status !== WorkFileStatus.Open) throw new AppError('WORK_FILE_CLOSED');
    const at = new Date().toISOString();
    const updated = await tx.updateTable('work_files').set({ status: WorkFileStatus.Closed, closed_at: at, updated_at: at }).where('id', '=', id).where('status', '=', WorkFileStatus.Open).returningAll().executeTakeFirst();
    if (!updated) throw new AppError('WORK_FILE_CLOSED');
    await recordAudit(tx, context, { action: 'work_file.close', entityType: 'work_file', entityId: id, unitId: Number(row.unit_id) });
    return (await present(tx, [updated]))[0];
  });
}

/** The file and the documents in it the caller may read (a confidential one only with a grant), in time order. */
export async function getWorkFile(db: Db, context: AuditContext, actor: Actor, id: number, language: Language): Promise<WorkFileDetail> {
  const row = await getUsableWorkFile(db, actor, id);
  const documents = await readableDocumentsOf(db, actor, id);
  const confidentialIds = documents.filter((d) => isConfidential(d.confidentiality)).map((d) => Number(d.id));
  if (confidentialIds.length > 0) {
    await db.transaction().execute((tx) =>
      recordAudit(tx, context, { action: 'document.read', entityType: 'work_file', entityId: id, unitId: Number(row.unit_id), summary: { via: 'work_file', documentIds: confidentialIds } }),
    );
  }
  const summaries = await summaryContext(db, documents, actor.userId, language);
  return { ...(await present(db, [row]))[0], documents: documents.map((d) => toSummary(d, summaries)) };
}

export async function readableDocumentsOf(db: Db, actor: Actor, workFileId: number) {
  const visible = await visibleCondition(db, actor);
  const readable = new Set(
    (await db.selectFrom('documents').select('id').where('work_file_id', '=', workFileId).where((eb) => visible(eb)).execute()).map((r) => Number(r.id)),
  );
  return (await documentsOfWorkFile(db, workFileId)).filter((d) => readable.has(Number(d.id)));
}
