import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword, verifyPassword } from '../../platform/auth/password.js';
import { assertStrongPassword } from '../../platform/auth/password-policy.js';
import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { ERRORS } from '../../platform/errors/catalogue.js';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import type { Language } from '../../platform/i18n/language.js';
import { deleteOtherSessions, getUser, updateUser } from './auth.repository.js';
import type { ChangePasswordBody } from './auth.schema.js';

/**
 * The signed-in user changes their own password. Proving the current one stops a borrowed session from
 * taking over the account; every other session and token ends, so a thief who knew the old password is out.
 */
export async function changePassword(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  body: ChangePasswordBody,
  language: Language,
  rateLimit: number,
): Promise<void> {
  // Bounds guessing of the current password through a borrowed session, per account and across nodes.
  await enforceRateLimit(db, `auth:password:user:${actor.userId}`, rateLimit, 60_000);
  const user = await getUser(db, actor.userId);
  if (!(await verifyPassword(body.currentPassword, user.password_hash))) {
    throw new AppError('CURRENT_PASSWORD_WRONG', {}, [{ path: '/currentPassword', message: ERRORS.CURRENT_PASSWORD_WRONG[language] }]);
  }
  assertStrongPassword(body.newPassword, language, { username: user.username, fieldPath: '/newPassword' });
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction().execute(async (tx) => {
    const now = new Date().toISOString();
    await updateUser(tx, user.id, { password_hash: passwordHash, password_changed_at: now, failed_logins: 0 });
    const revoked = await deleteOtherSessions(tx, user.id, actor.session.id);
    await recordAudit(tx, audit, {
      action: 'auth.password.changed',
      entityType: 'user',
      entityId: user.id,
      summary: { revokedSessions: revoked },
    });
  });
}

