import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { SESSION_COOKIE, SessionKind } from '../../platform/auth/sessions.js';
import {
  ChangePasswordBody,
  LoginBody,
  LoginResponse,
  Me,
  NoContent,
  OtpBody,
  TokenResponse,
  TotpSetupResponse,
} from './auth.schema.js';
import { changePassword } from './change-password.js';
import { getMe } from './get-me.js';
import { disableTotp, enableTotp, setupTotp } from './manage-totp.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { signIn } from './sign-in.js';
import { signOut, signOutEverywhere } from './sign-out.js';

const tags = ['Xác thực'];
const security: Record<string, string[]>[] = [{ cookieAuth: [] }, { bearerAuth: [] }];
// Sign-in bodies are a few hundred bytes; a small limit keeps oversized bodies away from scrypt and JSON parsing.
const bodyLimit = 16 * 1024;
const duringEnrolment = { allowDuringMfaEnrolment: true };

function clientOf(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

export async function authRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.ctx;
  const rateLimit = config.login.perIpPerMinute;

  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      bodyLimit,
      schema: {
        tags,
        security: [],
        summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu (trình duyệt)',
        description:
          'Đặt cookie phiên `cqs_session` (HttpOnly, SameSite=Lax). Các yêu cầu ghi sau đó phải gửi `x-csrf-token` bằng `csrfToken` trả về.',
        body: LoginBody,
        response: { 200: LoginResponse },
      },
    },
    async (request, reply) => {
      const { userId, session } = await signIn(app.ctx, request.auditContext(), {
        ...request.body,
        ...clientOf(request),
        kind: SessionKind.Cookie,
        previousCookieSecret: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(reply, config, session.secret);
      const user = await getMe(db, userId, session, request.language);
      return { user, csrfToken: session.csrfToken! };
    },
  );

  app.post(
    '/api/auth/token',
    {
      config: { public: true },
      bodyLimit,
      schema: {
        tags,
        security: [],
        summary: 'Cấp mã truy cập (Bearer) cho tập lệnh và hệ thống tích hợp',
        description: 'Gửi mã trong tiêu đề `Authorization: Bearer …`; không cần `x-csrf-token`.',
        body: LoginBody,
        response: { 200: TokenResponse },
      },
    },
    async (request) => {
      const { session } = await signIn(app.ctx, request.auditContext(), {
        ...request.body,
        ...clientOf(request),
        kind: SessionKind.Token,
      });
      return { accessToken: session.secret, tokenType: 'Bearer' as const, expiresAt: session.expiresAt };
    },
  );

  app.get(
    '/api/auth/me',
    { config: duringEnrolment, schema: { tags, security, summary: 'Thông tin người dùng đang đăng nhập', response: { 200: Me } } },
    async (request) => {
      const actor = requireActor(request);
      return getMe(db, actor.userId, actor.session, request.language);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: duringEnrolment, schema: { tags, security, summary: 'Đăng xuất phiên hiện tại', response: { 204: NoContent } } },
    async (request, reply) => {
      await signOut(db, request.auditContext(), requireActor(request));
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-all',
    {
      config: duringEnrolment,
      schema: { tags, security, summary: 'Đăng xuất khỏi mọi thiết bị (thu hồi mọi phiên và mã truy cập)', response: { 204: NoContent } },
    },
    async (request, reply) => {
      await signOutEverywhere(db, request.auditContext(), requireActor(request));
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: duringEnrolment,
      schema: {
        tags,
        security,
        summary: 'Bắt đầu bật xác thực hai lớp: tạo khóa bí mật và mã QR',
        response: { 200: TotpSetupResponse },
      },
    },
    async (request) => setupTotp(db, request.auditContext(), requireActor(request)),
  );

  app.post(
    '/api/auth/totp/enable',
    {
      config: duringEnrolment,
      bodyLimit,
      schema: { tags, security, summary: 'Xác nhận mã OTP để bật xác thực hai lớp', body: OtpBody, response: { 200: Me } },
    },
    async (request) => {
      const actor = requireActor(request);
      await enableTotp(db, request.auditContext(), actor, { otp: request.body.otp, language: request.language, rateLimit });
      return getMe(db, actor.userId, actor.session, request.language);
    },
  );

  app.post(
    '/api/auth/totp/disable',
    {
      config: duringEnrolment,
      bodyLimit,
      schema: {
        tags,
        security,
        summary: 'Tắt xác thực hai lớp (không áp dụng cho tài khoản quản trị)',
        body: OtpBody,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await disableTotp(db, request.auditContext(), requireActor(request), {
        otp: request.body.otp,
        language: request.language,
        rateLimit,
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      bodyLimit,
      schema: {
        tags,
        security,
        summary: 'Đổi mật khẩu (đăng xuất các phiên khác)',
        body: ChangePasswordBody,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await changePassword(db, request.auditContext(), requireActor(request), request.body, request.language, rateLimit);
      return reply.code(204).send(null);
    },
  );
}
