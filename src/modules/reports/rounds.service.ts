import { sql } from 'kysely';
import { hasPermission, permittedUnits, subtreeIds } from '../../platform/auth/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { Permission } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { findDayNumber } from '../../platform/calendar/local-time.js';
import type { Db, Executor } from '../../platform/database/database.js';
import type { ReportRoundsTable } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Selectable } from 'kysely';
import { periodLabel } from './period-label.js';
import { AssignmentStatus, findRound, findTemplate, getTemplateDocument, insertEvent, TemplateStatus, unitRefs } from './reports.repository.js';
import type { CreateRoundBody, ReportRegime, RoundDetail, RoundList, RoundListQuery, RoundSummary } from './reports.schema.js';

type RoundRow = Selectable<ReportRoundsTable>;
export const RoundStatus = { Open: 'open', Closed: 'closed' } as const;

/** A round whose assigning unit the caller manages (report.manage), or 404. */
export async function getManagedRound(db: Executor, actor: Actor, id: number): Promise<RoundRow> {
  const round = await findRound(db, id);
  if (!round || !(await hasPermission(db, actor, Permission.ReportManage, Number(round.assigner_unit_id)))) throw new AppError('NOT_FOUND');
  return round;
}

async function summaries(db: Executor, rounds: RoundRow[]): Promise<RoundSummary[]> {
  if (rounds.length === 0) return [];
  const ids = rounds.map((r) => Number(r.id));
  const templates = await db.selectFrom('report_templates').select(['id', 'code', 'name', 'regime']).where('id', 'in', [...new Set(rounds.map((r) => Number(r.template_id)))]).execute();
  const byTemplate = new Map(templates.map((t) => [Number(t.id), t]));
  const counts = await db
    .selectFrom('report_assignments')
    .select(['round_id', 'status', sql<number>`count(*)`.as('n')])
    .where('round_id', 'in', ids)
    .groupBy(['round_id', 'status'])
    .execute();
  const units = await unitRefs(db, rounds.map((r) => Number(r.assigner_unit_id)));
  return rounds.map((round) => {
    const template = byTemplate.get(Number(round.template_id))!;
    const mine = counts.filter((c) => Number(c.round_id) === Number(round.id));
    return {
      id: Number(round.id),
      template: { id: Number(template.id), code: template.code, name: template.name, version: Number(round.template_version) },
      regime: template.regime as ReportRegime,
      assignerUnit: units.get(Number(round.assigner_unit_id))!,
      periodLabel: round.period_label,
      periodFrom: round.period_from,
      periodTo: round.period_to,
      dueDate: round.due_date,
      status: round.status,
      createdAt: round.created_at,
      counts: Object.fromEntries(mine.map((c) => [c.status, Number(c.n)])),
      total: mine.reduce((sum, c) => sum + Number(c.n), 0),
    };
  });
}

export async function listRounds(db: Db, actor: Actor, query: RoundListQuery): Promise<RoundList> {
  const scope = await permittedUnits(db, actor, Permission.ReportManage);
  if (!scope.all && scope.unitIds.length === 0) throw new AppError('FORBIDDEN');
  let select = db.selectFrom('report_rounds').selectAll();
  if (!scope.all) select = select.where('assigner_unit_id', 'in', scope.unitIds);
  if (query.status) select = select.where('status', '=', query.status);
  const rows = await select.orderBy('period_from', 'desc').orderBy('id', 'desc').limit(500).execute();
  return { items: await summaries(db, rows) };
}

export async function getRoundDetail(db: Executor, actor: Actor, id: number): Promise<RoundDetail> {
  const round = await getManagedRound(db, actor, id);
  const template = (await findTemplate(db, Number(round.template_id)))!;
  const assignments = await db.selectFrom('report_assignments').selectAll().where('round_id', '=', id).execute();
  const units = await unitRefs(db, assignments.map((a) => Number(a.unit_id)));
  return {
    round: (await summaries(db, [round]))[0]!,
    template: {
      id: Number(template.id),
      code: template.code,
      name: template.name,
      version: Number(round.template_version),
      document: await getTemplateDocument(db, Number(template.id), Number(round.template_version)),
    },
    assignments: assignments
      .map((a) => ({
        id: Number(a.id),
        unit: units.get(Number(a.unit_id))!,
        status: a.status as RoundDetail['assignments'][number]['status'],
        currentVersion: Number(a.current_version),
        submittedAt: a.submitted_at,
        reviewedAt: a.reviewed_at,
        reviewComment: a.review_comment,
      }))
      .sort((x, y) => x.unit.code.localeCompare(y.unit.code)),
  };
}

function checkPeriod(body: CreateRoundBody): void {
  const [from, to, due] = [findDayNumber(body.periodFrom), findDayNumber(body.periodTo), findDayNumber(body.dueDate)];
  const fail = (path: string, vi: string) => {
    throw new AppError('REPORT_PERIOD_INVALID', { reason: vi }, [{ path, message: vi }]);
  };
  if (from === undefined) fail('/periodFrom', 'ngày không tồn tại');
  if (to === undefined) fail('/periodTo', 'ngày không tồn tại');
  if (due === undefined) fail('/dueDate', 'ngày không tồn tại');
  if (to! < from!) fail('/periodTo', 'ngày kết thúc trước ngày bắt đầu');
  if (due! < from!) fail('/dueDate', 'hạn gửi trước ngày bắt đầu kỳ');
}

/**
 * Issues a template for a period to units of the assigning unit's tree (the template's owner unit). The round keeps
 * the template version it was issued with, so later edits of the template never change reports already owed.
 */
export async function createRound(db: Db, context: AuditContext, actor: Actor, body: CreateRoundBody): Promise<RoundDetail> {
  checkPeriod(body);
  return db.transaction().execute(async (tx) => {
    const template = await findTemplate(tx, body.templateId);
    if (!template || !(await hasPermission(tx, actor, Permission.ReportManage, Number(template.owner_unit_id)))) throw new AppError('NOT_FOUND');
    if (template.status !== TemplateStatus.Active) throw new AppError('REPORT_TEMPLATE_RETIRED');
    const assignerUnitId = Number(template.owner_unit_id);
    const tree = new Set(await subtreeIds(tx, [assignerUnitId]));
    const active = await tx.selectFrom('units').select('id').where('id', 'in', body.unitIds).where('status', '=', 'active').execute();
    const activeIds = new Set(active.map((u) => Number(u.id)));
    body.unitIds.forEach((unitId, i) => {
      if (!tree.has(unitId) || !activeIds.has(unitId)) {
        throw new AppError('REPORT_UNIT_OUT_OF_SCOPE', { unitId }, [{ path: `/unitIds/${i}`, message: `Đơn vị ${unitId} không thuộc phạm vi (out of scope).` }]);
      }
    });
    const at = new Date().toISOString();
    const label = body.periodLabel?.trim() || periodLabel(template.regime as ReportRegime, body.periodFrom, body.periodTo);
    const round = await tx
      .insertInto('report_rounds')
      .values({
        template_id: Number(template.id),
        template_version: Number(template.current_version),
        assigner_unit_id: assignerUnitId,
        period_label: label,
        period_from: body.periodFrom,
        period_to: body.periodTo,
        due_date: body.dueDate,
        status: RoundStatus.Open,
        created_at: at,
        created_by: actor.userId,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const roundId = Number(round.id);
    for (const unitId of body.unitIds) {
      const assignment = await tx
        .insertInto('report_assignments')
        .values({ round_id: roundId, unit_id: unitId, status: AssignmentStatus.Pending, current_version: 0, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertEvent(tx, { roundId, assignmentId: Number(assignment.id), action: 'assigned', actorId: actor.userId, actorName: actor.fullName, details: { dueDate: body.dueDate } });
    }
    await recordAudit(tx, context, {
      action: 'report_round.create',
      entityType: 'report_round',
      entityId: roundId,
      unitId: assignerUnitId,
      summary: { templateId: Number(template.id), version: Number(template.current_version), period: label, dueDate: body.dueDate, units: body.unitIds },
    });
    return getRoundDetail(tx, actor, roundId);
  });
}
