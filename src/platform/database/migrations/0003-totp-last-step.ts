import type { Kysely } from 'kysely';

// RFC 6238 §5.2: a one-time code must not be accepted twice. The last accepted time step is kept per user.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
}
