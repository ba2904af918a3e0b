import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from '../../app.js';
import { requireActor } from '../../platform/auth/authenticate.js';
import { AuditPage, AuditQuery, AuditVerificationResult } from './audit.schema.js';
import { listAudit } from './list-audit.js';
import { verifyAudit } from './verify-audit.js';
import { SIGNED_IN } from '../../platform/http/route-security.js';

export async function auditRoutes(instance: App): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['Nhật ký'],
        summary: 'Tra cứu nhật ký hệ thống (list audit entries, newest first)',
        security: SIGNED_IN,
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => listAudit(app.ctx.db, requireActor(request), request.auditContext(), request.query),
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['Nhật ký'],
        summary: 'Kiểm tra tính toàn vẹn của chuỗi nhật ký (verify the audit hash chain)',
        security: SIGNED_IN,
        response: { 200: AuditVerificationResult },
      },
    },
    async (request) => verifyAudit(app.ctx.db, requireActor(request)),
  );
}
