import { sql } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { App } from '../../app.js';
import { VERSION } from '../../platform/version.js';

const HealthResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  version: Type.String(),
});

export async function healthRoutes(app: App): Promise<void> {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['Hệ thống'],
        summary: 'Tình trạng hoạt động (health check)',
        response: { 200: HealthResponse, 503: HealthResponse },
      },
    },
    async (_request, reply) => {
      const { db, dialect } = app.ctx;
      try {
        await sql`select 1`.execute(db);
        return { status: 'ok' as const, database: dialect, version: VERSION };
      } catch {
        return reply.code(503).header('retry-after', '5').send({ status: 'degraded' as const, database: dialect, version: VERSION });
      }
    },
  );
}
