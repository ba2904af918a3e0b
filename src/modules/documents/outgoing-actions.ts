import { enqueue } from '../../platform/outbox/outbox.js';
import { notify } from '../notifications/notify.js';
import { invalidField, requireField, type ActionHandler, type ActionInput } from './action-types.js';
import { getOfficials } from './document-people.js';
import { DocumentStatus } from './document-status.js';
import { isConfidential } from './document-vocabulary.js';
import { getUnit, grantAccess, insertEvent } from './documents.repository.js';
import { draftingDivision, draftVersionFile, notationOf } from './draft-files.js';
import { toPlacesOf } from './present-document.js';

export const DOCUMENT_RECALL_TOPIC = 'document.recall';

async function tellUsers(input: ActionInput, userIds: number[], subject: string, body: string): Promise<void> {
  const confidential = isConfidential(input.row.confidentiality);
  for (const userId of new Set(userIds)) {
    await notify(input.tx, {
      userId,
      subject,
      // A confidential document's subject stays out of inboxes and e-mails.
      body: confidential ? 'Một văn bản mật cần bạn xử lý. (A confidential document needs your action.)' : `${input.row.subject}\n${body}`,
      link: `${input.deps.config.publicUrl}/office/documents/${input.row.id}`,
      email: !confidential,
    });
  }
}

const addVersion: ActionHandler = async (input) => {
  const { tx, row, body, actor, now, language } = input;
  const versionNo = Number(row.current_version_no) + 1;
  const unit = await getUnit(tx, Number(row.unit_id));
  const signer = await tx.selectFrom('users').select(['full_name', 'title']).where('id', '=', row.signer_user_id ?? -1).executeTakeFirst();
  const fileId = await draftVersionFile(
    tx,
    input.deps,
    actor,
    language,
    { fileId: body.fileId, body: body.body },
    {
      unitId: Number(row.unit_id),
      typeCode: row.type_code,
      notation: notationOf(row.type_code, unit, await draftingDivision(tx, row.created_by, Number(row.unit_id))),
      subject: row.subject,
      signer: { fullName: signer?.full_name ?? '', title: signer?.title ?? null },
      recipients: toPlacesOf(row),
      at: now,
    },
    versionNo,
  );
  await tx.insertInto('document_versions').values({ document_id: row.id, version_no: versionNo, file_id: fileId, note: body.note ?? null, created_by: actor.userId, created_at: now.toISOString() }).execute();
  return { changes: { current_version_no: versionNo, main_file_id: fileId }, details: { versionNo } };
};

const submit: ActionHandler = async (input) => {
  const { tx, row, body, actor, now, language } = input;
  const reviewers = await getOfficials(tx, (body.reviewerIds ?? []).filter((id) => id !== actor.userId), 'reviewerIds', language);
  if (reviewers.length === 0) return { changes: { status: DocumentStatus.FormatCheck }, details: { reviewerIds: [] } };
  const at = now.toISOString();
  for (const reviewer of reviewers) {
    await tx
      .insertInto('document_reviews')
      .values({ document_id: row.id, reviewer_id: reviewer.id, kind: 'content', status: 'pending', version_no: Number(row.current_version_no), comment: null, requested_by: actor.userId, requested_at: at, decided_at: null })
      .execute();
  }
  if (isConfidential(row.confidentiality)) await grantAccess(tx, Number(row.id), reviewers.map((r) => r.id), actor.userId, at);
  await tellUsers(input, reviewers.map((r) => r.id), 'Có dự thảo văn bản cần bạn thẩm định', 'Vui lòng cho ý kiến thẩm định. (Please review this draft.)');
  return { changes: { status: DocumentStatus.InReview }, details: { reviewerIds: reviewers.map((r) => r.id) } };
};

const review: ActionHandler = async (input) => {
  const { tx, row, body, actor, now, language } = input;
  const decision = requireField(body.decision, 'decision', language);
  if (decision !== 'approve' && decision !== 'request_changes') throw badDecision('decision', language);
  const at = now.toISOString();
  await tx
    .updateTable('document_reviews')
    .set({ status: decision === 'approve' ? 'approved' : 'changes_requested', comment: body.comment ?? null, decided_at: at })
    .where('document_id', '=', row.id)
    .where('reviewer_id', '=', actor.userId)
    .where('status', '=', 'pending')
    .execute();
  if (body.comment) await tx.insertInto('document_comments').values({ document_id: row.id, author_id: actor.userId, body: body.comment, version_no: Number(row.current_version_no), created_at: at }).execute();
  if (decision === 'request_changes') {
    // One change request sends the draft back; the other reviewers review the next version.
    await tx.updateTable('document_reviews').set({ status: 'withdrawn', decided_at: at }).where('document_id', '=', row.id).where('status', '=', 'pending').execute();
    if (row.created_by !== null) await tellUsers(input, [Number(row.created_by)], 'Dự thảo văn bản cần chỉnh sửa', body.comment ?? '');
    return { changes: { status: DocumentStatus.Drafting }, details: { decision } };
  }
  const pending = await tx.selectFrom('document_reviews').select('id').where('document_id', '=', row.id).where('status', '=', 'pending').executeTakeFirst();
  return { changes: pending ? {} : { status: DocumentStatus.FormatCheck }, details: { decision } };
};

const formatCheck: ActionHandler = async (input) => {
  const { tx, row, body, actor, now, language } = input;
  const decision = requireField(body.decision, 'decision', language);
  if (decision !== 'pass' && decision !== 'return') throw badDecision('decision', language);
  const at = now.toISOString();
  await tx
    .insertInto('document_reviews')
    .values({ document_id: row.id, reviewer_id: actor.userId, kind: 'format', status: decision === 'pass' ? 'approved' : 'changes_requested', version_no: Number(row.current_version_no), comment: body.comment ?? null, requested_by: actor.userId, requested_at: at, decided_at: at })
    .execute();
  if (decision === 'return') {
    if (row.created_by !== null) await tellUsers(input, [Number(row.created_by)], 'Dự thảo văn bản chưa đúng thể thức', body.comment ?? '');
    return { changes: { status: DocumentStatus.Drafting }, details: { decision } };
  }
  if (row.signer_user_id !== null) await tellUsers(input, [Number(row.signer_user_id)], 'Có văn bản chờ bạn ký', 'Văn bản đã qua kiểm tra thể thức. (A document awaits your signature.)');
  return { changes: { status: DocumentStatus.ToSign }, details: { decision } };
};

const returnToDrafting: ActionHandler = async (input) => {
  const { tx, row, body, actor, now, language } = input;
  const comment = requireField(body.comment, 'comment', language);
  await tx.insertInto('document_comments').values({ document_id: row.id, author_id: actor.userId, body: comment, version_no: Number(row.current_version_no), created_at: now.toISOString() }).execute();
  if (row.created_by !== null) await tellUsers(input, [Number(row.created_by)], 'Người ký trả lại dự thảo văn bản', comment);
  return { changes: { status: DocumentStatus.Drafting }, details: {} };
};

/**
 * Thu hồi: the issued document is frozen; copies delivered inside this instance become `recalled` (their clerk confirms
 * destruction), copies sent to other instances get a recall message through the outbox.
 */
const recall: ActionHandler = async (input) => {
  const { tx, row, body, actor, now, language } = input;
  const reason = requireField(body.reason, 'reason', language);
  const at = now.toISOString();
  const recipients = await tx.selectFrom('document_recipients').selectAll().where('document_id', '=', row.id).execute();
  for (const recipient of recipients) {
    if (recipient.incoming_document_id !== null) {
      const copy = await tx.selectFrom('documents').select(['id', 'status', 'version']).where('id', '=', recipient.incoming_document_id).executeTakeFirstOrThrow();
      if (copy.status !== DocumentStatus.Destroyed && copy.status !== DocumentStatus.Recalled) {
        await tx.updateTable('documents').set({ status: DocumentStatus.Recalled, recalled_at: at, recall_reason: reason, updated_at: at, version: Number(copy.version) + 1 }).where('id', '=', copy.id).execute();
        await insertEvent(tx, { documentId: Number(copy.id), action: 'recall', fromStatus: copy.status, toStatus: DocumentStatus.Recalled, actorId: actor.userId, actorName: actor.fullName, details: { reason, sourceDocumentId: Number(row.id) }, at });
      }
    } else {
      await enqueue(tx, DOCUMENT_RECALL_TOPIC, { recipientId: Number(recipient.id) }, { dedupeKey: `document.recall:${recipient.id}` });
    }
    await tx.updateTable('document_recipients').set({ status: 'recalled', status_at: at }).where('id', '=', recipient.id).execute();
  }
  return { changes: { status: DocumentStatus.Recalled, recalled_at: at, recall_reason: reason }, details: { reason } };
};

const comment: ActionHandler = async (input) => {
  const { tx, row, body, actor, now, language } = input;
  const text = requireField(body.body, 'body', language);
  await tx.insertInto('document_comments').values({ document_id: row.id, author_id: actor.userId, body: text, version_no: Number(row.current_version_no) || null, created_at: now.toISOString() }).execute();
  return { changes: {}, details: {} };
};

const grant: ActionHandler = async (input) => {
  const { tx, row, body, actor, now, language } = input;
  const userId = requireField(body.userId, 'userId', language);
  await getOfficials(tx, [userId], 'userId', language);
  await grantAccess(tx, Number(row.id), [userId], actor.userId, now.toISOString());
  return { changes: {}, details: { userId } };
};

const BAD_DECISION = { vi: 'Quyết định không hợp lệ cho thao tác này.', en: 'This decision does not fit the action.' } as const;
function badDecision(field: string, language: 'vi' | 'en') {
  return invalidField(field, BAD_DECISION, language);
}

export const OUTGOING_HANDLERS = { add_version: addVersion, submit, review, format_check: formatCheck, return: returnToDrafting, recall };
export const COMMON_HANDLERS = { comment, grant_access: grant };
