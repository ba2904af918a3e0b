import type { Actor } from '../../platform/auth/actor.js';
import { requirePermission } from '../../platform/auth/access.js';
import { Permission } from '../../platform/auth/roles.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { findDayNumber, MS_PER_DAY, toInstant, VIETNAM_TIME_ZONE } from '../../platform/calendar/local-time.js';
import type { Db } from '../../platform/database/database.js';
import type { DossierRow } from '../../platform/database/schema.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import { renderDossierRegister, type RegisterEntry } from '../forms/index.js';
import { asTimeliness, formApplicant, issuerOf } from './dossier-forms.js';
import { STATUS_LABELS, type DossierStatusCode } from './dossier-status.js';
import { findUnitByCode, unitsById } from './dossiers.repository.js';

export interface RegisterRequest {
  context: AuditContext;
  actor: Actor;
  unitCode: string;
  /** Local dates yyyy-MM-dd (Asia/Ho_Chi_Minh), both included. */
  from: string;
  to: string;
  language: Language;
}

/** A register is printed per month, quarter or year; one year (a leap year's 366 days) is the longest period. */
const MAX_PERIOD_DAYS = 366;

const PERIOD_MESSAGES = {
  order: { vi: 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.', en: 'The end date must not be before the start date.' },
  length: { vi: `Kỳ theo dõi dài tối đa ${MAX_PERIOD_DAYS} ngày.`, en: `The period may be at most ${MAX_PERIOD_DAYS} days long.` },
  date: { vi: 'Ngày không hợp lệ (định dạng yyyy-MM-dd).', en: 'Not a valid date (yyyy-MM-dd).' },
} as const;

/** The period as UTC instants: from local midnight of `from` to local midnight after `to`. */
function periodOf(request: RegisterRequest): { start: Date; end: Date } {
  const invalid = (path: string, message: { vi: string; en: string }) => new AppError('VALIDATION_FAILED', {}, [{ path, message: message[request.language] } satisfies FieldError]);
  const first = findDayNumber(request.from);
  if (first === undefined) throw invalid('/query/from', PERIOD_MESSAGES.date);
  const last = findDayNumber(request.to);
  if (last === undefined) throw invalid('/query/to', PERIOD_MESSAGES.date);
  if (last < first) throw invalid('/query/to', PERIOD_MESSAGES.order);
  if (last - first + 1 > MAX_PERIOD_DAYS) throw invalid('/query/to', PERIOD_MESSAGES.length);
  return { start: toInstant({ day: first, msOfDay: 0 }, VIETNAM_TIME_ZONE), end: toInstant({ day: last + 1, msOfDay: 0 }, VIETNAM_TIME_ZONE) };
}

const NOTED_STATUSES: DossierStatusCode[] = ['supplement_requested', 'withdrawn', 'stopped'];

function entryOf(row: DossierRow, leadUnitName: string): RegisterEntry {
  const applicant = formApplicant(row);
  const status = row.status as DossierStatusCode;
  const resultAt = row.finished_at ?? row.paused_at;
  return {
    dossierCode: row.code,
    procedureName: row.procedure_name,
    dossierSets: 1,
    applicantName: applicant.fullName,
    applicantContact: [applicant.address, applicant.phone].filter(Boolean).join(', '),
    leadUnitName,
    receivedAt: new Date(row.received_at!),
    // The appointment as it stands (moved by supplement pauses and apologies), the one the dossier is judged by.
    appointmentAt: new Date(row.due_at ?? row.original_due_at ?? row.received_at!),
    ...(resultAt ? { resultAt: new Date(resultAt) } : {}),
    ...(row.returned_at ? { returnedAt: new Date(row.returned_at) } : {}),
    ...(asTimeliness(row.timeliness) ? { timeliness: asTimeliness(row.timeliness) } : {}),
    ...(NOTED_STATUSES.includes(status) ? { note: STATUS_LABELS[status].vi } : {}),
  };
}

/**
 * Mẫu số 06 — sổ theo dõi hồ sơ of one unit for a period (Circular 01/2018): the dossiers it received (as the
 * one-stop desk) or handles (as the competent unit), received within the period's local dates. Officials with
 * dossier rights on the unit only (403 otherwise; an unknown unit is 404); the read of applicants' names and
 * contacts is audited.
 */
export async function renderRegister(db: Db, request: RegisterRequest): Promise<Buffer> {
  const unit = await findUnitByCode(db, request.unitCode);
  if (!unit) throw new AppError('NOT_FOUND');
  await requirePermission(db, request.actor, Permission.DossierRead, unit.id);
  const { start, end } = periodOf(request);
  const rows = await db
    .selectFrom('dossiers')
    .selectAll()
    .where((eb) => eb.or([eb('receiving_unit_id', '=', unit.id), eb('unit_id', '=', unit.id)]))
    .where('received_at', '>=', start.toISOString())
    .where('received_at', '<', end.toISOString())
    .orderBy('received_at')
    .orderBy('code')
    .execute();
  const units = await unitsById(db, rows.map((r) => r.unit_id));
  const entries = rows.map((row) => entryOf(row, units.get(row.unit_id)?.name ?? ''));
  const pdf = await renderDossierRegister({
    ...(await issuerOf(db, unit.id, new Date())),
    periodFrom: start,
    periodTo: new Date(end.getTime() - MS_PER_DAY),
    entries,
  });
  await db.transaction().execute((tx) =>
    recordAudit(tx, request.context, {
      action: 'dossier.register.read',
      entityType: 'unit',
      entityId: unit.code,
      unitId: unit.id,
      summary: { from: request.from, to: request.to, dossiers: rows.length },
    }),
  );
  return pdf;
}
