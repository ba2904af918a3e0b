import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Db, Executor } from '../../../platform/database/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { FileStore } from '../../../platform/storage/file-store.js';
import { notify } from '../../notifications/notify.js';
import { clerksOf } from '../deliver.js';
import { Direction, DocumentStatus } from '../document-status.js';
import { CONFIDENTIALITY_CODES, DOCUMENT_TYPE_CODES, isConfidential, URGENCY_CODES } from '../document-vocabulary.js';
import { grantAccess, insertDocument, insertEvent } from '../documents.repository.js';
import { searchTextOf } from '../search-text.js';
import { enqueueContentIndexing } from '../search/index-content.js';
import type { ExchangePackage, PackageFile } from './exchange-package.js';
import type { PeerRow } from './peers.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim().length > 0 ? value.trim() : null);
const invalid = (reason: string) => new AppError('EXCHANGE_PACKAGE_INVALID', { reason });

/** The package's values this instance stores, checked against the vocabulary (Decree 30/2020 Appendix III). */
function fieldsOf(pkg: ExchangePackage) {
  const metadata = pkg.metadata;
  if (!DOCUMENT_TYPE_CODES.includes(pkg.typeCode)) throw invalid('/DocumentType/Code');
  if (!(URGENCY_CODES as string[]).includes(pkg.urgency)) throw invalid('/Urgency');
  if (!(CONFIDENTIALITY_CODES as string[]).includes(pkg.confidentiality)) throw invalid('/Confidentiality');
  const subject = text(metadata.Subject);
  if (!subject || subject.length > 2000) throw invalid('/Metadata/Subject');
  const issuedDate = text(metadata.IssuedDate);
  const dueDate = text(metadata.DueDate);
  if ((issuedDate && !LOCAL_DATE.test(issuedDate)) || (dueDate && !LOCAL_DATE.test(dueDate))) throw invalid('/Metadata/IssuedDate');
  if (pkg.files[0].mediaType !== 'application/pdf' || !pkg.files[0].content.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw invalid('/Attachments/Attachment/0');
  const signer = (metadata.SignerInfo ?? {}) as Record<string, unknown>;
  const pages = Number(text(metadata.PageAmount));
  const to = Array.isArray(metadata.To) ? metadata.To.map(text).filter((v): v is string => v !== null) : [];
  return {
    subject,
    type_code: pkg.typeCode,
    urgency: pkg.urgency,
    confidentiality: pkg.confidentiality,
    code_number: text(metadata.CodeNumber),
    code_notation: text(metadata.CodeNotation),
    issued_date: issuedDate,
    due_date: dueDate,
    signer_name: text(signer.FullName),
    signer_title: text(signer.Position),
    page_amount: Number.isInteger(pages) && pages > 0 ? pages : null,
    to_places: JSON.stringify(to),
    organ_id: pkg.from.organId,
    organ_name: pkg.from.organName,
  };
}

async function storeFile(tx: Executor, store: FileStore, ownerUserId: number, file: PackageFile, at: string): Promise<string> {
  const blob = await store.put(Readable.from(file.content));
  const id = randomUUID();
  await tx
    .insertInto('files')
    .values({ id, sha256: blob.sha256, size: blob.size, media_type: file.mediaType, original_name: file.name.slice(0, 200), owner_user_id: ownerUserId, created_at: at })
    .execute();
  return id;
}

export interface Received {
  documentId: number;
  created: boolean;
}

/**
 * Accepts a package a peer delivered (already authenticated): for each addressed organisation hosted here, a new
 * incoming document in `received` for its clerks to register — the same shape as a delivery inside this instance,
 * with `source_peer` naming the sender. A package already accepted for that organisation returns the document it
 * created (delivery is at least once). The files are owned by the administrator who registered the peer.
 */
export async function receivePackage(deps: { db: Db; store: FileStore; publicUrl: string }, context: AuditContext, peer: PeerRow, pkg: ExchangePackage): Promise<Received> {
  const { db, store } = deps;
  if (pkg.from.organId !== peer.organ_id && !(JSON.parse(peer.hosted_organ_ids) as string[]).includes(pkg.from.organId)) throw invalid('/Header/MessageHeader/From');
  const fields = fieldsOf(pkg);
  const codes = pkg.to.map((organ) => organ.organId);
  const units = await db.selectFrom('units').selectAll().where('code', 'in', codes).where('status', '=', 'active').execute();
  if (units.length === 0) throw new AppError('EXCHANGE_RECIPIENT_UNKNOWN', { organId: codes.join(', ') });
  if (peer.created_by === null) throw new AppError('EXCHANGE_UNAUTHENTICATED');
  const owner = Number(peer.created_by);
  let first: Received | undefined;
  for (const unit of units) {
    const result = await db.transaction().execute(async (tx): Promise<Received> => {
      const known = await tx.selectFrom('exchange_received').select('document_id').where('source_uid', '=', pkg.documentId).where('recipient_organ_id', '=', unit.code).executeTakeFirst();
      if (known) return { documentId: Number(known.document_id), created: false };
      const at = new Date().toISOString();
      const fileIds: string[] = [];
      for (const file of pkg.files) fileIds.push(await storeFile(tx, store, owner, file, at));
      const documentId = await insertDocument(tx, {
        ...fields,
        uid: randomUUID(),
        direction: Direction.Incoming,
        status: DocumentStatus.Received,
        unit_id: Number(unit.id),
        arrival_number: null,
        arrival_date: at,
        trace_header: JSON.stringify([...pkg.traceHeaders, { organId: unit.code, at }]),
        main_file_id: fileIds[0],
        source_peer: peer.organ_id,
        search_text: searchTextOf({ ...fields, arrival_number: null }),
        created_by: null,
        created_at: at,
        updated_at: at,
      });
      for (const [index, fileId] of fileIds.slice(1).entries()) {
        await tx.insertInto('document_attachments').values({ document_id: documentId, file_id: fileId, name: pkg.files[index + 1].name, created_by: null, created_at: at }).execute();
      }
      await tx.insertInto('exchange_received').values({ source_uid: pkg.documentId, recipient_organ_id: unit.code, peer_organ_id: peer.organ_id, document_id: documentId, received_at: at }).execute();
      await insertEvent(tx, { documentId, action: 'receive', fromStatus: null, toStatus: DocumentStatus.Received, actorId: null, actorName: pkg.from.organName, details: { sourcePeer: peer.organ_id, sourceUid: pkg.documentId }, at });
      await enqueueContentIndexing(tx, documentId, fileIds[0]);
      const clerks = await clerksOf(tx, Number(unit.id));
      const confidential = isConfidential(fields.confidentiality);
      // As for a delivery inside the instance: a confidential copy is readable by the receiving clerks only.
      if (confidential) await grantAccess(tx, documentId, clerks, null, at);
      for (const clerk of clerks) {
        await notify(tx, {
          userId: clerk,
          subject: `Văn bản đến mới từ ${pkg.from.organName}`,
          body: confidential ? 'Có văn bản mật mới cần vào sổ. (A confidential document awaits registration.)' : `${fields.subject}\n(A new incoming document awaits registration.)`,
          link: `${deps.publicUrl}/office/documents/${documentId}`,
          email: !confidential,
        });
      }
      await recordAudit(tx, context, {
        action: 'document.receive',
        entityType: 'document',
        entityId: documentId,
        unitId: Number(unit.id),
        summary: { sourcePeer: peer.organ_id, sourceUid: pkg.documentId, files: fileIds.length },
      });
      return { documentId, created: true };
    });
    first ??= result;
  }
  return first!;
}
