import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DialectName } from '../../../platform/database/dialect.js';

/**
 * "Every word, as a word prefix" over the folded metadata and PDF text of documents, through the tables of
 * migration 0011 that triggers keep in step with `documents`: FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL.
 */
export function textMatches(dialect: DialectName, terms: string[]): RawBuilder<SqlBool> {
  if (dialect === 'sqlite') {
    const match = terms.map((term) => `"${term}"*`).join(' ');
    return sql<SqlBool>`documents.id in (select rowid from documents_fts where documents_fts match ${match})`;
  }
  const tsquery = terms.map((term) => `${term}:*`).join(' & ');
  return sql<SqlBool>`documents.id in (select document_id from documents_search where vector @@ to_tsquery('simple', ${tsquery}))`;
}
