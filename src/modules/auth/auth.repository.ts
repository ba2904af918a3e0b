import { sql } from 'kysely';
import type { Executor } from '../../platform/database/database.js';
import type { UserRow, UserUpdate } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';

export function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function getUser(db: Executor, id: number): Promise<UserRow> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user) throw new AppError('NOT_FOUND');
  return user;
}

export async function updateUser(db: Executor, id: number, changes: UserUpdate): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...changes, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Adds one to the consecutive failures in one statement, so concurrent failures are all counted. */
export async function incrementFailedLogins(db: Executor, id: number): Promise<number> {
  const row = await db
    .updateTable('users')
    .set({ failed_logins: sql<number>`failed_logins + 1` })
    .where('id', '=', id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  return Number(row.failed_logins);
}

export function findUnit(db: Executor, id: number) {
  return db.selectFrom('units').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst();
}

export function listGrantsWithUnits(db: Executor, userId: number) {
  return db
    .selectFrom('role_grants')
    .leftJoin('units', 'units.id', 'role_grants.unit_id')
    .select(['role_grants.role', 'role_grants.unit_id', 'role_grants.include_subtree', 'units.name as unit_name'])
    .where('role_grants.user_id', '=', userId)
    .orderBy('role_grants.id')
    .execute();
}

/** Every session and token of the user except `keepSessionId`. */
export async function deleteOtherSessions(db: Executor, userId: number, keepSessionId: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', '!=', keepSessionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function markSessionMfaVerified(db: Executor, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ mfa_verified: 1 }).where('id', '=', sessionId).execute();
}

/**
 * Accepts a TOTP time step once (RFC 6238 §5.2): the conditional update succeeds only for a step later than
 * the last accepted one, so two requests racing with the same code cannot both pass.
 */
export async function consumeTotpStep(db: Executor, userId: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
