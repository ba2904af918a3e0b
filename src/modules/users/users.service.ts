import { permittedUnits } from '../../platform/auth/access.js';
import { Permission } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/database/database.js';
import type { UserRow, UserUpdate } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import { checkGrants, sameGrant } from './grants.js';
import { SYSTEM, requirePerformer, type Performer } from './performer.js';
import { accountUnit, mayGrant, mayReadUser, requireUserManager } from './user-access.js';
import { findUserDetail, findUserRow, grantsOf, listUserSummaries, replaceGrantRows, searchTextOf, updateUserRow } from './users.repository.js';
import { UserKind, type GrantInput, type UpdateUserInput, type UserDetail, type UserListQuery, type UserSummary } from './users.schema.js';

export async function getUserRow(db: Executor, id: number): Promise<UserRow> {
  const row = await findUserRow(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Accounts in the caller's reach (user.read); the list carries no personal data, so it is not audited. */
export async function listUsers(db: Db, performer: Performer, query: UserListQuery): Promise<{ items: UserSummary[]; total: number }> {
  const scope = performer === SYSTEM ? { all: true, unitIds: [] } : await permittedUnits(db, performer, Permission.UserRead);
  if (!scope.all && scope.unitIds.length === 0) throw new AppError('FORBIDDEN');
  return listUserSummaries(db, scope, query);
}

/** Full account incl. personal data: every read is audited (domain.md §9), in its own transaction. */
export async function getUser(db: Db, context: AuditContext, id: number, performer: Performer): Promise<UserDetail> {
  return db.transaction().execute(async (tx) => {
    const row = await findUserRow(tx, id);
    if (!row || !(await mayReadUser(tx, performer, row))) throw new AppError('NOT_FOUND');
    await recordAudit(tx, context, { action: 'user.read', entityType: 'user', entityId: id, unitId: accountUnit(row) });
    return (await findUserDetail(tx, id))!;
  });
}

const UNIT_MESSAGES = {
  citizen: { vi: 'Tài khoản công dân không thuộc đơn vị nào.', en: 'A citizen account has no unit.' },
  missing: { vi: 'Đơn vị không tồn tại.', en: 'The unit does not exist.' },
} as const;

export async function updateUser(
  db: Db,
  context: AuditContext,
  id: number,
  input: UpdateUserInput,
  performer: Performer,
  language: Language = 'vi',
): Promise<UserDetail> {
  const target = await getUserRow(db, id);
  await requireUserManager(db, performer, target);
  if (input.unitId !== undefined && input.unitId !== target.unit_id) {
    if (target.kind === UserKind.Citizen) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/unitId', message: UNIT_MESSAGES.citizen[language] }]);
    const unit = await db.selectFrom('units').select('status').where('id', '=', input.unitId).executeTakeFirst();
    if (!unit) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/unitId', message: UNIT_MESSAGES.missing[language] }]);
    await requirePerformer(db, performer, Permission.UserManage, input.unitId);
    if (unit.status !== 'active') throw new AppError('UNIT_MERGED');
  }
  return db.transaction().execute(async (tx) => {
    const row = await getUserRow(tx, id);
    const changes: UserUpdate = {};
    if (input.fullName !== undefined) changes.full_name = input.fullName.trim();
    if (input.email !== undefined) changes.email = input.email;
    if (input.phone !== undefined) changes.phone = input.phone;
    if (input.title !== undefined) changes.title = input.title;
    if (input.unitId !== undefined) changes.unit_id = input.unitId;
    if (input.identityNumber !== undefined) changes.identity_number = input.identityNumber;
    if (changes.full_name !== undefined) changes.search_text = searchTextOf(changes.full_name, row.username);
    await updateUserRow(tx, id, changes);
    // Before/after for what is not personal data; for e-mail, phone and identity number only that they changed.
    await recordAudit(tx, context, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      unitId: accountUnit(row),
      summary: {
        fields: Object.keys(input),
        before: { fullName: row.full_name, title: row.title, unitId: row.unit_id },
        after: { fullName: changes.full_name ?? row.full_name, title: changes.title !== undefined ? changes.title : row.title, unitId: changes.unit_id ?? row.unit_id },
      },
    });
    return (await findUserDetail(tx, id))!;
  });
}

/**
 * Replaces the account's role grants. Grants kept unchanged need nothing more; every grant added or
 * removed must be one the performer could hand out (no escalation, no stripping a more powerful admin).
 */
export async function replaceRoles(
  db: Db,
  context: AuditContext,
  id: number,
  roles: GrantInput[],
  performer: Performer,
  language: Language = 'vi',
): Promise<UserDetail> {
  const target = await getUserRow(db, id);
  if (!(await mayReadUser(db, performer, target))) throw new AppError('NOT_FOUND');
  await requirePerformer(db, performer, Permission.UserManage, accountUnit(target));
  return db.transaction().execute(async (tx) => {
    const before = (await grantsOf(tx, [id])).get(id) ?? [];
    const after = await checkGrants(tx, performer, target.kind, roles, language);
    for (const removed of before.filter((b) => !after.some((a) => sameGrant(a, b)))) {
      if (!(await mayGrant(tx, performer, removed))) throw new AppError('GRANT_ESCALATION', { role: removed.role });
    }
    await replaceGrantRows(tx, id, after, performer === SYSTEM ? null : performer.userId);
    await recordAudit(tx, context, {
      action: 'user.roles.replace',
      entityType: 'user',
      entityId: id,
      unitId: accountUnit(target),
      summary: {
        before: before.map(({ role, unitId, includeSubtree }) => ({ role, unitId, includeSubtree })),
        after,
      },
    });
    return (await findUserDetail(tx, id))!;
  });
}
