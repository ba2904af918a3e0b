import type { Executor } from '../../platform/database/database.js';
import type { RoleCode } from '../../platform/auth/roles.js';

/*
 * The few inserts seeding needs. The units and users modules own these tables; seeding writes the rows itself
 * because it runs before any account exists (no actor to pass to their access checks) and in one transaction.
 */

export async function countUnits(db: Executor): Promise<number> {
  const row = await db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface SeedUnitRow {
  code: string;
  name: string;
  shortName: string;
  type: string;
  parentId: number | null;
}

export async function insertSeedUnit(db: Executor, unit: SeedUnitRow, now: string): Promise<number> {
  const row = await db
    .insertInto('units')
    .values({
      code: unit.code,
      name: unit.name,
      short_name: unit.shortName,
      type: unit.type,
      parent_id: unit.parentId,
      status: 'active',
      merged_into_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export interface SeedUserRow {
  username: string;
  fullName: string;
  title: string | null;
  email: string | null;
  kind: 'official' | 'citizen';
  unitId: number | null;
  identityNumber: string | null;
  passwordHash: string;
}

export async function insertSeedUser(db: Executor, user: SeedUserRow, now: string): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      username: user.username,
      full_name: user.fullName,
      email: user.email,
      phone: null,
      kind: user.kind,
      identity_number: user.identityNumber,
      unit_id: user.unitId,
      title: user.title,
      password_hash: user.passwordHash,
      password_changed_at: now,
      status: 'active',
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled: 0,
      failed_logins: 0,
      locked_until: null,
      oidc_issuer: null,
      oidc_subject: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function insertSeedGrant(
  db: Executor,
  grant: { userId: number; role: RoleCode; unitId: number | null; includeSubtree: boolean },
  now: string,
): Promise<void> {
  await db
    .insertInto('role_grants')
    .values({
      user_id: grant.userId,
      role: grant.role,
      unit_id: grant.unitId,
      include_subtree: grant.includeSubtree ? 1 : 0,
      created_at: now,
      created_by: null,
    })
    .execute();
}
