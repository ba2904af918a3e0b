import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/database/database.js';
import type { Language } from '../../platform/i18n/language.js';
import { invalidField } from './action-types.js';
import type { DocumentDeps } from './action-types.js';
import { storePdf } from './document-files.js';
import { renderDraftPdf, type DraftContent } from './render-draft.js';
import { findDocumentType, OFFICIAL_LETTER } from './document-vocabulary.js';
import type { UnitRow } from '../../platform/database/schema.js';

const ONE_OF = { vi: 'Gửi đúng một trong hai: tệp PDF dự thảo (fileId) hoặc nội dung (body).', en: 'Send exactly one of fileId (an uploaded PDF) or body (text).' } as const;
const NOT_YOUR_PDF = { vi: 'Tệp dự thảo phải là tệp PDF do bạn tải lên.', en: 'The draft must be a PDF you uploaded.' } as const;
const NOT_YOUR_FILE = { vi: 'Tệp phải do bạn tải lên.', en: 'The file must be one you uploaded.' } as const;

/** Files the caller uploaded (the only ones they may attach to a document), or 400 naming the field. */
export async function requireOwnFiles(db: Executor, actor: Actor, fileIds: string[], field: string, language: Language, pdfOnly = false): Promise<void> {
  if (fileIds.length === 0) return;
  const rows = await db.selectFrom('files').select(['id', 'owner_user_id', 'media_type']).where('id', 'in', fileIds).execute();
  const ok = fileIds.every((id) => rows.some((r) => r.id === id && Number(r.owner_user_id) === actor.userId && (!pdfOnly || r.media_type === 'application/pdf')));
  if (!ok) throw invalidField(field, pdfOnly ? NOT_YOUR_PDF : NOT_YOUR_FILE, language);
}

/**
 * The PDF of a new draft version: the caller's uploaded PDF as is, or the text rendered by the server (national
 * heading, "Số: …/notation" left blank until issue).
 */
export async function draftVersionFile(
  tx: Executor,
  deps: DocumentDeps,
  actor: Actor,
  language: Language,
  input: { fileId?: string; body?: string },
  content: Omit<DraftContent, 'body'>,
  versionNo: number,
): Promise<string> {
  if ((input.fileId === undefined) === (input.body === undefined)) throw invalidField(input.fileId === undefined ? 'body' : 'fileId', ONE_OF, language);
  if (input.fileId !== undefined) {
    await requireOwnFiles(tx, actor, [input.fileId], 'fileId', language, true);
    return input.fileId;
  }
  const pdf = await renderDraftPdf(tx, { ...content, body: input.body! });
  return (await storePdf(tx, deps.store, actor.userId, pdf, `du-thao-v${versionNo}.pdf`)).id;
}

/**
 * CodeNotation (Decree 30/2020 appendix II): `{type abbreviation}-{unit short name}` (`QĐ-STP`); a Công văn has no type
 * name and carries the unit and the drafting division instead (`STP-VP`, or `STP` when drafted at the unit itself).
 */
export function notationOf(typeCode: string, unit: Pick<UnitRow, 'short_name'>, division: Pick<UnitRow, 'short_name'> | undefined): string {
  if (typeCode === OFFICIAL_LETTER) return division ? `${unit.short_name}-${division.short_name}` : unit.short_name;
  return `${findDocumentType(typeCode)?.abbreviation ?? typeCode}-${unit.short_name}`;
}

/** The drafting division: the creator's own unit when it sits directly under the issuing unit. */
export async function draftingDivision(db: Executor, creatorId: number | null, unitId: number): Promise<UnitRow | undefined> {
  if (creatorId === null) return undefined;
  const user = await db.selectFrom('users').select('unit_id').where('id', '=', creatorId).executeTakeFirst();
  if (!user?.unit_id) return undefined;
  const unit = await db.selectFrom('units').selectAll().where('id', '=', Number(user.unit_id)).executeTakeFirst();
  return unit && unit.parent_id !== null && Number(unit.parent_id) === unitId ? unit : undefined;
}
