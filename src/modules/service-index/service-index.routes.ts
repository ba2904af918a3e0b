import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';
import { pickLanguage } from '../../platform/i18n/language.js';
import { ConfigResponse, ConfigVersionsResponse, ExplainResponse, ServiceIndexQuery, ServiceIndexResponse, UpdateConfigBody } from './service-index.schema.js';
import { getConfig, listConfigVersions, queryServiceIndex, updateConfig } from './service-index.service.js';

const tags = ['Chỉ số phục vụ'];

export async function serviceIndexRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  // The index and its explanation only read: DATABASE_READ_URL when set (a standby, a few seconds behind).
  const { db, readDb } = app.ctx;

  app.get(
    '/api/service-index',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766) của một đơn vị; ?explain= liệt kê hồ sơ theo chỉ tiêu (cần đăng nhập)',
        querystring: ServiceIndexQuery,
        response: { 200: Type.Union([ServiceIndexResponse, ExplainResponse]) },
      },
    },
    async (request) => queryServiceIndex(readDb, request.actor, request.query, pickLanguage(request.headers['accept-language'])),
  );

  app.get(
    '/api/service-index/config',
    { schema: { tags, security: SIGNED_IN, summary: 'Cấu hình bộ chỉ số đang áp dụng', response: { 200: ConfigResponse } } },
    async (request) => getConfig(db, requireActor(request)),
  );

  app.get(
    '/api/service-index/config/versions',
    { schema: { tags, security: SIGNED_IN, summary: 'Các phiên bản cấu hình bộ chỉ số', response: { 200: ConfigVersionsResponse } } },
    async (request) => listConfigVersions(db, requireActor(request)),
  );

  app.put(
    '/api/service-index/config',
    { schema: { tags, security: SIGNED_IN, summary: 'Lưu phiên bản cấu hình mới (nhóm, trọng số, ngưỡng, công thức)', body: UpdateConfigBody, response: { 200: ConfigResponse } } },
    async (request) => updateConfig(db, request.auditContext(), requireActor(request), request.body),
  );
}
