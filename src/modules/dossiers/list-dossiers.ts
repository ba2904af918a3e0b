import type { Expression, SqlBool } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { subtreeIds } from '../../platform/auth/access.js';
import type { Db } from '../../platform/database/database.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { fill, type Language } from '../../platform/i18n/language.js';
import { AppError } from '../../platform/errors/app-error.js';
import { escapeLike, foldVietnamese } from '../../platform/text/fold.js';
import { getWorkingCalendar } from '../calendar/unit-calendar.js';
import { readableUnits, unitsByRole } from './dossier-access.js';
import { CLOCK_RUNNING_STATUSES, DOSSIER_STATUSES, type DossierStatusCode } from './dossier-status.js';
import type { DossierList, DossierListQuery } from './dossiers.schema.js';
import { findUnitByCode, getProcedureDocument, unitsById } from './dossiers.repository.js';
import { openTimeliness, toSummary } from './present-dossier.js';
import { findStep } from './workflow.js';

/** Statuses in which someone at the agency has something to do (worklist "Cần xử lý"). */
const ACTIONABLE: DossierStatusCode[] = ['submitted', 'received', 'processing', 'result_ready'];
/** "Sắp đến hạn": due within this many working days (issue 3). */
const DUE_SOON_WORKING_DAYS = 2;

/**
 * "Hồ sơ của tôi" for a citizen; for an official the dossiers their units receive, handle or act on, with the
 * worklist filters of the one-stop office. Deny by default: an official without dossier rights sees nothing.
 */
export async function listDossiers(db: Db, context: AuditContext, actor: Actor, query: DossierListQuery, language: Language): Promise<DossierList> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const now = new Date();
  const calendar = await getWorkingCalendar(db, actor.unitId ?? (await rootUnitId(db)));
  const soonBefore = calendar.addWorkingDays(now, DUE_SOON_WORKING_DAYS);
  const statuses = parseStatuses(query.status, language);
  const unitFilter = query.unit === undefined ? undefined : await unitSubtree(db, query.unit);
  const scope = actor.kind === 'citizen' ? undefined : await readableUnits(db, actor);
  const byRole = query.view === 'actionable' ? await unitsByRole(db, actor) : undefined;

  let base = db.selectFrom('dossiers').where((eb) => {
    const conditions: Expression<SqlBool>[] = [];
    if (actor.kind === 'citizen') conditions.push(eb('owner_user_id', '=', actor.userId));
    else if (scope && !scope.all) {
      const ids = scope.unitIds.length > 0 ? scope.unitIds : [-1];
      conditions.push(eb.or([eb('unit_id', 'in', ids), eb('receiving_unit_id', 'in', ids), eb('current_unit_id', 'in', ids)]));
    }
    if (byRole) {
      const pairs = [...byRole.entries()].map(([role, ids]) => eb.and([eb('current_role', '=', role), eb('current_unit_id', 'in', ids.length > 0 ? ids : [-1])]));
      conditions.push(eb('status', 'in', ACTIONABLE));
      conditions.push(pairs.length > 0 ? eb.or(pairs) : eb.val(false));
    }
    if (statuses) conditions.push(eb('status', 'in', statuses));
    if (query.due === 'overdue') conditions.push(eb.and([eb('status', 'in', CLOCK_RUNNING_STATUSES), eb('due_at', '<', now.toISOString())]));
    if (query.due === 'soon') {
      conditions.push(eb.and([eb('status', 'in', CLOCK_RUNNING_STATUSES), eb('due_at', '>=', now.toISOString()), eb('due_at', '<=', soonBefore.toISOString())]));
    }
    if (unitFilter) conditions.push(eb.or([eb('unit_id', 'in', unitFilter), eb('receiving_unit_id', 'in', unitFilter)]));
    const q = foldVietnamese(query.q ?? '');
    if (q) conditions.push(eb('search_text', 'like', `%${escapeLike(q)}%`));
    return eb.and(conditions);
  });
  if (actor.kind === 'citizen') base = base.where('owner_user_id', 'is not', null);

  const totalRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ordered = query.due ? base.orderBy('due_at', 'asc') : base.orderBy('submitted_at', 'desc');
  // pageSize 0 counts only (worklist tab badges): no names leave the server, so there is no read to audit.
  const rows = pageSize === 0 ? [] : await ordered.selectAll().orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  const units = await unitsById(db, rows.map((r) => r.unit_id));
  const items: DossierList['items'] = [];
  for (const row of rows) {
    const document = await getProcedureDocument(db, db, row.procedure_code, Number(row.procedure_version));
    items.push(toSummary(row, units, findStep(document, row.current_step)?.name ?? null, openTimeliness(row, now, soonBefore)));
  }
  // Officials see applicants' names in their worklists: that read of personal data is audited (style guide).
  if (actor.kind !== 'citizen' && items.length > 0) {
    await db.transaction().execute((tx) =>
      recordAudit(tx, context, { action: 'dossier.list', entityType: 'dossier', summary: { codes: items.map((i) => i.code) } }),
    );
  }
  return { items, total: Number(totalRow.n) };
}

const UNKNOWN_STATUS = { vi: 'Trạng thái không hợp lệ: {statuses}.', en: 'Unknown status: {statuses}.' } as const;

function parseStatuses(value: string | undefined, language: Language): DossierStatusCode[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',');
  const unknown = list.filter((s) => !DOSSIER_STATUSES.includes(s as DossierStatusCode));
  if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/query/status', message: fill(UNKNOWN_STATUS[language], { statuses: unknown.join(', ') }) }]);
  return list as DossierStatusCode[];
}

async function unitSubtree(db: Db, code: string): Promise<number[]> {
  const unit = await findUnitByCode(db, code);
  return unit ? subtreeIds(db, [unit.id]) : [-1];
}

async function rootUnitId(db: Db): Promise<number> {
  const root = await db.selectFrom('units').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
  if (!root) throw new AppError('NOT_FOUND');
  return Number(root.id);
}
