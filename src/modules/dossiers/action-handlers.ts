import type { Actor } from '../../platform/auth/actor.js';
import type { WorkingCalendar } from '../../platform/calendar/working-calendar.js';
import type { Tx } from '../../platform/database/database.js';
import type { DossierRow, DossierUpdate } from '../../platform/database/schema.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { fill, type Language } from '../../platform/i18n/language.js';
import type { ProcedureDocument, WorkflowStep } from '../procedures/procedures.schema.js';
import { validateApplicationForm } from '../procedures/validate-form.js';
import { resolveAttachments, type ResolvedComponent } from './attachments.js';
import { addDuration, extendByPause, stepBudgetMs, timelinessOf } from './deadlines.js';
import type { NoticeKind } from './dossier-notices.js';
import { DossierStatus, Outcome, type DossierActionCode } from './dossier-status.js';
import type { ActionBody } from './dossiers.schema.js';
import type { EventDetails } from './present-dossier.js';
import { firstStep, stepUnitId, targetsOf } from './workflow.js';
import { cancelPendingOrder } from '../payments/payment-orders.js';

export interface ActionInput {
  tx: Tx;
  row: DossierRow;
  document: ProcedureDocument;
  calendar: WorkingCalendar;
  actor: Actor;
  body: ActionBody;
  now: Date;
  language: Language;
  unitIdOfCode: (code: string) => number | undefined;
  /** The system's proposed new appointment when late is likely (present-dossier.ts forecastDueAt). */
  proposedDueAt: Date | null;
}

export interface ActionOutcome {
  changes: DossierUpdate;
  details: EventDetails;
  /** Set when the action ends the current step: how it finished against the step's deadline. */
  leavesStep: boolean;
  components?: ResolvedComponent[];
  notice?: { kind: NoticeKind; items?: string[]; reason?: string; dueAt?: Date | null; amountVnd?: number; receiptNo?: string };
  /** A result file to put into the applicant's data store. */
  resultFileId?: string;
  /** More for the audit entry's summary (e.g. the payment order a withdrawal cancelled). */
  audit?: Record<string, unknown>;
}

const REQUIRED = { vi: 'Bắt buộc nhập {field}.', en: 'Enter {field}.' } as const;
const NOT_OFFERED = { vi: 'Quy trình không có bước "{step}" sau bước hiện tại.', en: 'The workflow offers no step "{step}" from the current one.' } as const;
const FIELD_NAMES: Record<string, { vi: string; en: string }> = {
  reasons: { vi: 'lý do', en: 'the reasons' },
  items: { vi: 'danh sách nội dung cần bổ sung', en: 'the list of missing items' },
  reason: { vi: 'lý do xin lỗi', en: 'the reason for the delay' },
  resultFileId: { vi: 'tệp kết quả điện tử', en: 'the electronic result file' },
  toStep: { vi: 'bước chuyển đến', en: 'the target step' },
  newDueAt: { vi: 'ngày hẹn trả mới (sau ngày hẹn hiện tại)', en: 'a new appointment later than the current one' },
};

function invalid(field: string, language: Language): AppError {
  const error: FieldError = { path: `/${field}`, message: fill(REQUIRED[language], { field: FIELD_NAMES[field][language] }) };
  return new AppError('VALIDATION_FAILED', {}, [error]);
}

function required<T>(value: T | undefined, field: string, language: Language): T {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) throw invalid(field, language);
  return value;
}

function enterStep(input: ActionInput, step: WorkflowStep): DossierUpdate {
  return {
    current_step: step.code,
    current_role: step.role,
    current_unit_id: stepUnitId(step, input.row, input.unitIdOfCode),
    step_started_at: input.now.toISOString(),
    step_due_at: input.calendar.addWorkingMs(input.now, stepBudgetMs(input.calendar, input.document, step)).toISOString(),
  };
}

const LEAVE_WORKFLOW: DossierUpdate = { current_step: null, current_role: null, current_unit_id: null, step_started_at: null, step_due_at: null };

function finish(input: ActionInput): DossierUpdate {
  const { row, now, calendar } = input;
  return { finished_at: now.toISOString(), timeliness: row.due_at ? timelinessOf(calendar, now, new Date(row.due_at)) : null };
}

/** The target step of a workflow action; `toStep` chooses when the procedure offers several. */
function target(input: ActionInput, action: DossierActionCode): WorkflowStep {
  const targets = targetsOf(input.document, input.row.current_step, action);
  if (input.body.toStep !== undefined) {
    const chosen = targets.find((step) => step.code === input.body.toStep);
    if (!chosen) {
      const message = fill(NOT_OFFERED[input.language], { step: input.body.toStep });
      throw new AppError('VALIDATION_FAILED', {}, [{ path: '/toStep', message }]);
    }
    return chosen;
  }
  if (targets.length !== 1) throw invalid('toStep', input.language);
  return targets[0];
}

async function assertUsableResult(input: ActionInput, fileId: string): Promise<void> {
  const file = await input.tx.selectFrom('files').select('owner_user_id').where('id', '=', fileId).executeTakeFirst();
  if (!file || Number(file.owner_user_id) !== input.actor.userId) throw invalid('resultFileId', input.language);
}

type Handler = (input: ActionInput) => Promise<ActionOutcome> | ActionOutcome;

export const ACTION_HANDLERS: Record<DossierActionCode, Handler> = {
  receive(input) {
    const due = addDuration(input.calendar, input.now, input.document.processingTime);
    return {
      changes: {
        status: DossierStatus.Received,
        received_at: input.now.toISOString(),
        due_at: due.toISOString(),
        original_due_at: due.toISOString(),
        ...enterStep(input, firstStep(input.document)),
      },
      details: {},
      leavesStep: false,
      notice: { kind: 'received', dueAt: due },
    };
  },

  refuse_intake(input) {
    const reasons = required(input.body.reasons, 'reasons', input.language);
    return {
      changes: { status: DossierStatus.RefusedIntake, finished_at: input.now.toISOString(), ...LEAVE_WORKFLOW },
      details: { reasons },
      leavesStep: false,
      notice: { kind: 'refused_intake', items: reasons },
    };
  },

  request_supplement(input) {
    const items = required(input.body.items, 'items', input.language);
    const atIntake = input.row.status === DossierStatus.Submitted;
    const resumeStep = atIntake ? null : target(input, 'request_supplement');
    return {
      changes: {
        status: DossierStatus.SupplementRequested,
        paused_at: input.now.toISOString(),
        resume_status: atIntake ? DossierStatus.Submitted : DossierStatus.Processing,
        resume_step: resumeStep?.code ?? null,
        supplement_count: Number(input.row.supplement_count) + 1,
      },
      details: { items, ...(resumeStep ? { toStep: resumeStep.code } : {}) },
      leavesStep: !atIntake,
      notice: { kind: 'supplement', items },
    };
  },

  async supplement(input) {
    const { row, body, language } = input;
    const errors: FieldError[] = [];
    if (body.form !== undefined) {
      errors.push(...validateApplicationForm({ code: row.procedure_code, version: Number(row.procedure_version), form: input.document.form }, body.form, language));
    }
    const resolved = await resolveAttachments(input.tx, input.actor, row.owner_user_id, input.document, body.attachments ?? [], '/attachments', language);
    errors.push(...resolved.errors);
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
    const changes: DossierUpdate = { status: row.resume_status ?? DossierStatus.Submitted, paused_at: null, resume_status: null, resume_step: null };
    if (body.form !== undefined) changes.form = JSON.stringify(body.form);
    const step = input.document.workflow.steps.find((s) => s.code === row.resume_step);
    if (row.resume_status === DossierStatus.Processing && step && row.paused_at) {
      // The agency's clock stood still while the citizen worked (domain.md §4): the appointment moves by the pause.
      const pausedAt = new Date(row.paused_at);
      if (row.due_at) changes.due_at = extendByPause(input.calendar, new Date(row.due_at), pausedAt, input.now).toISOString();
      Object.assign(changes, enterStep(input, step));
    }
    return {
      changes,
      details: { files: resolved.components.map((c) => ({ fileId: c.fileId, name: c.fileName })) },
      leavesStep: false,
      components: resolved.components,
    };
  },

  forward(input) {
    const step = target(input, 'forward');
    return { changes: { status: DossierStatus.Processing, ...enterStep(input, step) }, details: { toStep: step.code }, leavesStep: true };
  },

  return(input) {
    const step = target(input, 'return');
    return { changes: { status: DossierStatus.Processing, ...enterStep(input, step) }, details: { toStep: step.code }, leavesStep: true };
  },

  async approve(input) {
    const step = target(input, 'approve');
    const electronic = input.document.result.type !== 'paper';
    const fileId = electronic ? required(input.body.resultFileId, 'resultFileId', input.language) : input.body.resultFileId;
    if (fileId) await assertUsableResult(input, fileId);
    const name = fileId ? await input.tx.selectFrom('files').select('original_name').where('id', '=', fileId).executeTakeFirstOrThrow() : undefined;
    return {
      changes: { status: DossierStatus.ResultReady, outcome: Outcome.Granted, result_file_id: fileId ?? null, ...finish(input), ...enterStep(input, step) },
      details: { toStep: step.code, ...(fileId && name ? { files: [{ fileId, name: name.original_name }] } : {}) },
      leavesStep: true,
      notice: { kind: 'result' },
      ...(fileId ? { resultFileId: fileId } : {}),
    };
  },

  refuse(input) {
    const reasons = required(input.body.reasons, 'reasons', input.language);
    const step = target(input, 'refuse');
    return {
      changes: { status: DossierStatus.ResultReady, outcome: Outcome.Refused, ...finish(input), ...enterStep(input, step) },
      details: { reasons, toStep: step.code },
      leavesStep: true,
      notice: { kind: 'result' },
    };
  },

  stop(input) {
    const reasons = required(input.body.reasons, 'reasons', input.language);
    return {
      changes: { status: DossierStatus.Stopped, paused_at: null, ...finish(input), ...LEAVE_WORKFLOW },
      details: { reasons },
      leavesStep: input.row.status !== DossierStatus.SupplementRequested,
      notice: { kind: 'stopped', items: reasons },
    };
  },

  async withdraw(input) {
    // A withdrawal while the fee is due cancels the order in the same transaction; if a payment claimed the order
    // first, the dossier has moved on and the applicant reloads it (the payment's own update would refuse anyway).
    const feeDue = input.row.status === DossierStatus.FeeDue;
    if (feeDue && !(await cancelPendingOrder(input.tx, input.row.id, input.now))) throw new AppError('DOSSIER_CHANGED');
    return {
      changes: { status: DossierStatus.Withdrawn, paused_at: null, ...finish(input), ...LEAVE_WORKFLOW },
      details: {},
      leavesStep: false,
      ...(feeDue ? { audit: { paymentOrder: 'cancelled' } } : {}),
    };
  },

  apologise(input) {
    const reason = required(input.body.reason, 'reason', input.language);
    const newDueAt = input.body.newDueAt !== undefined ? new Date(input.body.newDueAt) : input.proposedDueAt;
    const current = input.row.due_at;
    const later = (date: Date) => date.getTime() > Math.max(new Date(current ?? 0).getTime(), input.now.getTime());
    if (!newDueAt || !current || Number.isNaN(newDueAt.getTime()) || !later(newDueAt)) throw invalid('newDueAt', input.language);
    return {
      changes: { due_at: newDueAt.toISOString() },
      details: { reason, previousDueAt: current, newDueAt: newDueAt.toISOString() },
      leavesStep: false,
      notice: { kind: 'apology', reason, dueAt: newDueAt },
    };
  },

  return_result(input) {
    return {
      changes: { status: DossierStatus.Returned, returned_at: input.now.toISOString(), ...LEAVE_WORKFLOW },
      details: {},
      leavesStep: false,
    };
  },
};
