import type { Actor } from '../../platform/auth/actor.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { WorkingCalendar } from '../../platform/calendar/working-calendar.js';
import type { Db, Executor } from '../../platform/database/database.js';
import type { DossierRow } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { ProcedureDocument } from '../procedures/procedures.schema.js';
import { getWorkingCalendar } from '../calendar/unit-calendar.js';
import { viewDossier, type DossierViewer } from './dossier-access.js';
import type { DossierDetail } from './dossiers.schema.js';
import { findDossier, findRating, getProcedureDocument, listComponents, listEvents, unitsById } from './dossiers.repository.js';
import { forecastDueAt, openTimeliness, toDetail } from './present-dossier.js';
import { allowedActions } from './workflow.js';

/** Everything an action or a read needs that does not change with the dossier's state, loaded before any transaction. */
export interface DossierSetting {
  document: ProcedureDocument;
  calendar: WorkingCalendar;
}

export async function loadSetting(db: Db, row: Pick<DossierRow, 'procedure_code' | 'procedure_version' | 'unit_id'>): Promise<DossierSetting> {
  const document = await getProcedureDocument(db, db, row.procedure_code, Number(row.procedure_version));
  // The competent unit's calendar: its office hours and the province's holidays decide the deadlines.
  const calendar = await getWorkingCalendar(db, row.unit_id);
  return { document, calendar };
}

/** The actions the viewer may take now, and the proposed new appointment when the dossier is likely to be late. */
export function actionsFor(row: DossierRow, setting: DossierSetting, viewer: DossierViewer, now: Date) {
  const proposedDueAt = forecastDueAt(setting.calendar, setting.document, row, now);
  const overdue = row.due_at !== null && row.due_at < now.toISOString();
  return { proposedDueAt, allowed: allowedActions(row, setting.document, viewer, proposedDueAt !== null || overdue) };
}

export async function buildDetail(executor: Executor, viewer: DossierViewer, row: DossierRow, setting: DossierSetting, now = new Date()): Promise<DossierDetail> {
  const [events, components, rating] = await Promise.all([listEvents(executor, row.id), listComponents(executor, row.id), findRating(executor, row.id)]);
  const unitIds = [row.unit_id, row.receiving_unit_id, ...events.map((e) => e.unit_id).filter((id): id is number => id !== null)];
  const units = await unitsById(executor, unitIds.map(Number));
  const { proposedDueAt, allowed } = actionsFor(row, setting, viewer, now);
  return toDetail({
    row,
    document: setting.document,
    units,
    events,
    components,
    rating,
    allowedActions: allowed,
    proposedDueAt,
    timeliness: openTimeliness(row, now, setting.calendar.addWorkingDays(now, 2)),
  });
}

/**
 * A dossier as the caller may see it; 404 for anyone who may not (another citizen's dossier). Officials' reads of
 * the applicant's personal data are audited (style guide: every read of personal data).
 */
export async function getDossier(db: Db, context: AuditContext, actor: Actor, code: string): Promise<DossierDetail> {
  const row = await findDossier(db, code);
  if (!row) throw new AppError('NOT_FOUND');
  const viewer = await viewDossier(db, actor, row);
  if (!viewer.mayRead) throw new AppError('NOT_FOUND');
  const setting = await loadSetting(db, row);
  if (viewer.isApplicant) return buildDetail(db, viewer, row, setting);
  return db.transaction().execute(async (tx) => {
    await recordAudit(tx, context, { action: 'dossier.read', entityType: 'dossier', entityId: row.code, unitId: row.unit_id });
    return buildDetail(tx, viewer, row, setting);
  });
}
