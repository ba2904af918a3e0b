import { Type, type Static } from '@sinclair/typebox';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findProcedureHead } from '../procedures/procedures.repository.js';
import { Attachment } from './dossiers.schema.js';

export const DraftBody = Type.Object(
  {
    procedureCode: Type.String({ minLength: 1, maxLength: 50 }),
    form: Type.Record(Type.String(), Type.Unknown()),
    attachments: Type.Array(Attachment, { maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type DraftBody = Static<typeof DraftBody>;

export const DraftParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const Draft = Type.Object({
  id: Type.Integer(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  form: Type.Record(Type.String(), Type.Unknown()),
  attachments: Type.Array(Attachment),
  updatedAt: Type.String(),
});
export type Draft = Static<typeof Draft>;

export const DraftList = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), procedureCode: Type.String(), procedureName: Type.String(), updatedAt: Type.String() })),
});
export type DraftList = Static<typeof DraftList>;

/** A citizen keeps a bounded number of drafts: enough for real work, not a free file store. */
const MAX_DRAFTS = 50;

/*
 * Drafts (hồ sơ lưu nháp) are the citizen's own unfinished filings: not validated against the form (work in
 * progress), visible to nobody else, not audited (no state change of a public record), removed when filed.
 */

export async function listDrafts(db: Db, actor: Actor): Promise<DraftList> {
  const rows = await db
    .selectFrom('dossier_drafts')
    .innerJoin('procedures', 'procedures.code', 'dossier_drafts.procedure_code')
    .select(['dossier_drafts.id', 'dossier_drafts.procedure_code', 'procedures.name', 'dossier_drafts.updated_at'])
    .where('dossier_drafts.owner_user_id', '=', actor.userId)
    .orderBy('dossier_drafts.updated_at', 'desc')
    .execute();
  return { items: rows.map((r) => ({ id: Number(r.id), procedureCode: r.procedure_code, procedureName: r.name, updatedAt: r.updated_at })) };
}

export async function getDraft(db: Db, actor: Actor, id: number): Promise<Draft> {
  const row = await db
    .selectFrom('dossier_drafts')
    .innerJoin('procedures', 'procedures.code', 'dossier_drafts.procedure_code')
    .select(['dossier_drafts.id', 'dossier_drafts.procedure_code', 'procedures.name', 'dossier_drafts.form', 'dossier_drafts.attachments', 'dossier_drafts.updated_at'])
    .where('dossier_drafts.id', '=', id)
    .where('dossier_drafts.owner_user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return {
    id: Number(row.id),
    procedureCode: row.procedure_code,
    procedureName: row.name,
    form: JSON.parse(row.form),
    attachments: JSON.parse(row.attachments),
    updatedAt: row.updated_at,
  };
}

export async function saveDraft(db: Db, actor: Actor, body: DraftBody, id?: number): Promise<Draft> {
  if (actor.kind !== 'citizen') throw new AppError('FORBIDDEN');
  if (!(await findProcedureHead(db, body.procedureCode))) throw new AppError('NOT_FOUND');
  const now = new Date().toISOString();
  const values = { procedure_code: body.procedureCode, form: JSON.stringify(body.form), attachments: JSON.stringify(body.attachments), updated_at: now };
  const draftId = await db.transaction().execute(async (tx) => {
    if (id !== undefined) {
      const updated = await tx.updateTable('dossier_drafts').set(values).where('id', '=', id).where('owner_user_id', '=', actor.userId).executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError('NOT_FOUND');
      return id;
    }
    const count = await tx.selectFrom('dossier_drafts').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_user_id', '=', actor.userId).executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_DRAFTS) throw new AppError('CONFLICT');
    const row = await tx.insertInto('dossier_drafts').values({ ...values, owner_user_id: actor.userId, created_at: now }).returning('id').executeTakeFirstOrThrow();
    return Number(row.id);
  });
  return getDraft(db, actor, draftId);
}

export async function deleteDraft(db: Db, actor: Actor, id: number): Promise<void> {
  const result = await db.deleteFrom('dossier_drafts').where('id', '=', id).where('owner_user_id', '=', actor.userId).executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) throw new AppError('NOT_FOUND');
}
