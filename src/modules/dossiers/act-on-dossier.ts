import type { Actor } from '../../platform/auth/actor.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Tx } from '../../platform/database/database.js';
import type { DossierRow } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import { withIdempotency, type IdempotentResult } from '../../platform/http/idempotency.js';
import type { Language } from '../../platform/i18n/language.js';
import { ACTION_HANDLERS } from './action-handlers.js';
import { insertComponents, storeForApplicant } from './attachments.js';
import { timelinessOf } from './deadlines.js';
import { viewDossier, type DossierViewer } from './dossier-access.js';
import { actionsFor, buildDetail, loadSetting, type DossierSetting } from './dossier-detail.js';
import { noticeApplicant } from './dossier-notices.js';
import { ACTION_LABELS, STATUS_LABELS, type DossierStatusCode } from './dossier-status.js';
import type { ActionBody, DossierDetail } from './dossiers.schema.js';
import { findDossier, insertEvent, unitsById, updateDossier } from './dossiers.repository.js';
import { findStep } from './workflow.js';

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
    const seq = Number(row.last_seq) + 1;
    await updateDossier(tx, row.id, Number(row.last_seq), { ...outcome.changes, last_seq: seq });
    const step = findStep(setting.document, row.current_step);
    await insertEvent(tx, {
      dossier_id: row.id,
      seq,
      action: body.action,
      from_status: row.status,
      to_status: outcome.changes.status ?? row.status,
      step_code: row.current_step,
      step_name: step?.name ?? null,
      actor_id: actor.userId,
      actor_name: actor.fullName,
      unit_id: actingUnit(viewer, row),
      at: now.toISOString(),
      note: body.note?.trim() || null,
      details: JSON.stringify(outcome.details),
      step_due_at: outcome.leavesStep ? row.step_due_at : null,
      timeliness: outcome.leavesStep && row.step_due_at ? timelinessOf(setting.calendar, now, new Date(row.step_due_at)) : null,
    });
    if (outcome.components) {
      await insertComponents(tx, row.id, seq, outcome.components);
      await storeForApplicant(tx, row.owner_user_id, row.id, outcome.components);
    }
    if (outcome.resultFileId) await storeResult(tx, row, outcome.resultFileId);
    await recordAudit(tx, request.context, {
      action: `dossier.${body.action}`,
      entityType: 'dossier',
      entityId: row.code,
      unitId: row.unit_id,
      summary: { from: row.status, to: outcome.changes.status ?? row.status, step: row.current_step, toStep: outcome.changes.current_step ?? null },
    });
    if (outcome.notice) {
      const unitName = (await unitsById(tx, [row.unit_id])).get(row.unit_id)?.name ?? '';
      await noticeApplicant(tx, { ...outcome.notice, dossier: row, unitName, publicUrl: request.publicUrl });
    }
    const updated = (await findDossier(tx, code))!;
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

/** An electronic result is the applicant's to keep and reuse (data store, source "result"). */
async function storeResult(tx: Tx, row: DossierRow, fileId: string): Promise<void> {
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
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.columns(['owner_user_id', 'file_id']).doNothing())
    .execute();
}
