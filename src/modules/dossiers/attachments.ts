import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/database/database.js';
import type { FieldError } from '../../platform/errors/app-error.js';
import { fill, type Language } from '../../platform/i18n/language.js';
import type { ProcedureDocument, Requirement } from '../procedures/procedures.schema.js';
import { ComponentSource, type ComponentSourceCode } from './dossier-status.js';
import type { Attachment } from './dossiers.schema.js';

export interface ResolvedComponent {
  requirement: Requirement;
  fileId: string;
  fileName: string;
  source: ComponentSourceCode;
}

const MESSAGES = {
  unknownRequirement: { vi: 'Thủ tục không có thành phần hồ sơ "{code}".', en: 'The procedure has no document "{code}".' },
  unknownFile: { vi: 'Không tìm thấy tệp đính kèm (hãy tải tệp lên lại).', en: 'The attached file was not found (upload it again).' },
  missing: { vi: 'Thiếu thành phần hồ sơ bắt buộc: {name}.', en: 'A mandatory document is missing: {name}.' },
} as const;

/**
 * Checks each attachment against the procedure's requirements and the caller's right to use the file: their own
 * upload, or a document in the applicant's data store (kho dữ liệu). A file from the data store is recorded as
 * reused; one an official attaches at the counter as scanned (digitised).
 */
export async function resolveAttachments(
  tx: Executor,
  actor: Actor,
  ownerUserId: number | null,
  document: ProcedureDocument,
  attachments: readonly Attachment[],
  basePath: string,
  language: Language,
): Promise<{ components: ResolvedComponent[]; errors: FieldError[] }> {
  const components: ResolvedComponent[] = [];
  const errors: FieldError[] = [];
  for (const [index, attachment] of attachments.entries()) {
    const requirement = document.requirements.find((r) => r.code === attachment.requirement);
    if (!requirement) {
      errors.push({ path: `${basePath}/${index}/requirement`, message: fill(MESSAGES.unknownRequirement[language], { code: attachment.requirement }) });
      continue;
    }
    const file = await tx.selectFrom('files').select(['id', 'original_name', 'owner_user_id']).where('id', '=', attachment.fileId).executeTakeFirst();
    const stored =
      ownerUserId === null
        ? undefined
        : await tx.selectFrom('applicant_documents').select('id').where('owner_user_id', '=', ownerUserId).where('file_id', '=', attachment.fileId).executeTakeFirst();
    const ownUpload = file !== undefined && Number(file.owner_user_id) === actor.userId;
    const fromStore = stored !== undefined && ownerUserId === actor.userId;
    if (!file || (!ownUpload && !fromStore)) {
      errors.push({ path: `${basePath}/${index}/fileId`, message: MESSAGES.unknownFile[language] });
      continue;
    }
    const source = fromStore ? ComponentSource.DataStore : actor.kind === 'official' ? ComponentSource.Scan : ComponentSource.Upload;
    components.push({ requirement, fileId: file.id, fileName: file.original_name, source });
  }
  return { components, errors };
}

/** Mandatory requirements without any attachment (online filing must bring every one of them). */
export function missingRequirements(document: ProcedureDocument, attachments: readonly Attachment[], language: Language): FieldError[] {
  const given = new Set(attachments.map((a) => a.requirement));
  return document.requirements
    .filter((r) => r.mandatory && !given.has(r.code))
    .map((r) => ({ path: '/attachments', message: fill(MESSAGES.missing[language], { name: r.name }) }));
}

/** Adds the components to the applicant's data store so later dossiers can reuse them (Decree 45/2020 art. 12). */
export async function storeForApplicant(tx: Executor, ownerUserId: number | null, dossierId: number, components: ResolvedComponent[]): Promise<void> {
  if (ownerUserId === null) return;
  const now = new Date().toISOString();
  for (const component of components) {
    if (component.source === ComponentSource.DataStore) continue;
    await tx
      .insertInto('applicant_documents')
      .values({
        owner_user_id: ownerUserId,
        file_id: component.fileId,
        name: component.fileName,
        requirement_code: component.requirement.code,
        requirement_name: component.requirement.name,
        source: 'upload',
        dossier_id: dossierId,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['owner_user_id', 'file_id']).doNothing())
      .execute();
  }
}

export async function insertComponents(tx: Executor, dossierId: number, eventSeq: number, components: ResolvedComponent[]): Promise<void> {
  if (components.length === 0) return;
  const now = new Date().toISOString();
  await tx
    .insertInto('dossier_components')
    .values(
      components.map((c) => ({
        dossier_id: dossierId,
        requirement_code: c.requirement.code,
        requirement_name: c.requirement.name,
        file_id: c.fileId,
        source: c.source,
        digitised: 1,
        event_seq: eventSeq,
        added_at: now,
      })),
    )
    .execute();
}
