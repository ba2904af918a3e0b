import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { ROLE_CODES, ROLE_LABELS, ROLE_PERMISSIONS } from '../../platform/auth/roles.js';
import { disableUser, enableUser, resetPassword, resetTotp } from './account-security.js';
import { createUser } from './create-user.js';
import {
  CreateUserBody,
  ReplaceRolesBody,
  ResetPasswordBody,
  RoleInfo,
  UpdateUserBody,
  UserDetail,
  UserList,
  UserListQuery,
  UserParams,
  UserSummary,
} from './users.schema.js';
import { getUser, listUsers, replaceRoles, updateUser } from './users.service.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';

const tags = ['Tài khoản'];
const NoContent = Type.Null({ description: 'Không có nội dung (no content)' });

export async function usersRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.ctx;

  app.get(
    '/api/users',
    { schema: { tags, security: SIGNED_IN, summary: 'Danh sách tài khoản trong phạm vi quản lý', querystring: UserListQuery, response: { 200: UserList } } },
    async (request) => listUsers(db, requireActor(request), request.query),
  );

  app.get(
    '/api/users/:id',
    { schema: { tags, security: SIGNED_IN, summary: 'Chi tiết tài khoản (có dữ liệu cá nhân, được ghi nhật ký)', params: UserParams, response: { 200: UserDetail } } },
    async (request) => getUser(db, request.auditContext(), request.params.id, requireActor(request)),
  );

  app.post(
    '/api/users',
    { schema: { tags, security: SIGNED_IN, summary: 'Tạo tài khoản', body: CreateUserBody, response: { 201: UserDetail } } },
    async (request, reply) =>
      reply.code(201).send(await createUser(db, request.auditContext(), request.body, requireActor(request), request.language)),
  );

  app.patch(
    '/api/users/:id',
    { schema: { tags, security: SIGNED_IN, summary: 'Cập nhật thông tin tài khoản', params: UserParams, body: UpdateUserBody, response: { 200: UserDetail } } },
    async (request) => updateUser(db, request.auditContext(), request.params.id, request.body, requireActor(request), request.language),
  );

  app.put(
    '/api/users/:id/roles',
    { schema: { tags, security: SIGNED_IN, summary: 'Thay toàn bộ vai trò (phân quyền) của tài khoản', params: UserParams, body: ReplaceRolesBody, response: { 200: UserDetail } } },
    async (request) => replaceRoles(db, request.auditContext(), request.params.id, request.body.roles, requireActor(request), request.language),
  );

  app.post(
    '/api/users/:id/disable',
    { schema: { tags, security: SIGNED_IN, summary: 'Vô hiệu hóa tài khoản (đăng xuất khỏi mọi thiết bị)', params: UserParams, response: { 200: UserSummary } } },
    async (request) => disableUser(db, request.auditContext(), request.params.id, requireActor(request)),
  );

  app.post(
    '/api/users/:id/enable',
    { schema: { tags, security: SIGNED_IN, summary: 'Kích hoạt lại tài khoản', params: UserParams, response: { 200: UserSummary } } },
    async (request) => enableUser(db, request.auditContext(), request.params.id, requireActor(request)),
  );

  app.post(
    '/api/users/:id/reset-password',
    { schema: { tags, security: SIGNED_IN, summary: 'Đặt lại mật khẩu (đăng xuất khỏi mọi thiết bị)', params: UserParams, body: ResetPasswordBody, response: { 204: NoContent } } },
    async (request, reply) => {
      await resetPassword(db, request.auditContext(), request.params.id, request.body.newPassword, requireActor(request), request.language);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/users/:id/reset-totp',
    { schema: { tags, security: SIGNED_IN, summary: 'Xóa xác thực hai lớp để người dùng đăng ký lại', params: UserParams, response: { 204: NoContent } } },
    async (request, reply) => {
      await resetTotp(db, request.auditContext(), request.params.id, requireActor(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/roles',
    { schema: { tags, security: SIGNED_IN, summary: 'Danh sách vai trò và quyền', response: { 200: Type.Array(RoleInfo) } } },
    async (request) => {
      requireActor(request);
      return ROLE_CODES.map((code) => ({ code, label: ROLE_LABELS[code], permissions: [...ROLE_PERMISSIONS[code]] }));
    },
  );
}
