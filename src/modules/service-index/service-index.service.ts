import type { Actor } from '../../platform/auth/actor.js';
import { hasPermission, permittedUnits, requirePermission } from '../../platform/auth/access.js';
import { Permission } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import { computeServiceIndex } from './compute-service-index.js';
import { getCurrentConfig } from './config-store.js';
import { explainIndicator, type ExplainResult } from './explain-indicator.js';
import { periodOf } from './months.js';
import { configProblems, type ServiceIndexConfig } from './service-index.config.js';
import type { ServiceIndexQuery, UpdateConfigBody } from './service-index.schema.js';
import { UnitsTree } from './units-tree.js';

const DEFAULT_PAGE_SIZE = 50;

function unitOf(tree: UnitsTree, unitId: number | undefined) {
  const unit = unitId === undefined ? tree.roots()[0] : tree.find(unitId);
  if (!unit) throw new AppError('INDEX_UNIT_NOT_FOUND', { unit: unitId ?? '' });
  return unit;
}

/**
 * The public index of a unit (scores carry no personal data: issue 6, like the national portal) with its direct
 * children, or — with `explain` — the records behind one indicator, for a signed-in holder of report.view there.
 */
export async function queryServiceIndex(db: Db, actor: Actor | null, query: ServiceIndexQuery, lang: Language) {
  const period = periodOf(query.from, query.to);
  const tree = await UnitsTree.load(db);
  const unit = unitOf(tree, query.unit);
  if (query.explain !== undefined) {
    if (!actor) throw new AppError('UNAUTHENTICATED');
    await requirePermission(db, actor, Permission.ReportView, unit.id);
    const result: ExplainResult = await explainIndicator(db, tree, {
      unitId: unit.id,
      fromMonth: period.fromMonth,
      toMonth: period.toMonth,
      indicatorCode: query.explain,
      procedureCode: query.procedure,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
      lang,
    });
    return result;
  }
  const children = tree.childrenOf(unit.id);
  const { configVersion, results } = await computeServiceIndex(db, { unitIds: [unit.id, ...children.map((c) => c.id)], from: period.from, to: period.to, procedureCode: query.procedure, lang });
  const [own, ...rest] = results;
  return {
    unit: own.unit,
    from: period.from,
    to: period.to,
    configVersion,
    score: own.score,
    groups: own.groups,
    children: rest.map((r) => ({ unit: r.unit, score: r.score })),
  };
}

async function requireViewSomewhere(db: Db, actor: Actor): Promise<void> {
  const scope = await permittedUnits(db, actor, Permission.ReportView);
  if (!scope.all && scope.unitIds.length === 0) throw new AppError('FORBIDDEN');
}

export async function getConfig(db: Db, actor: Actor) {
  await requireViewSomewhere(db, actor);
  const current = await getCurrentConfig(db);
  return { version: current.version, document: current.document, note: current.note, createdAt: current.createdAt };
}

export async function listConfigVersions(db: Db, actor: Actor) {
  await requireViewSomewhere(db, actor);
  const rows = await db
    .selectFrom('service_index_configs')
    .leftJoin('users', 'users.id', 'service_index_configs.created_by')
    .select(['service_index_configs.version', 'service_index_configs.note', 'service_index_configs.created_at', 'users.full_name'])
    .orderBy('service_index_configs.version', 'desc')
    .execute();
  return { items: rows.map((r) => ({ version: Number(r.version), note: r.note, createdAt: r.created_at, createdBy: r.full_name ?? null })) };
}

/**
 * A new configuration version (weights, thresholds, formulas are the province's decision): only a holder of
 * report.manage over the whole province; past versions stay as they were, audited in the same transaction.
 */
export async function updateConfig(db: Db, context: AuditContext, actor: Actor, body: UpdateConfigBody) {
  if (!(await hasPermission(db, actor, Permission.ReportManage, null))) throw new AppError('FORBIDDEN');
  const problems = configProblems(body.document);
  if (problems.length > 0) throw new AppError('INDEX_CONFIG_INVALID', {}, problems);
  return db.transaction().execute(async (tx) => {
    const current = await getCurrentConfig(tx);
    const version = current.version + 1;
    const document: ServiceIndexConfig = { ...body.document, version };
    const createdAt = new Date().toISOString();
    const note = body.note?.trim() || null;
    await tx.insertInto('service_index_configs').values({ version, document: JSON.stringify(document), note, created_at: createdAt, created_by: actor.userId }).execute();
    await recordAudit(tx, context, {
      action: 'service_index.config.update',
      entityType: 'service_index_config',
      entityId: String(version),
      summary: { version, previous: current.version, groups: document.groups.length, indicators: document.indicators.length, note },
    });
    return { version, document, note, createdAt };
  });
}
