import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { WorkingCalendar } from '../../platform/calendar/working-calendar.js';
import type { Tx } from '../../platform/database/database.js';
import type { DossierRow } from '../../platform/database/schema.js';
import type { ProcedureDocument } from '../procedures/procedures.schema.js';
import type { ActionOutcome } from './action-handlers.js';
import { insertComponents, storeForApplicant } from './attachments.js';
import { timelinessOf } from './deadlines.js';
import { noticeApplicant, type NoticeKind } from './dossier-notices.js';
import { DossierEventKind, DossierStatus, type DossierEventCode } from './dossier-status.js';
import { Role } from '../../platform/auth/roles.js';
import { findDossier, insertEvent, unitsById, updateDossier } from './dossiers.repository.js';
import { findStep } from './workflow.js';

/** Who the history names: a user, or the system acting on a gateway's callback (no user). */
export type EventActor = Pick<Actor, 'fullName'> & { userId: number | null };

export interface RecordedAction {
  context: AuditContext;
  actor: EventActor;
  action: DossierEventCode;
  note: string | undefined;
  /** The unit the official acted for (null for the applicant). */
  unitId: number | null;
  document: ProcedureDocument;
  calendar: WorkingCalendar;
  now: Date;
  publicUrl: string;
}

// The desk that took the dossier in speaks for intake; the competent unit for everything after.
const INTAKE_NOTICES: ReadonlySet<NoticeKind> = new Set(['received', 'refused_intake', 'fee_paid']);

/**
 * Writes what an action decided, in the action's transaction: the state change (refused with DOSSIER_CHANGED if
 * someone acted first), the history event with how the step ended against its deadline, new components, the result
 * in the applicant's data store, the audit entry and the applicant's notice. Returns the dossier as it now stands.
 */
export async function recordOutcome(tx: Tx, row: DossierRow, outcome: ActionOutcome, action: RecordedAction): Promise<DossierRow> {
  const { now } = action;
  const seq = Number(row.last_seq) + 1;
  const toStatus = outcome.changes.status ?? row.status;
  await updateDossier(tx, row.id, Number(row.last_seq), { ...outcome.changes, last_seq: seq });
  // Supplemented components first: the event refreshes the service index facts, which count them (issue 6).
  if (outcome.components) {
    await insertComponents(tx, row.id, seq, outcome.components);
    await storeForApplicant(tx, row.owner_user_id, row.id, outcome.components);
  }
  await insertEvent(tx, {
    dossier_id: row.id,
    seq,
    action: action.action,
    from_status: row.status,
    to_status: toStatus,
    step_code: row.current_step,
    step_name: findStep(action.document, row.current_step)?.name ?? null,
    actor_id: action.actor.userId,
    actor_name: action.actor.fullName,
    unit_id: action.unitId,
    at: now.toISOString(),
    note: action.note?.trim() || null,
    details: JSON.stringify(outcome.details),
    step_due_at: outcome.leavesStep ? row.step_due_at : null,
    timeliness: outcome.leavesStep && row.step_due_at ? timelinessOf(action.calendar, now, new Date(row.step_due_at)) : null,
  });
  if (outcome.resultFileId) await storeResult(tx, row, outcome.resultFileId, now);
  await recordAudit(tx, action.context, {
    action: `dossier.${action.action}`,
    entityType: 'dossier',
    entityId: row.code,
    unitId: row.unit_id,
    summary: { from: row.status, to: toStatus, step: row.current_step, toStep: outcome.changes.current_step ?? null, ...outcome.audit },
  });
  if (outcome.notice) {
    const unitId = INTAKE_NOTICES.has(outcome.notice.kind) ? row.receiving_unit_id : row.unit_id;
    const unitName = (await unitsById(tx, [unitId])).get(unitId)?.name ?? '';
    await noticeApplicant(tx, { ...outcome.notice, dossier: row, unitName, publicUrl: action.publicUrl });
  }
  return (await findDossier(tx, row.code))!;
}

export interface FeePaid {
  context: AuditContext;
  actor: EventActor;
  amountVnd: number;
  /** gateway, cash or bank_transfer (payments module). */
  channel: string;
  receiptNo: string;
  document: ProcedureDocument;
  calendar: WorkingCalendar;
  now: Date;
  publicUrl: string;
}

/**
 * The fee is paid (domain.md §4 status 6 → 1): the dossier leaves `fee_due` for the one-stop desk of its receiving
 * unit, with the `fee_paid` event, its audit entry and the applicant's notice, in the paying transaction.
 */
export async function recordFeePaid(tx: Tx, row: DossierRow, paid: FeePaid): Promise<DossierRow> {
  const details = { amountVnd: paid.amountVnd, channel: paid.channel, receiptNo: paid.receiptNo };
  return recordOutcome(
    tx,
    row,
    {
      changes: { status: DossierStatus.Submitted, current_role: Role.OneStopOfficer, current_unit_id: row.receiving_unit_id },
      details,
      leavesStep: false,
      notice: { kind: 'fee_paid', amountVnd: paid.amountVnd, receiptNo: paid.receiptNo },
    },
    { ...paid, action: DossierEventKind.FeePaid, note: undefined, unitId: row.receiving_unit_id },
  );
}

/** An electronic result is the applicant's to keep and reuse (data store, source "result"). */
async function storeResult(tx: Tx, row: DossierRow, fileId: string, now: Date): Promise<void> {
  if (row.owner_user_id === null) return;
  const file = await tx.selectFrom('files').select('original_name').where('id', '=', fileId).executeTakeFirstOrThrow();
  await tx
    .insertInto('applicant_documents')
    .values({
      owner_user_id: row.owner_user_id,
      file_id: fileId,
      name: file.original_name,
      requirement_code: null,
      requirement_name: row.procedure_name,
      source: 'result',
      dossier_id: row.id,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['owner_user_id', 'file_id']).doNothing())
    .execute();
}
