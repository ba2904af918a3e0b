import { assertStrongPassword } from '../../platform/auth/password-policy.js';
import { hashPassword } from '../../platform/auth/password.js';
import { revokeAllSessions } from '../../platform/auth/sessions.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Language } from '../../platform/i18n/language.js';
import { SYSTEM, type Performer } from './performer.js';
import { accountUnit, requireUserManager } from './user-access.js';
import { findUserSummary, updateUserRow } from './users.repository.js';
import { UserStatus, type UserSummary } from './users.schema.js';
import { getUserRow } from './users.service.js';

/**
 * Vô hiệu hóa tài khoản: the account can no longer sign in and every session and token it holds ends now.
 * Used by POST /api/users/{id}/disable and `cqs user disable`. Disabling an already disabled account is a no-op.
 */
export async function disableUser(db: Db, context: AuditContext, id: number, performer: Performer): Promise<UserSummary> {
  const target = await getUserRow(db, id);
  await requireUserManager(db, performer, target);
  if (performer !== SYSTEM && performer.userId === id) throw new AppError('USER_SELF_DISABLE');
  return db.transaction().execute(async (tx) => {
    await updateUserRow(tx, id, { status: UserStatus.Disabled });
    const revokedSessions = await revokeAllSessions(tx, id);
    await recordAudit(tx, context, {
      action: 'user.disable',
      entityType: 'user',
      entityId: id,
      unitId: accountUnit(target),
      summary: { before: { status: target.status }, after: { status: UserStatus.Disabled }, revokedSessions },
    });
    return (await findUserSummary(tx, id))!;
  });
}

export async function enableUser(db: Db, context: AuditContext, id: number, performer: Performer): Promise<UserSummary> {
  const target = await getUserRow(db, id);
  await requireUserManager(db, performer, target);
  return db.transaction().execute(async (tx) => {
    await updateUserRow(tx, id, { status: UserStatus.Active, failed_logins: 0, locked_until: null });
    await recordAudit(tx, context, {
      action: 'user.enable',
      entityType: 'user',
      entityId: id,
      unitId: accountUnit(target),
      summary: { before: { status: target.status }, after: { status: UserStatus.Active } },
    });
    return (await findUserSummary(tx, id))!;
  });
}

/**
 * Đặt lại mật khẩu: sets a new password, clears the lockout counters and ends every session, so whoever
 * held the old password is signed out. Used by the API and `cqs user reset-password`.
 */
export async function resetPassword(
  db: Db,
  context: AuditContext,
  id: number,
  newPassword: string,
  performer: Performer,
  language: Language = 'vi',
): Promise<void> {
  const target = await getUserRow(db, id);
  await requireUserManager(db, performer, target);
  assertStrongPassword(newPassword, language, { username: target.username, fieldPath: '/newPassword' });
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (tx) => {
    await updateUserRow(tx, id, { password_hash: passwordHash, password_changed_at: new Date().toISOString(), failed_logins: 0, locked_until: null });
    const revokedSessions = await revokeAllSessions(tx, id);
    await recordAudit(tx, context, { action: 'user.password.reset', entityType: 'user', entityId: id, unitId: accountUnit(target), summary: { revokedSessions } });
  });
}

/** Clears the second factor so the user enrols again at the next sign-in (lost phone); sessions end too. */
export async function resetTotp(db: Db, context: AuditContext, id: number, performer: Performer): Promise<void> {
  const target = await getUserRow(db, id);
  await requireUserManager(db, performer, target);
  await db.transaction().execute(async (tx) => {
    await updateUserRow(tx, id, { totp_secret: null, totp_pending_secret: null, totp_enabled: 0 });
    const revokedSessions = await revokeAllSessions(tx, id);
    await recordAudit(tx, context, {
      action: 'user.totp.reset',
      entityType: 'user',
      entityId: id,
      unitId: accountUnit(target),
      summary: { before: { totpEnabled: target.totp_enabled === 1 }, revokedSessions },
    });
  });
}
