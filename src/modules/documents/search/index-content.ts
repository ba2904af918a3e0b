import type { Readable } from 'node:stream';
import type { Db, Executor } from '../../../platform/database/database.js';
import { enqueue } from '../../../platform/outbox/outbox.js';
import type { FileStore } from '../../../platform/storage/file-store.js';
import { foldVietnamese } from '../../../platform/text/fold.js';
import { extractPdfText, MAX_CONTENT_CHARS } from './pdf-text.js';

export const INDEX_CONTENT_TOPIC = 'document.index';

/**
 * Asks for the text of a document's new main PDF to be indexed after commit (extraction takes a while and must
 * not hold the action's transaction). Call it in the transaction that sets `main_file_id`; one job per file.
 */
export async function enqueueContentIndexing(tx: Executor, documentId: number, fileId: string): Promise<void> {
  await enqueue(tx, INDEX_CONTENT_TOPIC, { documentId }, { dedupeKey: `${INDEX_CONTENT_TOPIC}:${documentId}:${fileId}` });
}

export interface IndexReport {
  indexed: number;
  /** Files pdf.js could not read (damaged, encrypted): indexed as empty so they are not tried again and again. */
  unreadable: number;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Folded words only, the same alphabet the search terms use. */
export function contentTextOf(text: string): string {
  return foldVietnamese(text).replace(/[^a-z0-9]+/g, ' ').trim().slice(0, MAX_CONTENT_CHARS);
}

/**
 * Indexes the documents whose main PDF changed since their text was last extracted (`content_file_id` differs
 * from `main_file_id`), up to `limit` of them. The update only lands if the main file is still the one read, so
 * a new version that arrived meanwhile is left for the next pass. Derived data: no version bump, no audit entry.
 */
export async function indexPendingContent(db: Db, store: FileStore, limit = 20): Promise<IndexReport> {
  const pending = await db
    .selectFrom('documents')
    .innerJoin('files', 'files.id', 'documents.main_file_id')
    .select(['documents.id', 'documents.main_file_id', 'files.sha256', 'files.media_type'])
    .where((eb) => eb.or([eb('documents.content_file_id', 'is', null), eb('documents.content_file_id', '!=', eb.ref('documents.main_file_id'))]))
    .orderBy('documents.id')
    .limit(limit)
    .execute();
  const report: IndexReport = { indexed: 0, unreadable: 0 };
  for (const row of pending) {
    let text = '';
    if (row.media_type === 'application/pdf') {
      try {
        text = contentTextOf(await extractPdfText(await readAll(await store.get(row.sha256))));
      } catch {
        report.unreadable += 1;
      }
    }
    await db
      .updateTable('documents')
      .set({ content_text: text, content_file_id: row.main_file_id })
      .where('id', '=', row.id)
      .where('main_file_id', '=', row.main_file_id)
      .execute();
    report.indexed += 1;
  }
  return report;
}

const BATCH = 20;

/**
 * The outbox handler: any job runs a pass over whatever is pending (so one lost job delays nothing for long), and a
 * full batch queues the next pass, so a backlog (a first start over existing documents) drains without new jobs.
 */
export function indexContentHandler(db: Db, store: FileStore) {
  return async (payload: unknown, job: { id: number }): Promise<void> => {
    void payload;
    const report = await indexPendingContent(db, store, BATCH);
    if (report.indexed === BATCH) await enqueue(db, INDEX_CONTENT_TOPIC, {}, { dedupeKey: `${INDEX_CONTENT_TOPIC}:after:${job.id}` });
  };
}
