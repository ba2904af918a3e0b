import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { XMLBuilder } from 'fast-xml-parser';
import type { Actor } from '../../../platform/auth/actor.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/database/database.js';
import type { DocumentRow } from '../../../platform/database/schema.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { FileStore } from '../../../platform/storage/file-store.js';
import { readBytes } from '../document-files.js';
import { isConfidential } from '../document-vocabulary.js';
import { unitsById } from '../documents.repository.js';
import { metadataOf } from '../present-document.js';
import { getUsableWorkFile, readableDocumentsOf } from './work-files.service.js';

export interface WorkFileExport {
  fileName: string;
  zip: Buffer;
}

const forXml = (value: unknown): unknown =>
  value === null || value === undefined
    ? ''
    : Array.isArray(value)
      ? value.map(forXml)
      : typeof value === 'object'
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, forXml(v)]))
        : value;

/**
 * Exports a work file as Decree 30/2020 asks for archiving: one PDF of its documents' main files in time order and
 * an XML index with each document's Appendix VI metadata, together in a zip. Only documents the caller may read
 * go in (a confidential one with a grant, and that read is audited with the export).
 */
export async function exportWorkFile(deps: { db: Db; store: FileStore }, context: AuditContext, actor: Actor, id: number): Promise<WorkFileExport> {
  const { db, store } = deps;
  const workFile = await getUsableWorkFile(db, actor, id);
  const documents = await readableDocumentsOf(db, actor, id);
  if (documents.length === 0) throw new AppError('WORK_FILE_EMPTY');
  const units = await unitsById(db, documents.map((d) => Number(d.unit_id)));
  const merged = await PDFDocument.create();
  merged.setTitle(`Hồ sơ ${workFile.notation} — ${workFile.title}`);
  merged.setCreator('Chính quyền số');
  const entries: Record<string, unknown>[] = [];
  for (const document of documents) {
    const pages = await appendMainFile(db, store, merged, document);
    entries.push({
      DocumentId: document.uid,
      FirstPage: pages.first,
      PageCount: pages.count,
      ...(forXml(metadataOf(document, units.get(Number(document.unit_id)), { year: Number(workFile.year), notation: workFile.notation })) as Record<string, unknown>),
    });
  }
  const index = new XMLBuilder({ ignoreAttributes: false, format: true, processEntities: true }).build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    WorkFile: {
      FileCatalog: Number(workFile.year),
      FileNotation: workFile.notation,
      Title: workFile.title,
      Maintenance: workFile.retention_years === null ? 'Vĩnh viễn' : `${workFile.retention_years} năm`,
      Documents: { Document: entries },
    },
  }) as string;
  const zip = new JSZip();
  zip.file('ho-so.pdf', await merged.save());
  zip.file('muc-luc.xml', index);
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const confidential = documents.filter((d) => isConfidential(d.confidentiality)).map((d) => Number(d.id));
  await db.transaction().execute((tx) =>
    recordAudit(tx, context, {
      action: 'work_file.export',
      entityType: 'work_file',
      entityId: id,
      unitId: Number(workFile.unit_id),
      summary: { documentIds: documents.map((d) => Number(d.id)), confidentialIds: confidential },
    }),
  );
  return { fileName: `ho-so-${workFile.year}-${workFile.notation.replace(/[^\w.-]+/g, '_')}.zip`, zip: content };
}

/** Copies the document's main PDF into the merged one; a document without a readable PDF adds no pages. */
async function appendMainFile(db: Db, store: FileStore, merged: PDFDocument, document: DocumentRow): Promise<{ first: number | string; count: number }> {
  if (!document.main_file_id) return { first: '', count: 0 };
  const file = await db.selectFrom('files').select(['sha256', 'media_type']).where('id', '=', document.main_file_id).executeTakeFirst();
  if (!file || file.media_type !== 'application/pdf') return { first: '', count: 0 };
  const source = await PDFDocument.load(await readBytes(store, file.sha256), { ignoreEncryption: true, updateMetadata: false });
  const first = merged.getPageCount() + 1;
  const pages = await merged.copyPages(source, source.getPageIndices());
  for (const page of pages) merged.addPage(page);
  return { first, count: pages.length };
}
