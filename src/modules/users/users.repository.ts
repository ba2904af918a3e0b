import { sql } from 'kysely';
import type { UnitScope } from '../../platform/auth/access.js';
import type { Executor } from '../../platform/database/database.js';
import type { UserRow, UserUpdate } from '../../platform/database/schema.js';
import { escapeLike, foldVietnamese } from '../../platform/text/fold.js';
import type { RoleCode } from '../../platform/auth/roles.js';
import {
  UserKind,
  type GrantInput,
  type RoleGrantView,
  type UserDetail,
  type UserKindCode,
  type UserListQuery,
  type UserStatusCode,
  type UserSummary,
} from './users.schema.js';

export function searchTextOf(fullName: string, username: string): string {
  return foldVietnamese(`${fullName} ${username}`);
}

export function findUserRow(db: Executor, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export async function grantsOf(db: Executor, userIds: number[]): Promise<Map<number, RoleGrantView[]>> {
  const byUser = new Map<number, RoleGrantView[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('role_grants')
    .leftJoin('units', 'units.id', 'role_grants.unit_id')
    .select(['role_grants.user_id', 'role_grants.role', 'role_grants.unit_id', 'role_grants.include_subtree', 'units.name as unit_name'])
    .where('role_grants.user_id', 'in', userIds)
    .orderBy('role_grants.id')
    .execute();
  for (const row of rows) {
    const list = byUser.get(Number(row.user_id)) ?? [];
    list.push({
      role: row.role as RoleCode,
      unitId: row.unit_id === null ? null : Number(row.unit_id),
      unitName: row.unit_name ?? null,
      includeSubtree: row.include_subtree === 1,
    });
    byUser.set(Number(row.user_id), list);
  }
  return byUser;
}

type UserWithUnit = UserRow & { unit_name: string | null };

function toSummary(row: UserWithUnit, roles: RoleGrantView[]): UserSummary {
  return {
    id: Number(row.id),
    username: row.username,
    fullName: row.full_name,
    kind: row.kind as UserKindCode,
    unitId: row.unit_id === null ? null : Number(row.unit_id),
    unitName: row.unit_name,
    title: row.title,
    status: row.status as UserStatusCode,
    totpEnabled: row.totp_enabled === 1,
    roles,
  };
}

function selectUsersWithUnit(db: Executor) {
  return db.selectFrom('users').leftJoin('units', 'units.id', 'users.unit_id').selectAll('users').select('units.name as unit_name');
}

export async function findUserSummary(db: Executor, id: number): Promise<UserSummary | undefined> {
  const row = await selectUsersWithUnit(db).where('users.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return toSummary(row, (await grantsOf(db, [id])).get(id) ?? []);
}

export async function findUserDetail(db: Executor, id: number): Promise<UserDetail | undefined> {
  const row = await selectUsersWithUnit(db).where('users.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toSummary(row, (await grantsOf(db, [id])).get(id) ?? []),
    email: row.email,
    phone: row.phone,
    identityNumber: row.identity_number,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** One page of accounts within the scope (officials of the permitted units; citizens only province-wide). */
export async function listUserSummaries(db: Executor, scope: UnitScope, query: UserListQuery): Promise<{ items: UserSummary[]; total: number }> {
  let base = db.selectFrom('users');
  if (!scope.all) {
    if (scope.unitIds.length === 0) return { items: [], total: 0 };
    base = base.where('users.kind', '=', UserKind.Official).where('users.unit_id', 'in', scope.unitIds);
  }
  if (query.unitId !== undefined) base = base.where('users.unit_id', '=', query.unitId);
  if (query.kind !== undefined) base = base.where('users.kind', '=', query.kind);
  if (query.status !== undefined) base = base.where('users.status', '=', query.status);
  if (query.q) {
    const pattern = `%${escapeLike(foldVietnamese(query.q))}%`;
    base = base.where(sql<boolean>`users.search_text like ${pattern} escape '\\'`);
  }
  const { total } = await base.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow();
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const rows = await base
    .leftJoin('units', 'units.id', 'users.unit_id')
    .selectAll('users')
    .select('units.name as unit_name')
    .orderBy('users.search_text')
    .orderBy('users.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const grants = await grantsOf(db, rows.map((r) => Number(r.id)));
  return { items: rows.map((r) => toSummary(r, grants.get(Number(r.id)) ?? [])), total: Number(total) };
}

export async function insertUserRow(
  db: Executor,
  user: {
    username: string;
    fullName: string;
    email: string | null;
    phone: string | null;
    kind: UserKindCode;
    unitId: number | null;
    title: string | null;
    identityNumber: string | null;
    /** Null for accounts that sign in only through the national e-ID (OpenID Connect). */
    passwordHash: string | null;
    oidc?: { issuer: string; subject: string };
    lastLoginAt?: string | null;
  },
): Promise<number> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('users')
    .values({
      username: user.username,
      full_name: user.fullName,
      email: user.email,
      phone: user.phone,
      kind: user.kind,
      identity_number: user.identityNumber,
      unit_id: user.unitId,
      title: user.title,
      password_hash: user.passwordHash,
      password_changed_at: user.passwordHash ? now : null,
      status: 'active',
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled: 0,
      failed_logins: 0,
      locked_until: null,
      oidc_issuer: user.oidc?.issuer ?? null,
      oidc_subject: user.oidc?.subject ?? null,
      last_login_at: user.lastLoginAt ?? null,
      created_at: now,
      updated_at: now,
      search_text: searchTextOf(user.fullName, user.username),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateUserRow(db: Executor, id: number, changes: UserUpdate): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...changes, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function replaceGrantRows(db: Executor, userId: number, grants: GrantInput[], createdBy: number | null): Promise<void> {
  await db.deleteFrom('role_grants').where('user_id', '=', userId).execute();
  const now = new Date().toISOString();
  for (const grant of grants) {
    await db
      .insertInto('role_grants')
      .values({
        user_id: userId,
        role: grant.role,
        unit_id: grant.unitId,
        include_subtree: grant.includeSubtree ? 1 : 0,
        created_at: now,
        created_by: createdBy,
      })
      .execute();
  }
}
