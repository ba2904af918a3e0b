import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../database/database.js';
import type { SessionRow } from '../database/schema.js';

export const SessionKind = { Cookie: 'cookie', Token: 'token' } as const;
export type SessionKindCode = (typeof SessionKind)[keyof typeof SessionKind];

export const SESSION_COOKIE = 'cqs_session';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored by the SHA-256 of their secret, never the secret itself. */
export function sessionIdOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export interface NewSession {
  userId: number;
  kind: SessionKindCode;
  mfaVerified: boolean;
  ip: string | null;
  userAgent: string | null;
  /** Absolute lifetime. */
  ttlMs: number;
}

export interface CreatedSession {
  secret: string;
  csrfToken: string | null;
  expiresAt: string;
  row: SessionRow;
}

export async function createSession(db: Executor, input: NewSession): Promise<CreatedSession> {
  const secret = newSecret();
  const now = new Date();
  const row: SessionRow = {
    id: sessionIdOf(secret),
    user_id: input.userId,
    kind: input.kind,
    csrf_token: input.kind === SessionKind.Cookie ? newSecret() : null,
    mfa_verified: input.mfaVerified ? 1 : 0,
    ip: input.ip,
    user_agent: input.userAgent?.slice(0, 300) ?? null,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + input.ttlMs).toISOString(),
  };
  await db.insertInto('sessions').values(row).execute();
  return { secret, csrfToken: row.csrf_token, expiresAt: row.expires_at, row };
}

export function findSessionBySecret(db: Executor, secret: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', sessionIdOf(secret)).executeTakeFirst();
}

export async function revokeSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** "Đăng xuất khỏi mọi thiết bị": ends every cookie session and token of the user. */
export async function revokeAllSessions(db: Executor, userId: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Executor, now = new Date()): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
}
