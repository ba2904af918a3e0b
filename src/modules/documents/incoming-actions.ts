import { localDateOf, VIETNAM_TIME_ZONE } from '../../platform/calendar/local-time.js';
import type { DocumentUpdate } from '../../platform/database/schema.js';
import { fill } from '../../platform/i18n/language.js';
import { notify } from '../notifications/notify.js';
import { invalidField, requireField, type ActionHandler, type ActionInput } from './action-types.js';
import { findOrCreateBook, localYear, takeNumber } from './document-books.js';
import { getOfficials } from './document-people.js';
import { BookKind, DocumentStatus } from './document-status.js';
import { isConfidential } from './document-vocabulary.js';
import { grantAccess } from './documents.repository.js';
import { refuseDuplicate } from './duplicates.js';
import { numberNotationOf } from './present-document.js';

const LOCAL_TODAY_OR_LATER = { vi: 'Hạn xử lý không được trước ngày hôm nay.', en: 'The deadline cannot be in the past.' } as const;
const WORK_FILE_UNSUITABLE = { vi: 'Hồ sơ công việc không tồn tại, không thuộc đơn vị hoặc đã đóng.', en: 'The work file does not exist, belongs to another unit or is closed.' } as const;
const LEAD_NOT_COORDINATOR = { vi: 'Người chủ trì không đồng thời là người phối hợp.', en: 'The lead handler cannot also be a coordinator.' } as const;

/** Vào sổ văn bản đến: the arrival number from the unit's incoming book of the year (confidential books apart). */
export async function takeArrivalNumber(input: Pick<ActionInput, 'tx' | 'actor' | 'now'>, unitId: number, confidential: boolean) {
  const book = await findOrCreateBook(input.tx, unitId, BookKind.Incoming, confidential, localYear(input.now), input.actor.userId);
  return { bookId: Number(book.id), arrivalNumber: await takeNumber(input.tx, Number(book.id)) };
}

const register: ActionHandler = async (input) => {
  const { tx, row, body, actor, now } = input;
  const c = body.corrections ?? {};
  const corrected: DocumentUpdate = {
    ...(c.typeCode !== undefined ? { type_code: c.typeCode } : {}),
    ...(c.subject !== undefined ? { subject: c.subject } : {}),
    ...(c.codeNumber !== undefined ? { code_number: c.codeNumber } : {}),
    ...(c.codeNotation !== undefined ? { code_notation: c.codeNotation } : {}),
    ...(c.organName !== undefined ? { organ_name: c.organName } : {}),
    ...(c.issuedDate !== undefined ? { issued_date: c.issuedDate } : {}),
    ...(c.urgency !== undefined ? { urgency: c.urgency } : {}),
    ...(c.pageAmount !== undefined ? { page_amount: c.pageAmount } : {}),
    ...(c.dueDate !== undefined ? { due_date: c.dueDate } : {}),
  };
  const codeNumber = corrected.code_number ?? row.code_number;
  const codeNotation = corrected.code_notation ?? row.code_notation;
  if (!body.confirmDuplicate && codeNumber && codeNotation) {
    await refuseDuplicate(tx, Number(row.unit_id), { codeNumber, codeNotation, organId: row.organ_id, organName: corrected.organ_name ?? row.organ_name ?? '' }, Number(row.id));
  }
  const { bookId, arrivalNumber } = await takeArrivalNumber(input, Number(row.unit_id), isConfidential(row.confidentiality));
  await grantAccess(tx, Number(row.id), [actor.userId, ...(body.accessUserIds ?? [])], actor.userId, now.toISOString());
  return {
    changes: { ...corrected, status: DocumentStatus.Registered, book_id: bookId, arrival_number: arrivalNumber, registered_by: actor.userId, registered_at: now.toISOString(), arrival_date: row.arrival_date ?? now.toISOString() },
    details: { arrivalNumber, duplicateConfirmed: body.confirmDuplicate === true, corrections: Object.keys(c) },
  };
};

const assign: ActionHandler = async (input) => {
  const { tx, row, body, actor, now, language } = input;
  const leadUserId = requireField(body.leadUserId, 'leadUserId', language);
  const deadline = requireField(body.deadline, 'deadline', language);
  const coordinatorIds = [...new Set(body.coordinatorUserIds ?? [])];
  if (coordinatorIds.includes(leadUserId)) throw invalidField('coordinatorUserIds', LEAD_NOT_COORDINATOR, language);
  if (deadline < localDateOf(now, VIETNAM_TIME_ZONE)) throw invalidField('deadline', LOCAL_TODAY_OR_LATER, language);
  const [lead] = await getOfficials(tx, [leadUserId], 'leadUserId', language);
  const coordinators = await getOfficials(tx, coordinatorIds, 'coordinatorUserIds', language);
  const at = now.toISOString();
  // A new assignment replaces the open one (the leader re-assigns); finished parts stay in the history.
  await tx.updateTable('document_assignments').set({ status: 'replaced' }).where('document_id', '=', row.id).where('status', '=', 'open').execute();
  const handlers = [{ official: lead, role: 'lead' }, ...coordinators.map((official) => ({ official, role: 'coordinator' }))];
  for (const { official, role } of handlers) {
    await tx
      .insertInto('document_assignments')
      .values({ document_id: row.id, user_id: official.id, role, deadline, instructions: body.instructions ?? null, status: 'open', assigned_by: actor.userId, assigned_at: at, done_at: null, note: null })
      .execute();
  }
  if (isConfidential(row.confidentiality)) await grantAccess(tx, Number(row.id), handlers.map((h) => h.official.id), actor.userId, at);
  const label = numberNotationOf(row) ?? row.subject;
  for (const { official, role } of handlers) {
    await notify(tx, {
      userId: official.id,
      subject: fill('Văn bản {label} được giao cho bạn {role}', { label, role: role === 'lead' ? 'chủ trì xử lý' : 'phối hợp xử lý' }),
      // The subject of a confidential document stays out of inboxes and e-mails.
      body: isConfidential(row.confidentiality)
        ? `Hạn xử lý: ${deadline}. (You have been assigned a document; deadline ${deadline}.)`
        : `${row.subject}\nHạn xử lý: ${deadline}.${body.instructions ? `\nÝ kiến chỉ đạo: ${body.instructions}` : ''}\n(You have been assigned a document; deadline ${deadline}.)`,
      link: `${input.deps.config.publicUrl}/office/documents/${row.id}`,
      email: !isConfidential(row.confidentiality),
    });
  }
  return {
    changes: { status: DocumentStatus.Assigned, due_date: deadline },
    details: { leadUserId, coordinatorUserIds: coordinatorIds, deadline, ...(body.instructions ? { instructions: body.instructions } : {}) },
  };
};

const complete: ActionHandler = async (input) => {
  const { tx, row, viewer, actor, body, now } = input;
  const part = viewer.openAssignment!;
  await tx
    .updateTable('document_assignments')
    .set({ status: 'done', done_at: now.toISOString(), note: body.note ?? null })
    .where('document_id', '=', row.id)
    .where('user_id', '=', actor.userId)
    .where('status', '=', 'open')
    .execute();
  // The lead closes the document; a coordinator only finishes their part.
  if (part !== 'lead') return { changes: {}, details: { part } };
  return { changes: { status: DocumentStatus.Done, completed_at: now.toISOString() }, details: { part } };
};

const file: ActionHandler = async (input) => {
  const { tx, row, body, language } = input;
  const workFileId = requireField(body.workFileId, 'workFileId', language);
  const workFile = await tx.selectFrom('work_files').select(['id', 'unit_id', 'status']).where('id', '=', workFileId).executeTakeFirst();
  if (!workFile || Number(workFile.unit_id) !== Number(row.unit_id) || workFile.status !== 'open') throw invalidField('workFileId', WORK_FILE_UNSUITABLE, language);
  const last = await tx.selectFrom('documents').select((eb) => eb.fn.max('doc_ordinal').as('n')).where('work_file_id', '=', workFileId).executeTakeFirst();
  const ordinal = Number(last?.n ?? 0) + 1;
  return { changes: { status: DocumentStatus.Filed, work_file_id: workFileId, doc_ordinal: ordinal }, details: { workFileId, docOrdinal: ordinal } };
};

const confirmDestroyed: ActionHandler = async () => ({ changes: { status: DocumentStatus.Destroyed }, details: {} });

export const INCOMING_HANDLERS = { register, assign, complete, file, confirm_destroyed: confirmDestroyed };
