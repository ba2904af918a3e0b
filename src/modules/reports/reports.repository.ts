import type { Executor } from '../../platform/database/database.js';
import { ReportTemplateDocument, type ReportData } from './reports.schema.js';

export const TemplateStatus = { Active: 'active', Retired: 'retired' } as const;
export const AssignmentStatus = { Pending: 'pending', Draft: 'draft', Submitted: 'submitted', Returned: 'returned', Accepted: 'accepted' } as const;
export const EDITABLE_STATUSES: readonly string[] = [AssignmentStatus.Pending, AssignmentStatus.Draft, AssignmentStatus.Returned];
export const SubmissionKind = { Draft: 'draft', Submitted: 'submitted' } as const;

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export async function unitRefs(db: Executor, ids: number[]): Promise<Map<number, UnitRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'code', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), code: r.code, name: r.name }]));
}

export async function getUnitRef(db: Executor, id: number): Promise<UnitRef> {
  const ref = (await unitRefs(db, [id])).get(id);
  if (!ref) throw new Error(`unit ${id} missing`);
  return ref;
}

export async function userNames(db: Executor, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null).map(Number))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [Number(r.id), r.full_name]));
}

export const findTemplate = (db: Executor, id: number) => db.selectFrom('report_templates').selectAll().where('id', '=', id).executeTakeFirst();

export async function getTemplateDocument(db: Executor, templateId: number, version: number): Promise<ReportTemplateDocument> {
  const row = await db
    .selectFrom('report_template_versions')
    .select('document')
    .where('template_id', '=', templateId)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.document) as ReportTemplateDocument;
}

export const findRound = (db: Executor, id: number) => db.selectFrom('report_rounds').selectAll().where('id', '=', id).executeTakeFirst();
export const findAssignment = (db: Executor, id: number) => db.selectFrom('report_assignments').selectAll().where('id', '=', id).executeTakeFirst();

export async function findSubmission(db: Executor, assignmentId: number, version: number) {
  const row = await db
    .selectFrom('report_submissions')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? { ...row, parsed: JSON.parse(row.data) as ReportData } : undefined;
}

export async function insertEvent(
  tx: Executor,
  event: { roundId: number; assignmentId: number | null; action: string; actorId: number | null; actorName: string | null; note?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await tx
    .insertInto('report_events')
    .values({
      round_id: event.roundId,
      assignment_id: event.assignmentId,
      action: event.action,
      actor_id: event.actorId,
      actor_name: event.actorName,
      at: new Date().toISOString(),
      note: event.note ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}
