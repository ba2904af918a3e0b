import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import type { Config } from '../../platform/config.js';

// Secure whenever the site is served over HTTPS, so the cookie never travels in clear text (level 3: encryption in transit).
function isSecure(config: Config, request: FastifyRequest): boolean {
  return config.publicUrl.startsWith('https:') || request.protocol === 'https';
}

function cookieOptions(config: Config, request: FastifyRequest) {
  // HttpOnly keeps the secret away from scripts; SameSite=Lax stops cross-site writes carrying it.
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: isSecure(config, request) };
}

export function setSessionCookie(reply: FastifyReply, config: Config, secret: string): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    ...cookieOptions(config, reply.request),
    maxAge: config.session.absoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(config, reply.request));
}
