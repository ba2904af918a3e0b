import type { WorkingCalendar } from '../../platform/calendar/working-calendar.js';
import type { DossierEventRow, DossierRow } from '../../platform/database/schema.js';
import type { ProcedureDocument } from '../procedures/procedures.schema.js';
import { stepBudgetMs } from './deadlines.js';
import { CLOCK_RUNNING_STATUSES, STATUS_NUMBERS, type DossierStatusCode } from './dossier-status.js';
import type { Applicant, DossierDetail, DossierSummary, HistoryEvent } from './dossiers.schema.js';
import type { UnitRef } from './dossiers.repository.js';
import { findStep, remainingSteps } from './workflow.js';

export interface EventDetails {
  reasons?: string[];
  items?: string[];
  toStep?: string;
  newDueAt?: string;
  previousDueAt?: string;
  reason?: string;
  files?: { fileId: string; name: string }[];
  /** fee_paid: what was paid, how, and the receipt issued. */
  amountVnd?: number;
  channel?: string;
  receiptNo?: string;
}

const unknownUnit = (id: number): UnitRef => ({ id, code: '', name: '' });

/** Open dossiers: overdue past the deadline, dueSoon when the deadline falls before `soonBefore`. */
export function openTimeliness(row: Pick<DossierRow, 'status' | 'due_at' | 'timeliness'>, now: Date, soonBefore: Date): string | null {
  if (row.timeliness) return row.timeliness;
  if (!row.due_at || !CLOCK_RUNNING_STATUSES.includes(row.status as DossierStatusCode)) return null;
  if (row.due_at < now.toISOString()) return 'overdue';
  return row.due_at <= soonBefore.toISOString() ? 'dueSoon' : null;
}

export function toSummary(row: DossierRow, units: Map<number, UnitRef>, stepName: string | null, timeliness: string | null): DossierSummary {
  const unit = units.get(row.unit_id) ?? unknownUnit(row.unit_id);
  return {
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    applicantName: row.applicant_name,
    status: row.status as DossierStatusCode,
    statusNumber: STATUS_NUMBERS[row.status as DossierStatusCode],
    channel: row.channel,
    unit: { code: unit.code, name: unit.name },
    currentStep: row.current_step ? { code: row.current_step, name: stepName ?? row.current_step } : null,
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    finishedAt: row.finished_at,
    timeliness,
  };
}

export function toHistoryEvent(event: DossierEventRow, units: Map<number, UnitRef>): HistoryEvent {
  const details = JSON.parse(event.details) as EventDetails;
  return {
    seq: Number(event.seq),
    action: event.action,
    fromStatus: event.from_status,
    toStatus: event.to_status,
    stepCode: event.step_code,
    stepName: event.step_name,
    actorName: event.actor_name,
    unitName: event.unit_id === null ? null : (units.get(event.unit_id)?.name ?? null),
    at: event.at,
    note: event.note,
    ...(details.reasons ? { reasons: details.reasons } : {}),
    ...(details.items ? { items: details.items } : {}),
    ...(details.newDueAt ? { newDueAt: details.newDueAt } : {}),
    ...(details.reason ? { reason: details.reason } : {}),
    ...(details.receiptNo !== undefined ? { payment: { amountVnd: details.amountVnd ?? 0, channel: details.channel ?? '', receiptNo: details.receiptNo } } : {}),
    stepDueAt: event.step_due_at,
    timeliness: event.timeliness,
    files: details.files ?? [],
  };
}

/**
 * Will the dossier be late? The remaining budgets of the current and later steps, counted from now, against the
 * appointment. When late is likely the system proposes the new appointment for the apology slip (form 04),
 * never earlier than one working day ahead.
 */
export function forecastDueAt(calendar: WorkingCalendar, document: ProcedureDocument, row: DossierRow, now: Date): Date | null {
  if (!row.due_at || !CLOCK_RUNNING_STATUSES.includes(row.status as DossierStatusCode)) return null;
  const [current, ...later] = remainingSteps(document, row.current_step);
  if (!current) return null;
  const spentInStep = row.step_started_at ? Math.max(0, calendar.workingMsBetween(new Date(row.step_started_at), now)) : 0;
  const budget = (step: typeof current) => stepBudgetMs(calendar, document, step);
  const remaining = Math.max(0, budget(current) - spentInStep) + later.reduce((sum, step) => sum + budget(step), 0);
  const projected = calendar.addWorkingMs(now, remaining);
  if (projected.getTime() <= new Date(row.due_at).getTime()) return null;
  const earliest = calendar.addWorkingDays(now, 1);
  return projected.getTime() > earliest.getTime() ? projected : earliest;
}

export interface DetailParts {
  row: DossierRow;
  document: ProcedureDocument;
  units: Map<number, UnitRef>;
  events: DossierEventRow[];
  components: Awaited<ReturnType<typeof import('./dossiers.repository.js').listComponents>>;
  rating: { score: number; comment: string | null; at: string } | undefined;
  allowedActions: string[];
  proposedDueAt: Date | null;
  timeliness: string | null;
}

const FORM_OF_ACTION: Record<string, string> = {
  receive: 'receipt',
  request_supplement: 'supplement-request',
  refuse_intake: 'refusal',
  apologise: 'apology',
};

export function toDetail(parts: DetailParts): DossierDetail {
  const { row, document, units } = parts;
  const step = findStep(document, row.current_step);
  const actions = new Set(parts.events.map((e) => e.action));
  const forms = Object.entries(FORM_OF_ACTION).filter(([action]) => actions.has(action)).map(([, form]) => form);
  if (row.received_at) forms.push('control-sheet');
  const receiving = units.get(row.receiving_unit_id) ?? unknownUnit(row.receiving_unit_id);
  return {
    ...toSummary(row, units, step?.name ?? null, parts.timeliness),
    procedureVersion: Number(row.procedure_version),
    applicant: JSON.parse(row.applicant) as Applicant,
    form: JSON.parse(row.form) as Record<string, unknown>,
    components: parts.components.map((c) => ({
      requirementCode: c.requirement_code,
      requirementName: c.requirement_name,
      fileId: c.file_id,
      fileName: c.original_name ?? null,
      mediaType: c.media_type ?? null,
      source: c.source,
      digitised: Number(c.digitised) === 1,
    })),
    receivingUnit: { code: receiving.code, name: receiving.name },
    currentStep: step ? { code: step.code, name: step.name, role: step.role, dueAt: row.step_due_at } : null,
    originalDueAt: row.original_due_at,
    pausedAt: row.paused_at,
    returnedAt: row.returned_at,
    supplementRequests: Number(row.supplement_count),
    outcome: row.outcome,
    resultFileId: row.result_file_id,
    rating: parts.rating ? { score: Number(parts.rating.score), comment: parts.rating.comment, at: parts.rating.at } : null,
    proposedDueAt: parts.proposedDueAt?.toISOString() ?? null,
    history: parts.events.map((e) => toHistoryEvent(e, units)),
    allowedActions: parts.allowedActions,
    forms,
  };
}
