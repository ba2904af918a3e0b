import { assertStrongPassword } from '../../platform/auth/password-policy.js';
import { hashPassword } from '../../platform/auth/password.js';
import { Permission } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import { checkGrants } from './grants.js';
import { SYSTEM, requirePerformer, type Performer } from './performer.js';
import { findUserByUsername, findUserDetail, insertUserRow, replaceGrantRows } from './users.repository.js';
import { USERNAME_PATTERN, UserKind, type CreateUserInput, type UserDetail } from './users.schema.js';

const MESSAGES = {
  username: { vi: 'Tên đăng nhập gồm 3–50 ký tự: chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang.', en: 'Use 3–50 letters without marks, digits, dots, underscores or dashes.' },
  unitRequired: { vi: 'Tài khoản cán bộ phải thuộc một đơn vị.', en: 'An official account needs a unit.' },
  unitForbidden: { vi: 'Tài khoản công dân không thuộc đơn vị nào.', en: 'A citizen account has no unit.' },
  unitMissing: { vi: 'Đơn vị không tồn tại.', en: 'The unit does not exist.' },
} as const;

/** Checks the input the HTTP schema cannot (and that the CLI, which has no schema, also needs). */
function validate(input: CreateUserInput, language: Language): { username: string; unitId: number | null } {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/username', message: MESSAGES.username[language] }]);
  const unitId = input.unitId ?? null;
  if (input.kind === UserKind.Official && unitId === null) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/unitId', message: MESSAGES.unitRequired[language] }]);
  }
  if (input.kind === UserKind.Citizen && unitId !== null) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/unitId', message: MESSAGES.unitForbidden[language] }]);
  }
  return { username, unitId };
}

/**
 * Tạo tài khoản. Used by POST /api/users and by `cqs user add` (performer `system`).
 * Needs user.manage on the account's unit (province-wide for citizens) and the right to hand out each role.
 */
export async function createUser(
  db: Db,
  context: AuditContext,
  input: CreateUserInput,
  performer: Performer,
  language: Language = 'vi',
): Promise<UserDetail> {
  const { username, unitId } = validate(input, language);
  const unit = unitId === null ? undefined : await db.selectFrom('units').select('status').where('id', '=', unitId).executeTakeFirst();
  if (unitId !== null && !unit) throw new AppError('VALIDATION_FAILED', {}, [{ path: '/unitId', message: MESSAGES.unitMissing[language] }]);
  await requirePerformer(db, performer, Permission.UserManage, unitId);
  if (unit && unit.status !== 'active') throw new AppError('UNIT_MERGED');
  assertStrongPassword(input.password, language, { username });
  // scrypt takes ~100 ms and 32 MiB: hash before opening the transaction so it stays short.
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    // Re-checked inside the transaction: the unit may have been merged meanwhile.
    if (unitId !== null && (await tx.selectFrom('units').select('status').where('id', '=', unitId).executeTakeFirst())?.status !== 'active') {
      throw new AppError('UNIT_MERGED');
    }
    const grants = await checkGrants(tx, performer, input.kind, input.roles ?? [], language);
    if (await findUserByUsername(tx, username)) throw new AppError('USERNAME_TAKEN', { username });
    const id = await insertUserRow(tx, {
      username,
      fullName: input.fullName.trim(),
      email: input.email ?? null,
      phone: input.phone ?? null,
      kind: input.kind,
      unitId,
      title: input.title ?? null,
      identityNumber: input.identityNumber ?? null,
      passwordHash,
    }).catch((error: unknown) => {
      // Two concurrent requests for one username: the unique index decides, the loser gets the same 409.
      if (isUniqueViolation(error)) throw new AppError('USERNAME_TAKEN', { username });
      throw error;
    });
    await replaceGrantRows(tx, id, grants, performer === SYSTEM ? null : performer.userId);
    // Personal data (e-mail, phone, identity number) stays out of the audit summary.
    await recordAudit(tx, context, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      unitId,
      summary: { after: { username, kind: input.kind, unitId, title: input.title ?? null, roles: grants } },
    });
    return (await findUserDetail(tx, id))!;
  });
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
