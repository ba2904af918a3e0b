import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { dialectOf, idColumn } from '../dialect.js';

/*
 * Official documents (văn bản, domain.md §6, Decree 30/2020) and digital signatures.
 * - `document_books`: sổ văn bản per unit, year and kind (incoming, outgoing, internal; confidential books apart).
 *   `last_number` is the book's counter, taken inside the numbering transaction (gap-free, restarts each year
 *   because each year has its own book).
 * - `documents`: one row per document as this unit holds it (an issued outgoing document delivered to another unit
 *   becomes a new incoming row there), with the Appendix VI metadata as columns.
 * - `document_versions`, `document_comments`, `document_reviews`: drafting (versions kept, tracked reviewers).
 * - `document_assignments`: the leader's assignment of an incoming document (lead and coordinating handlers).
 * - `document_recipients`: where an outgoing document goes and the handling status each recipient reported.
 * - `document_signatures`: each signature applied (signer, then the organisation's seal), with the PDF after it.
 * - `document_access`: who may read a confidential document (Mật, Tối mật, Tuyệt mật), granted one by one.
 * - `document_events`: the append-only history, written in the transaction of each change.
 * - `work_files`: hồ sơ công việc with their retention period.
 * - `signing_*`: the administrator's trust list, registered PKCS#12 credentials and per-session uploaded ones
 *   (keys encrypted at rest).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));

  await db.schema
    .createTable('document_books')
    .addColumn('id', 'integer', id)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_books_unique', ['unit_id', 'year', 'kind', 'confidential', 'name'])
    .execute();

  await db.schema
    .createTable('work_files')
    .addColumn('id', 'integer', id)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('notation', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('retention_years', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addUniqueConstraint('work_files_notation', ['unit_id', 'year', 'notation'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'integer', id)
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('book_id', 'integer', (c) => c.references('document_books.id'))
    .addColumn('number', 'integer')
    .addColumn('arrival_number', 'integer')
    .addColumn('code_number', 'text')
    .addColumn('code_notation', 'text')
    .addColumn('type_code', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('confidentiality', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('vi'))
    .addColumn('page_amount', 'integer')
    .addColumn('issued_amount', 'integer')
    .addColumn('issued_date', 'text')
    .addColumn('organ_id', 'text')
    .addColumn('organ_name', 'text')
    .addColumn('signer_name', 'text')
    .addColumn('signer_title', 'text')
    .addColumn('to_places', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('due_date', 'text')
    .addColumn('arrival_date', 'text')
    .addColumn('trace_header', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('work_file_id', 'integer', (c) => c.references('work_files.id'))
    .addColumn('doc_ordinal', 'integer')
    .addColumn('main_file_id', 'text', (c) => c.references('files.id'))
    .addColumn('current_version_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('in_reply_to_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('source_document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('source_peer', 'text')
    .addColumn('signer_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content_text', 'text')
    .addColumn('content_file_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('registered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('registered_at', 'text')
    .addColumn('issued_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('recalled_at', 'text')
    .addColumn('recall_reason', 'text')
    .execute();
  await db.schema.createIndex('documents_unit_direction').on('documents').columns(['unit_id', 'direction', 'status']).execute();
  await db.schema.createIndex('documents_duplicate').on('documents').columns(['code_number', 'code_notation', 'organ_id']).execute();
  await db.schema.createIndex('documents_reply').on('documents').column('in_reply_to_id').execute();
  await db.schema.createIndex('documents_work_file').on('documents').column('work_file_id').execute();
  // Gap-free and distinct: a book never gives the same number (or arrival number) twice.
  await sql`CREATE UNIQUE INDEX documents_book_number ON documents (book_id, number) WHERE number IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX documents_book_arrival ON documents (book_id, arrival_number) WHERE arrival_number IS NOT NULL`.execute(db);

  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'integer', id)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_versions_unique', ['document_id', 'version_no'])
    .execute();

  await db.schema
    .createTable('document_attachments')
    .addColumn('id', 'integer', id)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_attachments_doc').on('document_attachments').column('document_id').execute();

  await db.schema
    .createTable('document_comments')
    .addColumn('id', 'integer', id)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version_no', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_comments_doc').on('document_comments').column('document_id').execute();

  await db.schema
    .createTable('document_reviews')
    .addColumn('id', 'integer', id)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('document_reviews_doc').on('document_reviews').column('document_id').execute();
  await db.schema.createIndex('document_reviews_reviewer').on('document_reviews').columns(['reviewer_id', 'status']).execute();

  await db.schema
    .createTable('document_assignments')
    .addColumn('id', 'integer', id)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('instructions', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('document_assignments_doc').on('document_assignments').column('document_id').execute();
  await db.schema.createIndex('document_assignments_user').on('document_assignments').columns(['user_id', 'status', 'deadline']).execute();

  await db.schema
    .createTable('document_recipients')
    .addColumn('id', 'integer', id)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('organ_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_at', 'text', (c) => c.notNull())
    .addColumn('incoming_document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('document_recipients_doc').on('document_recipients').column('document_id').execute();
  await db.schema.createIndex('document_recipients_incoming').on('document_recipients').column('incoming_document_id').execute();

  await db.schema
    .createTable('document_signatures')
    .addColumn('id', 'integer', id)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('certificate_serial', 'text', (c) => c.notNull())
    .addColumn('credential_kind', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('signed_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_signatures_doc').on('document_signatures').column('document_id').execute();

  await db.schema
    .createTable('document_access')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('granted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_access_pk', ['document_id', 'user_id'])
    .execute();
  await db.schema.createIndex('document_access_user').on('document_access').column('user_id').execute();

  await db.schema
    .createTable('document_events')
    .addColumn('id', 'integer', id)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_events_doc').on('document_events').columns(['document_id', 'id']).execute();

  await db.schema
    .createTable('signing_trust_anchors')
    .addColumn('id', 'integer', id)
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('fingerprint_sha256', 'text', (c) => c.notNull().unique())
    .addColumn('certificate_der', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();

  await db.schema
    .createTable('signing_credentials')
    .addColumn('id', 'integer', id)
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('issuer_name', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('fingerprint_sha256', 'text', (c) => c.notNull())
    .addColumn('p12_encrypted', 'text', (c) => c.notNull())
    .addColumn('passphrase_encrypted', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('signing_credentials_user').on('signing_credentials').columns(['user_id', 'status']).execute();
  await db.schema.createIndex('signing_credentials_unit').on('signing_credentials').columns(['unit_id', 'owner_kind', 'status']).execute();

  await db.schema
    .createTable('signing_session_credentials')
    .addColumn('session_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('issuer_name', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('p12_encrypted', 'text', (c) => c.notNull())
    .addColumn('passphrase_encrypted', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  // Registers, documents and signatures are records to keep (Decree 30/2020 art. 27); never drop them.
  throw new Error('Migration 0010 cannot be rolled back: it would drop official documents and their registers.');
}
