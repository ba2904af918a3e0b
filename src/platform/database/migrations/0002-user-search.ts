import type { Kysely } from 'kysely';
import { foldVietnamese } from '../../text/fold.js';

// users.search_text: folded "full name + username" so the account list can match "nguyen van duc" against
// "Nguyễn Văn Đức" with a plain LIKE on both SQLite and PostgreSQL (no collation or extension needed).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('search_text', 'text').execute();
  const rows = await db.selectFrom('users').select(['id', 'username', 'full_name']).execute();
  for (const row of rows) {
    await db
      .updateTable('users')
      .set({ search_text: foldVietnamese(`${row.full_name} ${row.username}`) })
      .where('id', '=', row.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // Derived data only: dropping it loses nothing that cannot be recomputed.
  await db.schema.alterTable('users').dropColumn('search_text').execute();
}
