import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/database/database.js';
import type { DocumentRow } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import { allowedActions } from './allowed-actions.js';
import { viewDocument, type DocumentViewer } from './document-access.js';
import { isConfidential } from './document-vocabulary.js';
import type { DocumentDetail } from './documents.schema.js';
import { findDocument, userNames } from './documents.repository.js';
import { fileRef, metadataOf, numberNotationOf, summaryContext, toSummary } from './present-document.js';

export async function buildDetail(db: Executor, viewer: DocumentViewer, row: DocumentRow, language: Language): Promise<DocumentDetail> {
  const id = Number(row.id);
  const [context, versions, attachments, comments, reviews, assignments, recipients, signatures, events, replies] = await Promise.all([
    summaryContext(db, [row], viewer.actor.userId, language),
    db
      .selectFrom('document_versions')
      .innerJoin('files', 'files.id', 'document_versions.file_id')
      .select(['document_versions.version_no', 'document_versions.note', 'document_versions.created_by', 'document_versions.created_at', 'files.id', 'files.original_name', 'files.size', 'files.media_type'])
      .where('document_versions.document_id', '=', id)
      .orderBy('document_versions.version_no')
      .execute(),
    db
      .selectFrom('document_attachments')
      .innerJoin('files', 'files.id', 'document_attachments.file_id')
      .select(['document_attachments.name', 'files.id', 'files.original_name', 'files.size', 'files.media_type'])
      .where('document_attachments.document_id', '=', id)
      .orderBy('document_attachments.id')
      .execute(),
    db.selectFrom('document_comments').selectAll().where('document_id', '=', id).orderBy('id').execute(),
    db.selectFrom('document_reviews').selectAll().where('document_id', '=', id).orderBy('id').execute(),
    db.selectFrom('document_assignments').selectAll().where('document_id', '=', id).orderBy('id').execute(),
    db.selectFrom('document_recipients').selectAll().where('document_id', '=', id).orderBy('id').execute(),
    db.selectFrom('document_signatures').selectAll().where('document_id', '=', id).orderBy('id').execute(),
    db.selectFrom('document_events').selectAll().where('document_id', '=', id).orderBy('id').execute(),
    db.selectFrom('documents').select(['id', 'subject', 'code_number', 'code_notation']).where('in_reply_to_id', '=', id).orderBy('id').execute(),
  ]);
  const names = await userNames(db, [
    ...versions.map((v) => v.created_by),
    ...comments.map((c) => c.author_id),
    ...reviews.map((r) => r.reviewer_id),
    ...assignments.map((a) => a.user_id),
    row.signer_user_id,
  ]);
  const nameOf = (userId: number | null) => (userId === null ? '' : (names.get(Number(userId))?.fullName ?? ''));
  const mainFile = row.main_file_id ? await db.selectFrom('files').selectAll().where('id', '=', row.main_file_id).executeTakeFirst() : undefined;
  const inReplyTo = row.in_reply_to_id === null ? undefined : await db.selectFrom('documents').select(['id', 'subject', 'code_number', 'code_notation']).where('id', '=', row.in_reply_to_id).executeTakeFirst();
  const workFile = row.work_file_id === null ? undefined : await db.selectFrom('work_files').select(['year', 'notation']).where('id', '=', row.work_file_id).executeTakeFirst();
  const ref = (d: { id: number; subject: string; code_number: string | null; code_notation: string | null }) => ({ id: Number(d.id), subject: d.subject, numberNotation: numberNotationOf(d) });
  return {
    ...toSummary(row, context),
    metadata: metadataOf(row, context.units.get(Number(row.unit_id)), workFile ? { year: Number(workFile.year), notation: workFile.notation } : undefined),
    mainFile: mainFile ? fileRef(id, mainFile) : null,
    attachments: attachments.map((a) => fileRef(id, a, a.name)),
    versions: versions.map((v) => ({ versionNo: Number(v.version_no), file: fileRef(id, v), note: v.note, createdBy: v.created_by === null ? null : nameOf(v.created_by), createdAt: v.created_at })),
    comments: comments.map((c) => ({ id: Number(c.id), author: nameOf(c.author_id), body: c.body, versionNo: c.version_no === null ? null : Number(c.version_no), createdAt: c.created_at })),
    reviews: reviews.map((r) => ({
      id: Number(r.id),
      reviewer: nameOf(r.reviewer_id),
      reviewerId: Number(r.reviewer_id),
      kind: r.kind,
      status: r.status,
      versionNo: Number(r.version_no),
      comment: r.comment,
      decidedAt: r.decided_at,
    })),
    assignments: assignments.map((a) => ({
      id: Number(a.id),
      userId: Number(a.user_id),
      userName: nameOf(a.user_id),
      role: a.role,
      deadline: a.deadline,
      instructions: a.instructions,
      status: a.status,
      doneAt: a.done_at,
      note: a.note,
    })),
    recipients: recipients.map((r) => ({ id: Number(r.id), unitId: r.unit_id === null ? null : Number(r.unit_id), organId: r.organ_id, name: r.name, channel: r.channel, status: r.status, statusAt: r.status_at })),
    signatures: signatures.map((s) => ({ kind: s.kind, signerName: s.signer_name, organisation: s.organisation, signedAt: s.signed_at })),
    events: events.map((e) => ({ action: e.action, fromStatus: e.from_status, toStatus: e.to_status, actorName: e.actor_name, at: e.at, details: JSON.parse(e.details) as Record<string, unknown> })),
    inReplyTo: inReplyTo ? ref(inReplyTo) : null,
    replies: replies.map(ref),
    signerUserId: row.signer_user_id === null ? null : Number(row.signer_user_id),
    signerName: row.signer_user_id === null ? row.signer_name : nameOf(row.signer_user_id),
    allowedActions: allowedActions(row, viewer),
    version: Number(row.version),
  };
}

/**
 * A document the caller may read, or 404. A refused read and every read of a confidential document are audited, so
 * the records show who looked (Law on State Secrets 2018; contract: `document.read_denied`, `document.read`).
 */
export async function getReadableDocument(db: Db, context: AuditContext, actor: Actor, id: number, purpose: string): Promise<{ row: DocumentRow; viewer: DocumentViewer }> {
  const row = await findDocument(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const viewer = await viewDocument(db, actor, row);
  if (!viewer.mayRead) {
    await db.transaction().execute((tx) =>
      recordAudit(tx, context, { action: 'document.read_denied', entityType: 'document', entityId: id, unitId: Number(row.unit_id), summary: { purpose } }),
    );
    throw new AppError('NOT_FOUND');
  }
  if (isConfidential(row.confidentiality)) {
    await db.transaction().execute((tx) =>
      recordAudit(tx, context, { action: 'document.read', entityType: 'document', entityId: id, unitId: Number(row.unit_id), summary: { purpose, confidentiality: row.confidentiality } }),
    );
  }
  return { row, viewer };
}

export async function getDocument(db: Db, context: AuditContext, actor: Actor, id: number, language: Language): Promise<DocumentDetail> {
  const { row, viewer } = await getReadableDocument(db, context, actor, id, 'detail');
  return buildDetail(db, viewer, row, language);
}
