import type { Executor } from '../../../platform/database/database.js';
import type { DocumentRow } from '../../../platform/database/schema.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { FileStore } from '../../../platform/storage/file-store.js';
import { readBytes } from '../document-files.js';
import { getUnit } from '../documents.repository.js';
import { metadataOf, traceHeaderOf } from '../present-document.js';
import { buildPackageXml, type PackageFile, type PackageOrgan } from './exchange-package.js';

/** The organisations an outgoing document is addressed to, as its recipient rows name them. */
export async function recipientOrgansOf(db: Executor, documentId: number): Promise<PackageOrgan[]> {
  const rows = await db.selectFrom('document_recipients').select(['organ_id', 'name']).where('document_id', '=', documentId).orderBy('id').execute();
  return rows.map((row) => ({ organId: row.organ_id, organName: row.name }));
}

/**
 * The exchange package of a document as this unit holds it: its unit as sender (unit code = organ id), the signed
 * main PDF first and the attachments after, and the route so far with this unit's hop added.
 */
export async function packageOfDocument(db: Executor, store: FileStore, row: DocumentRow, to: PackageOrgan[], now = new Date()): Promise<string> {
  if (!row.main_file_id) throw new AppError('EXCHANGE_NO_FILE');
  const unit = await getUnit(db, Number(row.unit_id));
  const workFile = row.work_file_id === null ? undefined : await db.selectFrom('work_files').select(['year', 'notation']).where('id', '=', row.work_file_id).executeTakeFirst();
  const main = await db.selectFrom('files').select(['sha256', 'media_type', 'original_name']).where('id', '=', row.main_file_id).executeTakeFirstOrThrow();
  const attachments = await db
    .selectFrom('document_attachments')
    .innerJoin('files', 'files.id', 'document_attachments.file_id')
    .select(['files.sha256', 'files.media_type', 'document_attachments.name as original_name'])
    .where('document_attachments.document_id', '=', row.id)
    .where('files.id', '!=', row.main_file_id)
    .orderBy('document_attachments.id')
    .execute();
  const files: PackageFile[] = [];
  for (const file of [main, ...attachments]) {
    files.push({ name: file.original_name, mediaType: file.media_type, content: await readBytes(store, file.sha256) });
  }
  return buildPackageXml({
    documentId: row.uid,
    from: { organId: unit.code, organName: unit.name },
    to,
    typeCode: row.type_code,
    urgency: row.urgency,
    confidentiality: row.confidentiality,
    metadata: metadataOf(row, unit, workFile ? { year: Number(workFile.year), notation: workFile.notation } : undefined),
    traceHeaders: [...traceHeaderOf(row), { organId: unit.code, at: now.toISOString() }],
    files,
  });
}
