import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../../platform/auth/actor.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/database/database.js';
import type { DialectName } from '../../../platform/database/dialect.js';
import type { Language } from '../../../platform/i18n/language.js';
import { visibleCondition } from '../document-access.js';
import { isConfidential } from '../document-vocabulary.js';
import { summaryContext, toSummary } from '../present-document.js';
import { searchTerms, snippetOf } from './search-terms.js';
import { textMatches } from './search.repository.js';
import type { SearchQuery, SearchResult } from './search.schema.js';

/** The date a reader means by "from … to …": issued date, else arrival, else creation (yyyy-MM-dd). */
const documentDate = sql<string>`coalesce(documents.issued_date, substr(documents.arrival_date, 1, 10), substr(documents.created_at, 1, 10))`;

/**
 * Full-text search over the documents the caller may read (the contract's read rule: confidential ones only
 * with a grant), accent-insensitive over metadata and the text of their PDFs. A page that shows confidential
 * documents is audited (every read of a confidential document is).
 */
export async function searchDocuments(
  deps: { db: Db; dialect: DialectName },
  context: AuditContext,
  actor: Actor,
  query: SearchQuery,
  language: Language,
): Promise<SearchResult> {
  const { db, dialect } = deps;
  const visible = await visibleCondition(db, actor);
  const terms = searchTerms(query.q);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;

  const base = db.selectFrom('documents').where((eb) => {
    const conditions: Expression<SqlBool>[] = [visible(eb)];
    if (terms.length > 0) conditions.push(textMatches(dialect, terms));
    if (query.unitId !== undefined) conditions.push(eb('documents.unit_id', '=', query.unitId));
    if (query.direction !== undefined) conditions.push(eb('documents.direction', '=', query.direction));
    if (query.typeCode !== undefined) conditions.push(eb('documents.type_code', '=', query.typeCode));
    if (query.from !== undefined) conditions.push(eb(documentDate, '>=', query.from));
    if (query.to !== undefined) conditions.push(eb(documentDate, '<=', query.to));
    return eb.and(conditions);
  });
  // The page is chosen on narrow rows (id and date) and only its 20 documents are read whole: sorting whole rows,
  // PDF text included, cost 400 ms on 100,000 documents (bench/documents-search.ts).
  const [{ total }, pageRows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select('documents.id')
      .orderBy('documents.updated_at', 'desc')
      .orderBy('documents.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  const pageIds = pageRows.map((row) => Number(row.id));
  const byId = new Map(
    (pageIds.length === 0 ? [] : await db.selectFrom('documents').selectAll().where('id', 'in', pageIds).execute()).map((row) => [Number(row.id), row]),
  );
  const rows = pageIds.flatMap((id) => byId.get(id) ?? []);

  const confidentialIds = rows.filter((row) => isConfidential(row.confidentiality)).map((row) => Number(row.id));
  if (confidentialIds.length > 0) {
    await db.transaction().execute((tx) =>
      recordAudit(tx, context, { action: 'document.read', entityType: 'document', entityId: null, summary: { via: 'search', documentIds: confidentialIds } }),
    );
  }
  const summaries = await summaryContext(db, rows, actor.userId, language);
  return {
    total: Number(total),
    items: rows.map((row) => ({ ...toSummary(row, summaries), snippet: snippetOf([row.search_text, row.content_text], terms) })),
  };
}
