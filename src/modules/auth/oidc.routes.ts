import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../app.js';
import { AppError } from '../../platform/errors/app-error.js';
import { setSessionCookie } from './session-cookie.js';
import {
  LOCAL_PATH_PATTERN,
  OIDC_CALLBACK_PATH,
  OIDC_FAILURE_REDIRECT,
  OIDC_START_PATH,
  OidcRelyingParty,
  OidcSignInError,
  beginSignIn,
  completeSignIn,
  isOidcConfigured,
  recordSignInFailure,
} from './oidc.service.js';

const TAGS = ['Xác thực'];

const ProvidersResponse = Type.Object({
  password: Type.Boolean({ description: 'Đăng nhập bằng tên và mật khẩu (password sign-in).' }),
  oidc: Type.Object({
    enabled: Type.Boolean(),
    name: Type.String({ description: 'Nhãn nút đăng nhập, ví dụ "VNeID" (button label).' }),
    startUrl: Type.Union([Type.String(), Type.Null()], { description: 'Địa chỉ bắt đầu đăng nhập (null khi chưa cấu hình).' }),
  }),
});

const StartQuery = Type.Object({
  returnTo: Type.Optional(
    Type.String({
      pattern: LOCAL_PATH_PATTERN,
      maxLength: 2000,
      description: 'Trang quay lại sau khi đăng nhập: đường dẫn nội bộ bắt đầu bằng "/" (local path only).',
    }),
  ),
});

const Redirect = Type.Null({ description: 'Chuyển hướng (redirect, header Location).' });

/** Sign-in for citizens through the national e-ID (VNeID) or any OpenID Connect provider. */
export async function oidcRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { config, db } = app.ctx;
  const rp = new OidcRelyingParty(config);

  app.get(
    '/api/auth/providers',
    {
      config: { public: true },
      schema: { tags: TAGS, summary: 'Các cách đăng nhập (sign-in methods for the login page)', response: { 200: ProvidersResponse } },
    },
    async () => {
      const enabled = isOidcConfigured(config);
      return { password: true, oidc: { enabled, name: config.oidc.displayName, startUrl: enabled ? OIDC_START_PATH : null } };
    },
  );

  app.get(
    OIDC_START_PATH,
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        summary: 'Bắt đầu đăng nhập bằng định danh điện tử (start e-ID sign-in)',
        querystring: StartQuery,
        response: { 302: Redirect },
      },
    },
    async (request, reply) => {
      if (!isOidcConfigured(config)) throw new AppError('OIDC_NOT_CONFIGURED');
      try {
        await rp.configuration();
      } catch (error) {
        // The provider is unreachable: the login page says so; the next attempt discovers again.
        request.log.warn({ errName: error instanceof Error ? error.name : 'unknown' }, 'oidc discovery failed');
        return reply.redirect(OIDC_FAILURE_REDIRECT, 302);
      }
      const url = await beginSignIn(db, rp, request.query.returnTo);
      return reply.redirect(url.href, 302);
    },
  );

  app.get(
    OIDC_CALLBACK_PATH,
    {
      config: { public: true },
      schema: {
        tags: TAGS,
        summary: 'Nhà cung cấp định danh chuyển về (e-ID provider callback)',
        description: 'Thành công: đặt cookie phiên và chuyển về returnTo; thất bại: chuyển về /login?error=oidc.',
        response: { 302: Redirect },
      },
    },
    async (request, reply) => {
      if (!isOidcConfigured(config)) throw new AppError('OIDC_NOT_CONFIGURED');
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const audit = request.auditContext();
      try {
        const result = await completeSignIn(db, config, rp, {
          callbackUrl: new URL(`${rp.redirectUri}${query}`),
          audit,
          ip: request.ip ?? null,
          userAgent: request.headers['user-agent'] ?? null,
          previousSessionId: request.actor?.session.kind === 'cookie' ? request.actor.session.id : null,
        });
        // Exactly the cookie of password sign-in (HttpOnly, SameSite=Lax, Secure over TLS).
        setSessionCookie(reply, config, result.session.secret);
        return reply.redirect(result.returnTo, 302);
      } catch (error) {
        const failure = error instanceof OidcSignInError ? error : new OidcSignInError('internal_error');
        if (failure === error) request.log.warn({ reason: failure.reason }, 'oidc sign-in failed');
        else request.log.error({ err: error }, 'oidc sign-in failed');
        await recordSignInFailure(db, audit, failure);
        return reply.redirect(OIDC_FAILURE_REDIRECT, 302);
      }
    },
  );
}
