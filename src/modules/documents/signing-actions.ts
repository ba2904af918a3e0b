import { formatShortDate, formatShortDateTime } from '../../platform/pdf/index.js';
import { localDateOf, VIETNAM_TIME_ZONE } from '../../platform/calendar/local-time.js';
import { AppError } from '../../platform/errors/app-error.js';
import { openSecretBox, resolveSealSigner, resolveUserSigner, signPdf, type VisiblePlacement } from '../signing/index.js';
import { requireField, type ActionHandler } from './action-types.js';
import { findOrCreateBook, getChosenBook, localYear, takeNumber } from './document-books.js';
import { readBytes, storePdf } from './document-files.js';
import { BookKind, Direction, DocumentStatus } from './document-status.js';
import { isConfidential } from './document-vocabulary.js';
import { getUnit } from './documents.repository.js';
import { deliverIssued } from './deliver.js';
import { draftingDivision, notationOf } from './draft-files.js';

async function mainPdf(input: Parameters<ActionHandler>[0]): Promise<Buffer> {
  const file = await input.tx.selectFrom('files').select('sha256').where('id', '=', input.row.main_file_id ?? '').executeTakeFirst();
  if (!file) throw new AppError('NOT_FOUND');
  return readBytes(input.deps.store, file.sha256);
}

/**
 * Ký số by the designated signer (Decree 30/2020 art. 13): their registered credential or the one uploaded for this
 * session signs the current main PDF; the signed copy becomes the main file and a `document_signatures` row.
 */
const sign: ActionHandler = async (input) => {
  const { tx, row, body, actor, now, language } = input;
  const credential = requireField(body.credential, 'credential', language);
  const resolved = await resolveUserSigner(tx, openSecretBox(input.deps.config), actor, actor.session.id, credential);
  const title = row.signer_title ?? '';
  const visible: VisiblePlacement | undefined = body.visible
    ? { ...body.visible, lines: [resolved.identity.name, title, formatShortDateTime(now)].filter((l) => l.length > 0) }
    : undefined;
  const signed = await signPdf(await mainPdf(input), resolved.signer, { reason: 'Ký ban hành văn bản', signingTime: now, ...(visible ? { visible } : {}) });
  const file = await storePdf(tx, input.deps.store, actor.userId, signed, `van-ban-${row.id}-da-ky.pdf`);
  await tx
    .insertInto('document_signatures')
    .values({ document_id: row.id, kind: 'signer', signer_name: resolved.identity.name, organisation: resolved.identity.organisation, certificate_serial: resolved.identity.serial, credential_kind: resolved.credentialKind, file_id: file.id, signed_by: actor.userId, signed_at: now.toISOString() })
    .execute();
  return { changes: { status: DocumentStatus.Signed, main_file_id: file.id, signer_name: actor.fullName }, details: { credentialKind: resolved.credentialKind, certificateSerial: resolved.identity.serial } };
};

/**
 * Cấp số, đóng dấu và phát hành in ONE transaction (contract): the next number of the unit's book of the year, the
 * notation, the organisation's seal signature with the visible "Số: … — ngày …" block, then delivery to recipients.
 * Anything failing (no seal credential, a signing error) rolls the number back: numbers stay gap-free.
 */
const issue: ActionHandler = async (input) => {
  const { tx, row, body, actor, now } = input;
  const unitId = Number(row.unit_id);
  const kind = row.direction === Direction.Internal ? BookKind.Internal : BookKind.Outgoing;
  const confidential = isConfidential(row.confidentiality);
  const year = localYear(now);
  const book = body.bookId !== undefined ? await getChosenBook(tx, body.bookId, unitId, kind, confidential, year) : await findOrCreateBook(tx, unitId, kind, confidential, year, actor.userId);
  const number = await takeNumber(tx, Number(book.id));
  const unit = await getUnit(tx, unitId);
  const notation = notationOf(row.type_code, unit, await draftingDivision(tx, row.created_by, unitId));
  const seal = await resolveSealSigner(tx, openSecretBox(input.deps.config), unitId);
  const sealed = await signPdf(await mainPdf(input), seal.signer, { reason: `Phát hành văn bản số ${number}/${notation} ngày ${formatShortDate(now)}`, signingTime: now, visible: sealBlock(unit.name, number, notation, now) });
  const file = await storePdf(tx, input.deps.store, actor.userId, sealed, `${number}-${notation}.pdf`.replace(/[^\p{L}\p{N}.-]+/gu, '-'));
  const at = now.toISOString();
  await tx
    .insertInto('document_signatures')
    .values({ document_id: row.id, kind: 'seal', signer_name: seal.identity.name, organisation: seal.identity.organisation, certificate_serial: seal.identity.serial, credential_kind: seal.credentialKind, file_id: file.id, signed_by: actor.userId, signed_at: at })
    .execute();
  const recipients = await tx.selectFrom('document_recipients').select('id').where('document_id', '=', row.id).execute();
  const changes = {
    status: DocumentStatus.Issued,
    book_id: Number(book.id),
    number,
    code_number: String(number),
    code_notation: notation,
    issued_date: localDateOf(now, VIETNAM_TIME_ZONE),
    issued_at: at,
    issued_amount: recipients.length,
    main_file_id: file.id,
  };
  await deliverIssued(tx, { ...row, ...changes }, unit, at, input.deps.config.publicUrl);
  return { changes, details: { number, notation, bookId: Number(book.id), recipients: recipients.length } };
};

/**
 * The seal's visible block (contract): the organisation and "Số: 12/QĐ-STP — ngày dd/MM/yyyy", on page 1 in the bottom
 * margin, where it covers no text of a draft laid out with the Decree 30/2020 margins.
 */
function sealBlock(unitName: string, number: number, notation: string, at: Date): VisiblePlacement {
  return { page: 1, x: 85, y: 12, lines: [unitName, `Số: ${number}/${notation} — ngày ${formatShortDate(at)}`] };
}

export const SIGNING_HANDLERS = { sign, issue };
