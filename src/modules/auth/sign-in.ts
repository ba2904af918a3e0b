import type { AuditContext } from '../../platform/audit/audit.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { verifyPassword } from '../../platform/auth/password.js';
import { SessionKind, createSession, sessionIdOf, type CreatedSession, type SessionKindCode } from '../../platform/auth/sessions.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/database/database.js';
import type { UserRow } from '../../platform/database/schema.js';
import { AppError } from '../../platform/errors/app-error.js';
import { enforceRateLimit } from '../../platform/http/rate-limit.js';
import { consumeTotpStep, findUserByUsername, getUser, incrementFailedLogins, updateUser } from './auth.repository.js';
import type { LoginBody } from './auth.schema.js';
import { matchTotpStep } from './totp.js';

const RATE_WINDOW_MS = 60_000;

export const FailureReason = {
  UnknownUser: 'unknown_user',
  WrongPassword: 'wrong_password',
  Locked: 'locked',
  Disabled: 'disabled',
  OtpInvalid: 'otp_invalid',
} as const;
type FailureReasonCode = (typeof FailureReason)[keyof typeof FailureReason];

export interface SignInInput extends LoginBody {
  kind: SessionKindCode;
  ip: string;
  userAgent: string | null;
  /** The browser's current session cookie, replaced by the new one. */
  previousCookieSecret?: string;
}

export interface SignedIn {
  userId: number;
  session: CreatedSession;
}

/**
 * Password (and TOTP) sign-in for both browser sessions and bearer tokens. A refused attempt is audited and
 * committed before the error is thrown, so failures, lockouts and their audit entries survive the refusal.
 */
export async function signIn(ctx: AppContext, audit: AuditContext, input: SignInInput): Promise<SignedIn> {
  const { db, config } = ctx;
  // Shared by login and token, and by every node, so alternating endpoints or nodes does not raise the budget.
  await enforceRateLimit(db, `auth:ip:${input.ip}`, config.login.perIpPerMinute, RATE_WINDOW_MS);
  const username = input.username.normalize('NFC').toLowerCase();
  const found = await findUserByUsername(db, username);
  // Scrypt runs whether or not the account exists (a dummy hash otherwise), so timing does not reveal accounts.
  const passwordOk = await verifyPassword(input.password, found?.password_hash ?? null);

  const attempt: Attempt = { username, kind: input.kind };

  const outcome = await db.transaction().execute(async (tx): Promise<SignedIn | AppError> => {
    if (!found) return refuse(tx, audit, attempt, FailureReason.UnknownUser, undefined, new AppError('INVALID_CREDENTIALS'));
    const user = await getUser(tx, found.id);
    const now = Date.now();
    if (user.locked_until && Date.parse(user.locked_until) > now) {
      return refuse(tx, audit, attempt, FailureReason.Locked, user, lockedError(user.locked_until, now));
    }
    if (!passwordOk) {
      return registerFailure(tx, ctx, audit, attempt, user, FailureReason.WrongPassword, new AppError('INVALID_CREDENTIALS'));
    }
    // Only a caller who knows the password learns that the account is disabled.
    if (user.status !== 'active') return refuse(tx, audit, attempt, FailureReason.Disabled, user, new AppError('ACCOUNT_DISABLED'));
    if (user.totp_enabled === 1) {
      if (!input.otp) return new AppError('OTP_REQUIRED');
      const step = matchTotpStep(input.otp, user.totp_secret);
      if (step === null || !(await consumeTotpStep(tx, user.id, step))) {
        return registerFailure(tx, ctx, audit, attempt, user, FailureReason.OtpInvalid, new AppError('OTP_INVALID'));
      }
    }
    return openSession(tx, config.session, audit, user, input);
  });
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}

interface Attempt {
  username: string;
  kind: SessionKindCode;
}

/** Audits a refused attempt (the reason, never the password) and hands back the error to answer with. */
async function refuse(
  tx: Tx,
  audit: AuditContext,
  attempt: Attempt,
  reason: FailureReasonCode,
  user: UserRow | undefined,
  error: AppError,
): Promise<AppError> {
  await recordAudit(tx, audit, {
    action: 'auth.login.failed',
    entityType: 'user',
    entityId: user?.id ?? null,
    unitId: user?.unit_id ?? null,
    summary: { reason, username: attempt.username, kind: attempt.kind },
  });
  return error;
}

function lockedError(lockedUntil: string, now: number): AppError {
  return new AppError('ACCOUNT_LOCKED', { minutes: Math.max(1, Math.ceil((Date.parse(lockedUntil) - now) / 60_000)) });
}

/** Counts a consecutive failure; the one that reaches the limit locks the account and answers 423 at once. */
async function registerFailure(
  tx: Tx,
  ctx: AppContext,
  audit: AuditContext,
  attempt: Attempt,
  user: UserRow,
  reason: FailureReasonCode,
  error: AppError,
): Promise<AppError> {
  const { maxFailedAttempts, lockoutMinutes } = ctx.config.login;
  const failures = await incrementFailedLogins(tx, user.id);
  if (failures < maxFailedAttempts) return refuse(tx, audit, attempt, reason, user, error);
  const now = Date.now();
  const lockedUntil = new Date(now + lockoutMinutes * 60_000).toISOString();
  // The counter restarts, so after the lockout the account gets the full number of attempts again.
  await updateUser(tx, user.id, { locked_until: lockedUntil, failed_logins: 0 });
  await refuse(tx, audit, attempt, reason, user, error);
  await recordAudit(tx, audit, {
    action: 'auth.locked',
    entityType: 'user',
    entityId: user.id,
    unitId: user.unit_id,
    summary: { failedAttempts: failures, lockedUntil, minutes: lockoutMinutes },
  });
  return lockedError(lockedUntil, now);
}

async function openSession(
  tx: Tx,
  sessionConfig: AppContext['config']['session'],
  audit: AuditContext,
  user: UserRow,
  input: SignInInput,
): Promise<SignedIn> {
  const now = new Date().toISOString();
  await updateUser(tx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now });
  if (input.previousCookieSecret) {
    await tx.deleteFrom('sessions').where('id', '=', sessionIdOf(input.previousCookieSecret)).execute();
  }
  const ttlMs = (input.kind === SessionKind.Token ? sessionConfig.tokenHours : sessionConfig.absoluteHours) * 3_600_000;
  const session = await createSession(tx, {
    userId: user.id,
    kind: input.kind,
    mfaVerified: user.totp_enabled === 1,
    ip: input.ip,
    userAgent: input.userAgent,
    ttlMs,
  });
  await recordAudit(
    tx,
    { ...audit, actorId: user.id, actorUsername: user.username, unitId: user.unit_id },
    {
      action: input.kind === SessionKind.Token ? 'auth.token' : 'auth.login',
      entityType: 'user',
      entityId: user.id,
      summary: { kind: input.kind, mfa: user.totp_enabled === 1, expiresAt: session.expiresAt },
    },
  );
  return { userId: user.id, session };
}
