import { sql } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { App } from '../../app.js';
import { VERSION } from '../../platform/version.js';

const HealthResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  version: Type.String(),
  // The node's load (issue 7): a load balancer or operator sees a node that refuses work, and why.
  pressure: Type.Object({
    overloaded: Type.Boolean(),
    requestsInFlight: Type.Integer(),
    eventLoopDelayMs: Type.Number(),
    heapUsedBytes: Type.Integer(),
    rssBytes: Type.Integer(),
    refused: Type.Object({ busy: Type.Integer(), rateLimited: Type.Integer() }),
  }),
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
        return { status: 'ok' as const, database: dialect, version: VERSION, pressure: app.pressure() };
      } catch {
        return reply.code(503).header('retry-after', '5').send({ status: 'degraded' as const, database: dialect, version: VERSION, pressure: app.pressure() });
      }
    },
  );
}
