import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Executor } from '../database/database.js';
import { AppError } from '../errors/app-error.js';
import { pickLanguage } from '../i18n/language.js';
import type { Actor, Grant } from './actor.js';
import { MFA_REQUIRED_ROLES, isRole } from './roles.js';
import { SESSION_COOKIE, SessionKind, revokeSession, sessionIdOf } from './sessions.js';
import type { Config } from '../config.js';
import type { UserRow } from '../database/schema.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Writing last_seen_at on every request would turn each read into a write; once a minute is enough for idle timeouts.
const TOUCH_INTERVAL_MS = 60_000;

export const CSRF_HEADER = 'x-csrf-token';

export async function loadGrants(db: Executor, userId: number): Promise<Grant[]> {
  const rows = await db
    .selectFrom('role_grants')
    .select(['role', 'unit_id', 'include_subtree'])
    .where('user_id', '=', userId)
    .execute();
  return rows
    .filter((r) => isRole(r.role))
    .map((r) => ({ role: r.role as Grant['role'], unitId: r.unit_id, includeSubtree: r.include_subtree === 1 }));
}

export function mustEnrolMfa(user: Pick<UserRow, 'totp_enabled'>, grants: Grant[]): boolean {
  return user.totp_enabled !== 1 && grants.some((g) => MFA_REQUIRED_ROLES.includes(g.role));
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : undefined;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

interface Resolution {
  actor: Actor | null;
  problem?: 'SESSION_EXPIRED' | 'ACCOUNT_DISABLED' | 'UNAUTHENTICATED';
}

async function resolveActor(db: Executor, config: Config, request: FastifyRequest): Promise<Resolution> {
  const bearer = bearerOf(request);
  const secret = bearer ?? request.cookies?.[SESSION_COOKIE];
  if (!secret) return { actor: null };
  // Session and account in one round trip: this runs on every authenticated request.
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.kind as session_kind',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.username',
      'users.full_name',
      'users.kind as user_kind',
      'users.unit_id',
      'users.status',
      'users.totp_enabled',
    ])
    .where('sessions.id', '=', sessionIdOf(secret))
    .executeTakeFirst();
  const expectedKind = bearer ? SessionKind.Token : SessionKind.Cookie;
  if (!row || row.session_kind !== expectedKind) return { actor: null, problem: bearer ? 'UNAUTHENTICATED' : 'SESSION_EXPIRED' };
  const now = Date.now();
  const idleLimit = Date.parse(row.last_seen_at) + config.session.idleMinutes * 60_000;
  if (Date.parse(row.expires_at) <= now || (row.session_kind === SessionKind.Cookie && idleLimit <= now)) {
    await revokeSession(db, row.session_id);
    return { actor: null, problem: 'SESSION_EXPIRED' };
  }
  if (row.status !== 'active') {
    await revokeSession(db, row.session_id);
    return { actor: null, problem: 'ACCOUNT_DISABLED' };
  }
  if (now - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: new Date(now).toISOString() }).where('id', '=', row.session_id).execute();
  }
  const session = { id: row.session_id, kind: row.session_kind, csrf_token: row.csrf_token, expires_at: row.expires_at };
  const user = { id: row.user_id, username: row.username, full_name: row.full_name, kind: row.user_kind, unit_id: row.unit_id, totp_enabled: row.totp_enabled };
  const grants = await loadGrants(db, user.id);
  return {
    actor: {
      userId: user.id,
      username: user.username,
      fullName: user.full_name,
      kind: user.kind as Actor['kind'],
      unitId: user.unit_id,
      grants,
      session: { id: session.id, kind: session.kind as Actor['session']['kind'], csrfToken: session.csrf_token, expiresAt: session.expires_at },
      mfaEnrolmentRequired: mustEnrolMfa(user, grants),
    },
  };
}

/**
 * Resolves the caller of every request (session cookie or bearer token), then enforces: deny by default
 * (routes opt in with `config.public`), CSRF on cookie-authenticated writes, and TOTP enrolment for
 * administrators.
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('language', 'vi');
  app.decorateRequest('auditContext', function (this: FastifyRequest) {
    return {
      actorId: this.actor?.userId ?? null,
      actorUsername: this.actor?.username ?? null,
      unitId: this.actor?.unitId ?? null,
      ip: this.ip ?? null,
      requestId: this.id,
    };
  });

  app.addHook('onRequest', async (request) => {
    request.language = pickLanguage(request.headers['accept-language']);
    // The interactive API reference (/api/docs) is public documentation, not an API route.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs') || request.is404) return;
    const { db, config } = app.ctx;
    const routeConfig = request.routeOptions.config ?? {};
    const { actor, problem } = await resolveActor(db, config, request);
    request.actor = actor;
    if (!actor) {
      if (routeConfig.public) return;
      throw new AppError(problem ?? 'UNAUTHENTICATED');
    }
    if (actor.session.kind === SessionKind.Cookie && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !actor.session.csrfToken || !safeEqual(sent, actor.session.csrfToken)) {
        // A public route (e.g. login) still works, but anonymously: a forged write never acts with the session.
        if (routeConfig.public) {
          request.actor = null;
          return;
        }
        throw new AppError('CSRF_INVALID');
      }
    }
    if (actor.mfaEnrolmentRequired && !routeConfig.allowDuringMfaEnrolment && !routeConfig.public) {
      throw new AppError('MFA_ENROLMENT_REQUIRED');
    }
  });
}

/** For use cases: the authenticated actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}
