import QRCode from 'qrcode';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { MFA_REQUIRED_ROLES } from '../../platform/auth/roles.js';
import type { Db } from '../../platform/database/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { ERRORS } from '../../platform/errors/catalogue.js';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import type { Language } from '../../platform/i18n/language.js';
import { consumeTotpStep, deleteOtherSessions, getUser, markSessionMfaVerified, updateUser } from './auth.repository.js';
import { matchTotpStep, newTotpSecret, totpUri } from './totp.js';

export interface CodeCheck {
  otp: string;
  language: Language;
  /** Attempts per account per minute: a six-digit code must not be guessable through a borrowed session. */
  rateLimit: number;
}

async function checkCode(db: Db, actor: Actor, secret: string | null, check: CodeCheck): Promise<void> {
  await enforceRateLimit(db, `auth:totp:user:${actor.userId}`, check.rateLimit, 60_000);
  const step = matchTotpStep(check.otp, secret);
  if (step === null || !(await consumeTotpStep(db, actor.userId, step))) throw wrongCode(check.language);
}

function wrongCode(language: Language): AppError {
  return new AppError('TOTP_CODE_WRONG', {}, [{ path: '/otp', message: ERRORS.TOTP_CODE_WRONG[language] }]);
}

/**
 * Step 1 of enrolment: a new secret kept as pending until the user proves their app holds it. Refused once
 * TOTP is on, so a borrowed session cannot silently move the second factor to another phone.
 */
export async function setupTotp(db: Db, audit: AuditContext, actor: Actor) {
  const user = await getUser(db, actor.userId);
  if (user.totp_enabled === 1) throw new AppError('TOTP_ALREADY_ENABLED');
  const secret = newTotpSecret();
  const otpauthUrl = totpUri(user.username, secret);
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  await db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, { totp_pending_secret: secret });
    await recordAudit(tx, audit, { action: 'auth.totp.setup', entityType: 'user', entityId: user.id });
  });
  return { secret, otpauthUrl, qrDataUrl };
}

/**
 * Step 2: a correct code from the app turns TOTP on and the current session counts as verified. Every other
 * session and token was opened with the password alone; they end, or a password-only token taken before
 * enrolment would gain an administrator's full access the moment enrolment lifted the restriction.
 */
export async function enableTotp(db: Db, audit: AuditContext, actor: Actor, check: CodeCheck): Promise<void> {
  const user = await getUser(db, actor.userId);
  if (user.totp_enabled === 1) throw new AppError('TOTP_ALREADY_ENABLED');
  if (!user.totp_pending_secret) throw new AppError('TOTP_SETUP_REQUIRED');
  await checkCode(db, actor, user.totp_pending_secret, check);
  await db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, { totp_secret: user.totp_pending_secret, totp_pending_secret: null, totp_enabled: 1 });
    await markSessionMfaVerified(tx, actor.session.id);
    const revoked = await deleteOtherSessions(tx, user.id, actor.session.id);
    await recordAudit(tx, audit, { action: 'auth.totp.enabled', entityType: 'user', entityId: user.id, summary: { revokedSessions: revoked } });
  });
}

/** Only accounts without an administrator role may turn TOTP off (Decree 85/2016 level 3: MFA for administrators). */
export async function disableTotp(db: Db, audit: AuditContext, actor: Actor, check: CodeCheck): Promise<void> {
  if (actor.grants.some((grant) => MFA_REQUIRED_ROLES.includes(grant.role))) throw new AppError('TOTP_REQUIRED_FOR_ROLE');
  const user = await getUser(db, actor.userId);
  if (user.totp_enabled !== 1) throw new AppError('TOTP_NOT_ENABLED');
  await checkCode(db, actor, user.totp_secret, check);
  await db.transaction().execute(async (tx) => {
    await updateUser(tx, user.id, { totp_secret: null, totp_pending_secret: null, totp_enabled: 0 });
    await recordAudit(tx, audit, { action: 'auth.totp.disabled', entityType: 'user', entityId: user.id });
  });
}
