import { permittedUnits } from '../../platform/auth/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { Permission } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import { normalizeReportData, submissionProblems } from './check-report-data.js';
import { getVisibleAssignment } from './report-access.js';
import { computeFormulas } from './report-formulas.js';
import { assignmentLink, notifyHolders } from './report-notices.js';
import { computeAutofill } from './report-sources.js';
import { AssignmentStatus, EDITABLE_STATUSES, findSubmission, findTemplate, getTemplateDocument, insertEvent, SubmissionKind, unitRefs, userNames } from './reports.repository.js';
import type { AssignmentDetail, AssignmentList, AssignmentListQuery, AssignmentStatus as Status, AssignmentVersion, ReportData, ReviewAssignmentBody, SaveAssignmentBody, SubmitAssignmentBody } from './reports.schema.js';

export async function listAssignments(db: Db, actor: Actor, query: AssignmentListQuery): Promise<AssignmentList> {
  const scope = await permittedUnits(db, actor, Permission.ReportSubmit);
  if (!scope.all && scope.unitIds.length === 0) throw new AppError('FORBIDDEN');
  let select = db
    .selectFrom('report_assignments')
    .innerJoin('report_rounds', 'report_rounds.id', 'report_assignments.round_id')
    .innerJoin('report_templates', 'report_templates.id', 'report_rounds.template_id')
    .select([
      'report_assignments.id',
      'report_assignments.status',
      'report_assignments.unit_id',
      'report_assignments.current_version',
      'report_assignments.submitted_at',
      'report_assignments.updated_at',
      'report_rounds.id as round_id',
      'report_rounds.period_label',
      'report_rounds.period_from',
      'report_rounds.period_to',
      'report_rounds.due_date',
      'report_rounds.template_version',
      'report_templates.id as template_id',
      'report_templates.code as template_code',
      'report_templates.name as template_name',
    ]);
  if (!scope.all) select = select.where('report_assignments.unit_id', 'in', scope.unitIds);
  if (query.status) select = select.where('report_assignments.status', '=', query.status);
  const rows = await select.orderBy('report_rounds.due_date', 'desc').orderBy('report_assignments.id', 'desc').limit(500).execute();
  const units = await unitRefs(db, rows.map((r) => Number(r.unit_id)));
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      status: r.status as Status,
      unit: units.get(Number(r.unit_id))!,
      round: { id: Number(r.round_id), periodLabel: r.period_label, periodFrom: r.period_from, periodTo: r.period_to, dueDate: r.due_date },
      template: { id: Number(r.template_id), code: r.template_code, name: r.template_name, version: Number(r.template_version) },
      currentVersion: Number(r.current_version),
      submittedAt: r.submitted_at,
      updatedAt: r.updated_at,
    })),
  };
}

export async function getAssignmentDetail(db: Executor, actor: Actor, id: number, language: Language): Promise<AssignmentDetail> {
  const { assignment, round, canSubmit, canManage } = await getVisibleAssignment(db, actor, id);
  const template = (await findTemplate(db, Number(round.template_id)))!;
  const document = await getTemplateDocument(db, Number(template.id), Number(round.template_version));
  const unitId = Number(assignment.unit_id);
  const autofilled = await computeAutofill(db, document, unitId, round.period_from, round.period_to);
  const version = Number(assignment.current_version);
  const latest = version > 0 ? await findSubmission(db, id, version) : undefined;
  const data = latest ? latest.parsed : normalizeReportData(document, autofilled, language);
  const versions = await db.selectFrom('report_submissions').select(['version', 'kind', 'created_at', 'created_by']).where('assignment_id', '=', id).orderBy('version', 'desc').execute();
  const events = await db.selectFrom('report_events').select(['action', 'actor_name', 'at', 'note']).where('assignment_id', '=', id).orderBy('id').execute();
  const names = await userNames(db, versions.map((v) => v.created_by));
  const units = await unitRefs(db, [unitId, Number(round.assigner_unit_id)]);
  return {
    id,
    status: assignment.status as Status,
    unit: units.get(unitId)!,
    round: {
      id: Number(round.id),
      periodLabel: round.period_label,
      periodFrom: round.period_from,
      periodTo: round.period_to,
      dueDate: round.due_date,
      assignerUnit: units.get(Number(round.assigner_unit_id))!,
    },
    template: { id: Number(template.id), code: template.code, name: template.name, version: Number(round.template_version), document },
    currentVersion: version,
    data,
    computed: computeFormulas(document, data),
    problems: submissionProblems(document, data, language),
    autofilled,
    submittedAt: assignment.submitted_at,
    reviewedAt: assignment.reviewed_at,
    reviewComment: assignment.review_comment,
    canEdit: canSubmit && EDITABLE_STATUSES.includes(assignment.status),
    canReview: canManage && assignment.status === AssignmentStatus.Submitted,
    versions: versions.map((v) => ({ version: Number(v.version), kind: v.kind, createdAt: v.created_at, createdBy: v.created_by === null ? null : (names.get(Number(v.created_by)) ?? null) })),
    events: events.map((e) => ({ action: e.action, actorName: e.actor_name, at: e.at, note: e.note })),
  };
}

export async function getAssignmentVersion(db: Executor, actor: Actor, id: number, version: number): Promise<AssignmentVersion> {
  const { round } = await getVisibleAssignment(db, actor, id);
  const submission = await findSubmission(db, id, version);
  if (!submission) throw new AppError('NOT_FOUND');
  const document = await getTemplateDocument(db, Number(round.template_id), Number(round.template_version));
  const names = await userNames(db, [submission.created_by]);
  return {
    version,
    kind: submission.kind,
    data: submission.parsed,
    computed: computeFormulas(document, submission.parsed),
    note: submission.note,
    createdAt: submission.created_at,
    createdBy: submission.created_by === null ? null : (names.get(Number(submission.created_by)) ?? null),
  };
}

interface EditContext {
  db: Db;
  context: AuditContext;
  actor: Actor;
  language: Language;
  publicUrl: string;
}

/**
 * Stores a new version of the unit's figures: a draft (save) or the submission. Only the unit's `report.submit`
 * holders, only while the report is pending, draft or returned, only on the version the caller saw.
 */
async function storeVersion(ctx: EditContext, id: number, body: SaveAssignmentBody | SubmitAssignmentBody, kind: 'draft' | 'submitted'): Promise<AssignmentDetail> {
  const { db, actor, language } = ctx;
  return db.transaction().execute(async (tx) => {
    const { assignment, round, canSubmit } = await getVisibleAssignment(tx, actor, id);
    if (!canSubmit) throw new AppError('FORBIDDEN');
    if (!EDITABLE_STATUSES.includes(assignment.status)) throw new AppError('REPORT_NOT_EDITABLE', { status: assignment.status });
    if (Number(assignment.current_version) !== body.expectedVersion) throw new AppError('REPORT_CHANGED');
    const document = await getTemplateDocument(tx, Number(round.template_id), Number(round.template_version));
    const data: ReportData = normalizeReportData(document, body.data, language);
    if (kind === SubmissionKind.Submitted) {
      const problems = submissionProblems(document, data, language);
      if (problems.length > 0) throw new AppError('REPORT_INVALID', {}, problems);
    }
    const version = body.expectedVersion + 1;
    const at = new Date().toISOString();
    const status = kind === SubmissionKind.Submitted ? AssignmentStatus.Submitted : AssignmentStatus.Draft;
    const updated = await tx
      .updateTable('report_assignments')
      .set({
        status,
        current_version: version,
        updated_at: at,
        ...(kind === SubmissionKind.Submitted ? { submitted_at: at, submitted_by: actor.userId } : {}),
      })
      .where('id', '=', id)
      .where('current_version', '=', body.expectedVersion)
      .where('status', 'in', EDITABLE_STATUSES)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('REPORT_CHANGED');
    const note = 'note' in body ? (body.note ?? null) : null;
    await tx.insertInto('report_submissions').values({ assignment_id: id, version, data: JSON.stringify(data), kind, note, created_at: at, created_by: actor.userId }).execute();
    const action = kind === SubmissionKind.Submitted ? 'submitted' : 'saved';
    await insertEvent(tx, { roundId: Number(round.id), assignmentId: id, action, actorId: actor.userId, actorName: actor.fullName, note, details: { version } });
    await recordAudit(tx, ctx.context, { action: `report.${action}`, entityType: 'report_assignment', entityId: id, unitId: Number(assignment.unit_id), summary: { version } });
    if (kind === SubmissionKind.Submitted) {
      const units = await unitRefs(tx, [Number(assignment.unit_id)]);
      const unitName = units.get(Number(assignment.unit_id))!.name;
      await notifyHolders(tx, {
        unitId: Number(round.assigner_unit_id),
        permission: Permission.ReportManage,
        subject: `${unitName} đã gửi báo cáo ${round.period_label}`,
        body: `${unitName} đã gửi báo cáo kỳ ${round.period_label}; vui lòng xem xét, chấp nhận hoặc trả lại.\n(${unitName} submitted its report for ${round.period_label}.)`,
        link: assignmentLink(ctx.publicUrl, id),
      });
    }
    return getAssignmentDetail(tx, actor, id, language);
  });
}

export const saveAssignment = (ctx: EditContext, id: number, body: SaveAssignmentBody) => storeVersion(ctx, id, body, SubmissionKind.Draft);
export const submitAssignment = (ctx: EditContext, id: number, body: SubmitAssignmentBody) => storeVersion(ctx, id, body, SubmissionKind.Submitted);

/** The assigning unit accepts a submitted report, or returns it with a comment for the unit to correct. */
export async function reviewAssignment(ctx: EditContext, id: number, body: ReviewAssignmentBody): Promise<AssignmentDetail> {
  const { db, actor, language } = ctx;
  const comment = body.comment?.trim() || null;
  if (body.decision === 'return' && !comment) {
    throw new AppError('REPORT_COMMENT_REQUIRED', {}, [{ path: '/comment', message: language === 'vi' ? 'Cần ghi ý kiến khi trả lại.' : 'A comment is required to return.' }]);
  }
  return db.transaction().execute(async (tx) => {
    const { assignment, round, canManage } = await getVisibleAssignment(tx, actor, id);
    if (!canManage) throw new AppError('FORBIDDEN');
    if (Number(assignment.current_version) !== body.expectedVersion) throw new AppError('REPORT_CHANGED');
    if (assignment.status !== AssignmentStatus.Submitted) throw new AppError('REPORT_NOT_SUBMITTED', { status: assignment.status });
    const status = body.decision === 'accept' ? AssignmentStatus.Accepted : AssignmentStatus.Returned;
    const at = new Date().toISOString();
    const updated = await tx
      .updateTable('report_assignments')
      .set({ status, reviewed_at: at, reviewed_by: actor.userId, review_comment: comment, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', AssignmentStatus.Submitted)
      .where('current_version', '=', body.expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('REPORT_CHANGED');
    const action = body.decision === 'accept' ? 'accepted' : 'returned';
    await insertEvent(tx, { roundId: Number(round.id), assignmentId: id, action, actorId: actor.userId, actorName: actor.fullName, note: comment, details: { version: body.expectedVersion } });
    await recordAudit(tx, ctx.context, { action: `report.${action}`, entityType: 'report_assignment', entityId: id, unitId: Number(assignment.unit_id), summary: { version: body.expectedVersion, comment } });
    if (status === AssignmentStatus.Returned) {
      await notifyHolders(tx, {
        unitId: Number(assignment.unit_id),
        permission: Permission.ReportSubmit,
        subject: `Báo cáo ${round.period_label} bị trả lại`,
        body: `Báo cáo kỳ ${round.period_label} được trả lại để chỉnh sửa. Ý kiến: ${comment}\n(Your report for ${round.period_label} was returned: ${comment})`,
        link: assignmentLink(ctx.publicUrl, id),
      });
    }
    return getAssignmentDetail(tx, actor, id, language);
  });
}
