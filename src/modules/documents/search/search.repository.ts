import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DialectName } from '../../../platform/database/dialect.js';

/**
 * "Every word, as a word prefix" over the folded metadata and PDF text of documents, through the index of
 * migration 0011: FTS5 on SQLite, the GIN expression index on PostgreSQL (the expression here must stay the
 * index's, or PostgreSQL falls back to reading every row).
 */
export function textMatches(dialect: DialectName, terms: string[]): RawBuilder<SqlBool> {
  if (dialect === 'sqlite') {
    const match = terms.map((term) => `"${term}"*`).join(' ');
    return sql<SqlBool>`documents.id in (select rowid from documents_fts where documents_fts match ${match})`;
  }
  const tsquery = terms.map((term) => `${term}:*`).join(' & ');
  return sql<SqlBool>`to_tsvector('simple', regexp_replace(documents.search_text || ' ' || coalesce(documents.content_text, ''), '[^a-z0-9]+', ' ', 'g')) @@ to_tsquery('simple', ${tsquery})`;
}
