import type { Kysely } from 'kysely';

/*
 * The leader dashboard counts the pending and overdue dossiers of a subtree by unit and procedure live (issue 6).
 * With (unit_id, status) alone every pending row is read from the table; with procedure and due date in the index the
 * count is answered from the index (a province with a million dossiers keeps about a quarter of them pending).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('dossiers_unit_status_procedure_due').on('dossiers').columns(['unit_id', 'status', 'procedure_code', 'due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('dossiers_unit_status_procedure_due').execute();
}
