import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import { dialectOf } from '../../platform/database/dialect.js';
import { foldVietnamese } from '../../platform/text/fold.js';
import type { ProcedureDocument, ProcedureListQuery, ProcedureSummary } from './procedures.schema.js';

export interface StoredVersion {
  document: ProcedureDocument;
  version: number;
  createdAt: string;
}

export interface ProcedureHead {
  code: string;
  status: string;
  currentVersion: number;
}

/** Name weighted apart from the rest, so a hit in the name ranks above a hit in, say, a requirement. */
export function searchTextsOf(document: ProcedureDocument): { search_name: string; search_text: string } {
  const rest = [
    document.code,
    document.field,
    document.result.name,
    ...document.requirements.map((r) => r.name),
    ...document.legalBasis,
  ].join(' ');
  return { search_name: foldVietnamese(document.name), search_text: foldVietnamese(rest) };
}

/** Folded words of a query, only letters and digits: safe inside an FTS5 MATCH or a tsquery. */
export function queryTerms(q: string): string[] {
  return foldVietnamese(q)
    .split(/[^a-z0-9]+/)
    .filter((term) => term.length > 0)
    .slice(0, 12);
}

/**
 * The one place where search differs by dialect (style guide §3): every term must match (as a prefix);
 * `rank` is lower for better hits. SQLite: FTS5 with bm25 (name weighted 10, the rest 1); PostgreSQL: the
 * 'simple' tsvector of migration 0004 (name weight A) with ts_rank, negated so both sort ascending.
 */
function fullTextMatch(db: Executor, terms: string[]): { where: Expression<SqlBool>; rank: Expression<number> } {
  if (dialectOf(db) === 'sqlite') {
    const match = terms.map((term) => `"${term}"*`).join(' ');
    return {
      where: sql<SqlBool>`procedures.code in (select code from procedures_fts where procedures_fts match ${match})`,
      rank: sql<number>`(select bm25(procedures_fts, 0, 10.0, 1.0) from procedures_fts where procedures_fts match ${match} and procedures_fts.code = procedures.code)`,
    };
  }
  const tsquery = terms.map((term) => `${term}:*`).join(' & ');
  const vector = sql`(setweight(to_tsvector('simple', procedures.search_name), 'A') || setweight(to_tsvector('simple', procedures.search_text), 'B'))`;
  return {
    where: sql<SqlBool>`${vector} @@ to_tsquery('simple', ${tsquery})`,
    rank: sql<number>`-ts_rank(${vector}, to_tsquery('simple', ${tsquery}))`,
  };
}

async function syncFullTextIndex(db: Executor, code: string, texts: { search_name: string; search_text: string }): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return; // PostgreSQL indexes the columns themselves.
  await sql`delete from procedures_fts where code = ${code}`.execute(db);
  await sql`insert into procedures_fts (code, search_name, search_text) values (${code}, ${texts.search_name}, ${texts.search_text})`.execute(db);
}

export async function findProcedureHead(db: Executor, code: string): Promise<ProcedureHead | undefined> {
  const row = await db.selectFrom('procedures').select(['code', 'status', 'current_version']).where('code', '=', code).executeTakeFirst();
  return row && { code: row.code, status: row.status, currentVersion: Number(row.current_version) };
}

export async function findVersion(db: Executor, code: string, version: number): Promise<StoredVersion | undefined> {
  const row = await db
    .selectFrom('procedure_versions')
    .select(['document', 'version', 'created_at'])
    .where('procedure_code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && { document: JSON.parse(row.document) as ProcedureDocument, version: Number(row.version), createdAt: row.created_at };
}

/**
 * Writes version `version` of a procedure and makes it current (inserting the procedure at version 1).
 * Returns false, writing nothing, when the current version is no longer `version - 1`: a racing edit won.
 */
export async function saveVersion(
  db: Executor,
  document: ProcedureDocument & { status: string },
  version: number,
  createdBy: number | null,
): Promise<boolean> {
  const now = new Date().toISOString();
  const texts = searchTextsOf(document);
  const columns = {
    name: document.name,
    field: document.field,
    level: document.level,
    online_level: document.onlineLevel,
    status: document.status,
    current_version: version,
    ...texts,
    updated_at: now,
  };
  if (version === 1) {
    await db.insertInto('procedures').values({ code: document.code, ...columns, created_at: now }).execute();
  } else {
    // Conditional on the version the caller read: on PostgreSQL a concurrent edit waits for this row and then matches nothing.
    const result = await db
      .updateTable('procedures')
      .set(columns)
      .where('code', '=', document.code)
      .where('current_version', '=', version - 1)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
  }
  await db
    .insertInto('procedure_versions')
    .values({ procedure_code: document.code, version, document: JSON.stringify(document), created_at: now, created_by: createdBy })
    .execute();
  await syncFullTextIndex(db, document.code, texts);
  return true;
}

export interface SearchFilter extends Omit<ProcedureListQuery, 'page' | 'pageSize'> {
  status?: string;
}

export async function searchProcedures(
  db: Executor,
  filter: SearchFilter,
  page: { offset: number; limit: number },
): Promise<{ items: ProcedureSummary[]; total: number }> {
  const terms = filter.q ? queryTerms(filter.q) : [];
  const match = terms.length > 0 ? fullTextMatch(db, terms) : undefined;
  let query = db.selectFrom('procedures');
  if (filter.status) query = query.where('procedures.status', '=', filter.status);
  if (filter.field) query = query.where('procedures.field', '=', filter.field);
  if (filter.level) query = query.where('procedures.level', '=', filter.level);
  if (filter.onlineLevel) query = query.where('procedures.online_level', '=', filter.onlineLevel);
  if (match) query = query.where(match.where);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let ordered = query.innerJoin('procedure_versions', (join) =>
    join.onRef('procedure_versions.procedure_code', '=', 'procedures.code').onRef('procedure_versions.version', '=', 'procedures.current_version'),
  );
  if (match) ordered = ordered.orderBy(match.rank);
  const rows = await ordered
    .select(['procedure_versions.document', 'procedures.current_version', 'procedures.status'])
    .orderBy('procedures.code')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { items: rows.map((row) => summaryOf(JSON.parse(row.document), Number(row.current_version), row.status)), total: Number(total) };
}

function summaryOf(document: ProcedureDocument, version: number, status: string): ProcedureSummary {
  return {
    code: document.code,
    name: document.name,
    field: document.field,
    level: document.level,
    onlineLevel: document.onlineLevel,
    status,
    version,
    processingTime: document.processingTime,
    totalFeeVnd: document.fees.reduce((sum, fee) => sum + fee.amountVnd, 0),
  };
}

/** Current documents of every procedure, retired ones included, in code order (for export). */
export async function listCurrentDocuments(db: Executor): Promise<ProcedureDocument[]> {
  const rows = await db
    .selectFrom('procedures')
    .innerJoin('procedure_versions', (join) =>
      join.onRef('procedure_versions.procedure_code', '=', 'procedures.code').onRef('procedure_versions.version', '=', 'procedures.current_version'),
    )
    .select('procedure_versions.document')
    .orderBy('procedures.code')
    .execute();
  return rows.map((row) => JSON.parse(row.document) as ProcedureDocument);
}
