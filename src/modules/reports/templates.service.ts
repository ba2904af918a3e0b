import { sql } from 'kysely';
import { hasPermission, permittedUnits } from '../../platform/auth/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { Permission } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { escapeLike, foldVietnamese } from '../../platform/text/fold.js';
import { highestManagedUnit } from './report-access.js';
import { findTemplate, getTemplateDocument, getUnitRef, TemplateStatus, unitRefs, userNames } from './reports.repository.js';
import type { CreateTemplateBody, ReportRegime, TemplateDetail, TemplateList, TemplateListQuery, UpdateTemplateBody } from './reports.schema.js';
import { validateTemplateDocument } from './validate-template.js';

const searchText = (code: string, name: string) => foldVietnamese(`${code} ${name}`);

/** A template the caller manages (report.manage on its owner unit), or 404. */
async function getManagedTemplate(db: Executor, actor: Actor, id: number) {
  const row = await findTemplate(db, id);
  if (!row || !(await hasPermission(db, actor, Permission.ReportManage, Number(row.owner_unit_id)))) throw new AppError('NOT_FOUND');
  return row;
}

export async function getTemplateDetail(db: Executor, actor: Actor, id: number): Promise<TemplateDetail> {
  const row = await getManagedTemplate(db, actor, id);
  const versions = await db.selectFrom('report_template_versions').select(['version', 'created_at', 'created_by']).where('template_id', '=', id).orderBy('version', 'desc').execute();
  const names = await userNames(db, versions.map((v) => v.created_by));
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name,
    regime: row.regime as ReportRegime,
    status: row.status as TemplateDetail['status'],
    version: Number(row.current_version),
    ownerUnit: await getUnitRef(db, Number(row.owner_unit_id)),
    document: await getTemplateDocument(db, id, Number(row.current_version)),
    versions: versions.map((v) => ({ version: Number(v.version), createdAt: v.created_at, createdBy: v.created_by === null ? null : (names.get(Number(v.created_by)) ?? null) })),
  };
}

export async function listTemplates(db: Db, actor: Actor, query: TemplateListQuery): Promise<TemplateList> {
  const scope = await permittedUnits(db, actor, Permission.ReportManage);
  if (!scope.all && scope.unitIds.length === 0) throw new AppError('FORBIDDEN');
  let select = db.selectFrom('report_templates').selectAll();
  if (!scope.all) select = select.where('owner_unit_id', 'in', scope.unitIds);
  if (query.status) select = select.where('status', '=', query.status);
  if (query.q?.trim()) {
    const pattern = `%${escapeLike(foldVietnamese(query.q))}%`;
    select = select.where(sql<boolean>`search_text like ${pattern} escape '\\'`);
  }
  const rows = await select.orderBy('code').limit(500).execute();
  const units = await unitRefs(db, rows.map((r) => Number(r.owner_unit_id)));
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      code: r.code,
      name: r.name,
      regime: r.regime as ReportRegime,
      status: r.status as TemplateDetail['status'],
      version: Number(r.current_version),
      ownerUnit: units.get(Number(r.owner_unit_id))!,
      updatedAt: r.updated_at,
    })),
  };
}

export async function createTemplate(db: Db, context: AuditContext, actor: Actor, body: CreateTemplateBody): Promise<TemplateDetail> {
  const ownerUnitId = body.ownerUnitId ?? (await highestManagedUnit(db, actor));
  if (ownerUnitId === undefined || !(await hasPermission(db, actor, Permission.ReportManage, ownerUnitId))) throw new AppError('FORBIDDEN');
  const document = validateTemplateDocument(body.document);
  const code = body.code.trim();
  return db.transaction().execute(async (tx) => {
    const taken = await tx.selectFrom('report_templates').select('id').where('code', '=', code).executeTakeFirst();
    if (taken) throw new AppError('REPORT_TEMPLATE_EXISTS', { code });
    const at = new Date().toISOString();
    const row = await tx
      .insertInto('report_templates')
      .values({ code, name: body.name.trim(), regime: body.regime, owner_unit_id: ownerUnitId, current_version: 1, status: TemplateStatus.Active, search_text: searchText(code, body.name), created_at: at, created_by: actor.userId, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await tx.insertInto('report_template_versions').values({ template_id: id, version: 1, document: JSON.stringify(document), created_at: at, created_by: actor.userId }).execute();
    await recordAudit(tx, context, { action: 'report_template.create', entityType: 'report_template', entityId: id, unitId: ownerUnitId, summary: { code, regime: body.regime, rows: document.rows.length } });
    return getTemplateDetail(tx, actor, id);
  });
}

/** Each save is a new version; rounds already issued keep the version they were issued with. */
export async function updateTemplate(db: Db, context: AuditContext, actor: Actor, id: number, body: UpdateTemplateBody): Promise<TemplateDetail> {
  const document = validateTemplateDocument(body.document);
  return db.transaction().execute(async (tx) => {
    const row = await getManagedTemplate(tx, actor, id);
    if (row.status === TemplateStatus.Retired) throw new AppError('REPORT_TEMPLATE_RETIRED');
    if (Number(row.current_version) !== body.expectedVersion) throw new AppError('REPORT_CHANGED');
    const version = body.expectedVersion + 1;
    const at = new Date().toISOString();
    const updated = await tx
      .updateTable('report_templates')
      .set({ name: body.name.trim(), regime: body.regime, current_version: version, search_text: searchText(row.code, body.name), updated_at: at })
      .where('id', '=', id)
      .where('current_version', '=', body.expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('REPORT_CHANGED');
    await tx.insertInto('report_template_versions').values({ template_id: id, version, document: JSON.stringify(document), created_at: at, created_by: actor.userId }).execute();
    await recordAudit(tx, context, { action: 'report_template.update', entityType: 'report_template', entityId: id, unitId: Number(row.owner_unit_id), summary: { version } });
    return getTemplateDetail(tx, actor, id);
  });
}

/** A retired template issues no new rounds; its past rounds and reports stay as they are. */
export async function retireTemplate(db: Db, context: AuditContext, actor: Actor, id: number): Promise<TemplateDetail> {
  return db.transaction().execute(async (tx) => {
    const row = await getManagedTemplate(tx, actor, id);
    if (row.status === TemplateStatus.Retired) throw new AppError('REPORT_TEMPLATE_RETIRED');
    await tx.updateTable('report_templates').set({ status: TemplateStatus.Retired, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
    await recordAudit(tx, context, { action: 'report_template.retire', entityType: 'report_template', entityId: id, unitId: Number(row.owner_unit_id) });
    return getTemplateDetail(tx, actor, id);
  });
}
