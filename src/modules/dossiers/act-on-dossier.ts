import type { Actor } from '../../platform/auth/actor.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/database/database.js';
import type { DossierRow } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import { withIdempotency, type IdempotentResult } from '../../platform/http/idempotency.js';
import type { Language } from '../../platform/i18n/language.js';
import { ACTION_HANDLERS } from './action-handlers.js';
import { viewDossier, type DossierViewer } from './dossier-access.js';
import { actionsFor, buildDetail, loadSetting, type DossierSetting } from './dossier-detail.js';
import { ACTION_LABELS, STATUS_LABELS, type DossierStatusCode } from './dossier-status.js';
import type { ActionBody, DossierDetail } from './dossiers.schema.js';
import { findDossier } from './dossiers.repository.js';
import { recordOutcome } from './record-outcome.js';

export interface ActRequest {
  context: AuditContext;
  actor: Actor;
  code: string;
  body: ActionBody;
  language: Language;
  idempotencyKey: string | undefined;
  publicUrl: string;
}

/** Step units named by code in the workflow, resolved once (the workflow rarely names any). */
async function stepUnits(db: Db, setting: DossierSetting): Promise<Map<string, number>> {
  const codes = setting.document.workflow.steps.map((s) => s.unitCode).filter((c): c is string => c !== undefined);
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'code']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, Number(r.id)]));
}

/**
 * One action on a dossier (domain.md §4), in one transaction with its history event, audit entry and notices; an
 * action the caller may not take now answers 409 naming the ones they may take, a dossier they may not see 404.
 */
export async function actOnDossier(db: Db, request: ActRequest): Promise<IdempotentResult<DossierDetail>> {
  const { actor, code, body } = request;
  const first = await findDossier(db, code);
  if (!first) throw new AppError('NOT_FOUND');
  const setting = await loadSetting(db, first);
  const units = await stepUnits(db, setting);
  const scope = `POST /api/dossiers/${code}/actions`;
  return withIdempotency(db, { userId: actor.userId, key: request.idempotencyKey, scope, body }, async (tx) => {
    const row = await findDossier(tx, code);
    if (!row) throw new AppError('NOT_FOUND');
    const viewer = await viewDossier(tx, actor, row);
    if (!viewer.mayRead) throw new AppError('NOT_FOUND');
    const now = new Date();
    const { allowed, proposedDueAt } = actionsFor(row, setting, viewer, now);
    const action = allowed.find((a) => a === body.action);
    if (!action) throw notAllowed(row, body.action, allowed, request.language);
    const outcome = await ACTION_HANDLERS[action]({
      tx,
      row,
      document: setting.document,
      calendar: setting.calendar,
      actor,
      body,
      now,
      language: request.language,
      unitIdOfCode: (unitCode: string) => units.get(unitCode),
      proposedDueAt,
    });
    const updated = await recordOutcome(tx, row, outcome, {
      context: request.context,
      actor,
      action,
      note: body.note,
      unitId: actingUnit(viewer, row),
      document: setting.document,
      calendar: setting.calendar,
      now,
      publicUrl: request.publicUrl,
    });
    return { statusCode: 200, body: await buildDetail(tx, viewer, updated, setting, now) };
  });
}

/** The unit an official acted for: the step's unit, else the competent or receiving unit they hold a role on. */
function actingUnit(viewer: DossierViewer, row: DossierRow): number | null {
  if (viewer.isApplicant) return null;
  return [row.current_unit_id, row.unit_id, row.receiving_unit_id].find((id) => id !== null && viewer.rolesAt(id).size > 0) ?? row.current_unit_id;
}

function notAllowed(row: DossierRow, action: string, allowed: string[], language: 'vi' | 'en'): AppError {
  const label = (a: string) => ACTION_LABELS[a as keyof typeof ACTION_LABELS]?.[language] ?? a;
  return new AppError(
    'ACTION_NOT_ALLOWED',
    {
      action: label(action),
      status: STATUS_LABELS[row.status as DossierStatusCode][language],
      allowed: allowed.length > 0 ? allowed.map(label).join(', ') : language === 'vi' ? 'không có' : 'none',
    },
    undefined,
    { allowedActions: allowed },
  );
}
