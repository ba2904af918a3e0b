import { sql, type Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.js';

/*
 * The procedure catalogue (thủ tục hành chính). `procedures` holds one row per code with the current version and
 * the folded search text; `procedure_versions` keeps every version's JSON document, because a dossier keeps the
 * version it was filed under. Search differs by dialect (style guide §3): SQLite gets an FTS5 table over the
 * folded text, PostgreSQL a GIN index over a 'simple' tsvector of the same columns (no language stemming:
 * the text is folded Vietnamese).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  await db.schema
    .createTable('procedures')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('online_level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('procedure_versions')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('procedure_code', 'text', (c) => c.notNull().references('procedures.code'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('procedure_versions_code_version', ['procedure_code', 'version'])
    .execute();
  await db.schema.createIndex('procedures_field_level').on('procedures').columns(['status', 'field', 'level']).execute();
  if (dialect === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE procedures_fts USING fts5(code UNINDEXED, search_name, search_text)`.execute(db);
  } else {
    await sql`CREATE INDEX procedures_search ON procedures USING GIN ((
      setweight(to_tsvector('simple', search_name), 'A') || setweight(to_tsvector('simple', search_text), 'B')))`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') await sql`DROP TABLE IF EXISTS procedures_fts`.execute(db);
  await db.schema.dropTable('procedure_versions').execute();
  await db.schema.dropTable('procedures').execute();
}
