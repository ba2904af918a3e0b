import type { Executor } from '../../platform/database/database.js';
import type { DocumentRow, FileRow, UnitRow } from '../../platform/database/schema.js';
import type { Language } from '../../platform/i18n/language.js';
import { Direction, STATUS_LABELS, type DocumentStatusCode } from './document-status.js';
import { findDocumentType, URGENCY_LABELS, type UrgencyCode } from './document-vocabulary.js';
import type { DocumentSummary, FileRef } from './documents.schema.js';

/** "12/QĐ-UBND" once the document has its number (outgoing after issue, incoming as registered). */
export function numberNotationOf(row: Pick<DocumentRow, 'code_number' | 'code_notation'>): string | null {
  if (!row.code_number) return null;
  return row.code_notation ? `${row.code_number}/${row.code_notation}` : row.code_number;
}

export interface SummaryContext {
  units: Map<number, UnitRow>;
  /** Lead handler's name per document. */
  leads: Map<number, string>;
  /** The caller's open assignment deadline per document. */
  myDeadlines: Map<number, string | null>;
  language: Language;
}

export function toSummary(row: DocumentRow, context: SummaryContext): DocumentSummary {
  const id = Number(row.id);
  return {
    id,
    uid: row.uid,
    direction: row.direction,
    status: row.status as DocumentStatusCode,
    statusLabel: STATUS_LABELS[row.status as DocumentStatusCode]?.[context.language] ?? row.status,
    unitId: Number(row.unit_id),
    unitName: context.units.get(Number(row.unit_id))?.name ?? '',
    numberNotation: numberNotationOf(row),
    arrivalNumber: row.arrival_number === null ? null : Number(row.arrival_number),
    typeCode: row.type_code,
    typeName: findDocumentType(row.type_code)?.name ?? row.type_code,
    subject: row.subject,
    urgency: row.urgency,
    confidentiality: row.confidentiality,
    organName: row.organ_name,
    issuedDate: row.issued_date,
    arrivalDate: row.arrival_date,
    dueDate: row.due_date,
    myDeadline: context.myDeadlines.get(id) ?? null,
    leadName: context.leads.get(id) ?? null,
    updatedAt: row.updated_at,
  };
}

/** Units, lead handlers and the caller's deadlines for a page of documents, in three queries. */
export async function summaryContext(db: Executor, rows: DocumentRow[], userId: number, language: Language): Promise<SummaryContext> {
  const ids = rows.map((r) => Number(r.id));
  const units = new Map<number, UnitRow>();
  const leads = new Map<number, string>();
  const myDeadlines = new Map<number, string | null>();
  if (ids.length === 0) return { units, leads, myDeadlines, language };
  const unitIds = [...new Set(rows.map((r) => Number(r.unit_id)))];
  for (const unit of await db.selectFrom('units').selectAll().where('id', 'in', unitIds).execute()) units.set(Number(unit.id), unit);
  const assignments = await db
    .selectFrom('document_assignments')
    .innerJoin('users', 'users.id', 'document_assignments.user_id')
    .select(['document_assignments.document_id', 'document_assignments.user_id', 'document_assignments.role', 'document_assignments.status', 'document_assignments.deadline', 'users.full_name'])
    .where('document_assignments.document_id', 'in', ids)
    .orderBy('document_assignments.id')
    .execute();
  for (const a of assignments) {
    if (a.role === 'lead') leads.set(Number(a.document_id), a.full_name);
    if (Number(a.user_id) === userId && a.status === 'open') myDeadlines.set(Number(a.document_id), a.deadline);
  }
  return { units, leads, myDeadlines, language };
}

export function fileRef(documentId: number, file: Pick<FileRow, 'id' | 'original_name' | 'size' | 'media_type'>, name?: string): FileRef {
  return { id: file.id, name: name ?? file.original_name, size: Number(file.size), mediaType: file.media_type, url: `/api/documents/${documentId}/files/${file.id}` };
}

const parseJson = <T>(text: string | null, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export function toPlacesOf(row: Pick<DocumentRow, 'to_places'>): string[] {
  return parseJson<string[]>(row.to_places, []);
}

export function traceHeaderOf(row: Pick<DocumentRow, 'trace_header'>): { organId: string; at: string }[] {
  return parseJson(row.trace_header, []);
}

/**
 * The Appendix VI metadata (Decree 30/2020) of the document as this unit holds it; FileCatalog and FileNotation come
 * from its work file once filed, SignerInfo from the signer.
 */
export function metadataOf(row: DocumentRow, unit: UnitRow | undefined, workFile: { year: number; notation: string } | undefined): Record<string, unknown> {
  const outgoing = row.direction !== Direction.Incoming;
  const metadata: Record<string, unknown> = {
    OrganId: outgoing ? (unit?.code ?? null) : row.organ_id,
    OrganName: outgoing ? (unit?.name ?? null) : row.organ_name,
    FileCatalog: workFile ? workFile.year : null,
    FileNotation: workFile ? workFile.notation : null,
    DocOrdinal: row.doc_ordinal === null ? null : Number(row.doc_ordinal),
    TypeName: findDocumentType(row.type_code)?.name ?? row.type_code,
    CodeNumber: row.code_number,
    CodeNotation: row.code_notation,
    IssuedDate: row.issued_date,
    Subject: row.subject,
    Language: row.language,
    PageAmount: row.page_amount === null ? null : Number(row.page_amount),
    SignerInfo: { FullName: row.signer_name, Position: row.signer_title },
    To: toPlacesOf(row),
    Priority: URGENCY_LABELS[row.urgency as UrgencyCode]?.vi ?? row.urgency,
    IssuedAmount: row.issued_amount === null ? null : Number(row.issued_amount),
    DueDate: row.due_date,
  };
  if (!outgoing) {
    metadata.ArrivalDate = row.arrival_date;
    metadata.ArrivalNumber = row.arrival_number === null ? null : Number(row.arrival_number);
    const places = toPlacesOf(row);
    metadata.ToPlaces = places.length > 0 ? places : unit ? [unit.name] : [];
    metadata.TraceHeaderList = traceHeaderOf(row);
  }
  return metadata;
}
