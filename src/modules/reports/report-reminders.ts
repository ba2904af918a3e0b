import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { getDayNumber, localDateOf, VIETNAM_TIME_ZONE } from '../../platform/calendar/local-time.js';
import type { Db } from '../../platform/database/database.js';
import { Permission } from '../../platform/auth/roles.js';
import { assignmentLink, notifyHolders } from './report-notices.js';
import { EDITABLE_STATUSES, insertEvent, unitRefs } from './reports.repository.js';

/** before_3d: three days ahead; due_day: on the day; overdue_1d: from the day after, while still not submitted. */
export const ReminderKind = { Before3d: 'before_3d', DueDay: 'due_day', Overdue1d: 'overdue_1d' } as const;
type Kind = (typeof ReminderKind)[keyof typeof ReminderKind];

const SYSTEM: AuditContext = { actorId: null, actorUsername: 'system', ip: null, requestId: null };

const TEXT: Record<Kind, { subject: string; body: string }> = {
  before_3d: {
    subject: 'Nhắc gửi báo cáo {period}: còn 3 ngày',
    body: '{unit} cần gửi báo cáo "{template}" kỳ {period} trước hạn {due}.\n(Reminder: the report "{template}" for {period} is due on {due}.)',
  },
  due_day: {
    subject: 'Hôm nay là hạn gửi báo cáo {period}',
    body: 'Hôm nay ({due}) là hạn gửi báo cáo "{template}" kỳ {period} của {unit}.\n(The report "{template}" for {period} is due today, {due}.)',
  },
  overdue_1d: {
    subject: 'Báo cáo {period} đã quá hạn',
    body: '{unit} chưa gửi báo cáo "{template}" kỳ {period}, hạn gửi {due} đã qua. Vui lòng gửi ngay.\n(The report "{template}" for {period} is overdue since {due}.)',
  },
};

/** Which reminder is due on a local day for a report due on `dueDate`, if any. */
export function reminderKindFor(today: string, dueDate: string): Kind | undefined {
  const days = getDayNumber(dueDate) - getDayNumber(today);
  if (days === 0) return ReminderKind.DueDay;
  if (days < 0) return ReminderKind.Overdue1d;
  if (days <= 3) return ReminderKind.Before3d;
  return undefined;
}

const display = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const fillText = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? '');

/**
 * Reminds the units that still owe a report (Decree 09/2019: reports are sent by their due date): inbox + e-mail to
 * the unit's report.submit holders. Each kind goes once per report: the report_reminders row is written in the
 * same transaction as the notices, and a second run (or a second server) finds it and sends nothing.
 * Returns the number of reminders sent.
 */
export async function sendReportReminders(db: Db, now: Date, publicUrl: string): Promise<number> {
  const today = localDateOf(now, VIETNAM_TIME_ZONE);
  const todayNumber = getDayNumber(today);
  // Candidates: open reports due within three days or already past due.
  const horizon = new Date((todayNumber + 3) * 86_400_000).toISOString().slice(0, 10);
  const candidates = await db
    .selectFrom('report_assignments')
    .innerJoin('report_rounds', 'report_rounds.id', 'report_assignments.round_id')
    .innerJoin('report_templates', 'report_templates.id', 'report_rounds.template_id')
    .select(['report_assignments.id', 'report_assignments.unit_id', 'report_rounds.id as round_id', 'report_rounds.due_date', 'report_rounds.period_label', 'report_templates.name as template_name'])
    .where('report_assignments.status', 'in', EDITABLE_STATUSES)
    .where('report_rounds.status', '=', 'open')
    .where('report_rounds.due_date', '<=', horizon)
    .orderBy('report_assignments.id')
    .execute();
  let sent = 0;
  for (const candidate of candidates) {
    const kind = reminderKindFor(today, candidate.due_date);
    if (!kind) continue;
    const id = Number(candidate.id);
    const done = await db.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('report_reminders')
        .values({ assignment_id: id, kind, sent_at: now.toISOString() })
        .onConflict((oc) => oc.columns(['assignment_id', 'kind']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
      const unitId = Number(candidate.unit_id);
      const unitName = (await unitRefs(tx, [unitId])).get(unitId)?.name ?? '';
      const params = { unit: unitName, template: candidate.template_name, period: candidate.period_label, due: display(candidate.due_date) };
      const recipients = await notifyHolders(tx, {
        unitId,
        permission: Permission.ReportSubmit,
        subject: fillText(TEXT[kind].subject, params),
        body: fillText(TEXT[kind].body, params),
        link: assignmentLink(publicUrl, id),
      });
      await insertEvent(tx, { roundId: Number(candidate.round_id), assignmentId: id, action: 'reminded', actorId: null, actorName: null, note: kind, details: { kind, recipients: recipients.length } });
      await recordAudit(tx, SYSTEM, { action: 'report.remind', entityType: 'report_assignment', entityId: id, unitId, summary: { kind, recipients: recipients.length } });
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}
