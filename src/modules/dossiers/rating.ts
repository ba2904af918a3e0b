import type { Actor } from '../../platform/auth/actor.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { viewDossier } from './dossier-access.js';
import { DossierEventKind, DossierStatus } from './dossier-status.js';
import type { Rating, RatingBody } from './dossiers.schema.js';
import { findDossier, findRating, insertEvent, updateDossier } from './dossiers.repository.js';

/**
 * The applicant rates the service once, after the result is returned (domain.md §4 "Rating"; it feeds index
 * group 5). The rating is part of the dossier's history and audited; a second rating is refused (409).
 */
export async function rateDossier(db: Db, context: AuditContext, actor: Actor, code: string, body: RatingBody): Promise<Rating> {
  return db.transaction().execute(async (tx) => {
    const row = await findDossier(tx, code);
    if (!row) throw new AppError('NOT_FOUND');
    const viewer = await viewDossier(tx, actor, row);
    if (!viewer.mayRead) throw new AppError('NOT_FOUND');
    if (!viewer.isApplicant) throw new AppError('FORBIDDEN');
    if (await findRating(tx, row.id)) throw new AppError('ALREADY_RATED');
    if (row.status !== DossierStatus.Returned) throw new AppError('RATING_NOT_OPEN');
    const at = new Date().toISOString();
    const comment = body.comment?.trim() || null;
    // A concurrent second rating loses on the primary key (it waits for the first to commit on PostgreSQL).
    const inserted = await tx
      .insertInto('dossier_ratings')
      .values({ dossier_id: row.id, score: body.score, comment, rated_by: actor.userId, at })
      .onConflict((oc) => oc.column('dossier_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new AppError('ALREADY_RATED');
    const seq = Number(row.last_seq) + 1;
    await updateDossier(tx, row.id, Number(row.last_seq), { last_seq: seq });
    await insertEvent(tx, {
      dossier_id: row.id,
      seq,
      action: DossierEventKind.Rate,
      from_status: row.status,
      to_status: row.status,
      actor_id: actor.userId,
      actor_name: actor.fullName,
      unit_id: null,
      at,
      note: comment,
      details: JSON.stringify({ score: body.score }),
    });
    await recordAudit(tx, context, { action: 'dossier.rate', entityType: 'dossier', entityId: row.code, unitId: row.unit_id, summary: { score: body.score } });
    return { score: body.score, comment, at };
  });
}
