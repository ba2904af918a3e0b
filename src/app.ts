import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './platform/config.js';
import { openDatabase, migrateToLatest, type Database } from './platform/database/database.js';
import type { AppContext } from './platform/context.js';
import { registerErrorHandler } from './platform/http/error-handler.js';
import { registerValidation } from './platform/http/validation.js';
import { registerMetrics } from './platform/http/metrics.js';
import { registerOverload } from './platform/http/overload.js';
import { registerOverloadMetrics } from './platform/http/overload-metrics.js';
import { registerAuthentication } from './platform/auth/authenticate.js';
import { VERSION } from './platform/version.js';
import { registerModules } from './modules/index.js';

export interface BuildOptions {
  config: Config;
  /** An already open database (tests, CLI); otherwise one is opened from the configuration. */
  database?: Database;
  /** Apply pending migrations before serving (default true). */
  migrate?: boolean;
}

export type App = FastifyInstance;

const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));
const REQUEST_ID = /^[\w.:-]{1,100}$/;

export async function buildApp(options: BuildOptions): Promise<App> {
  const { config } = options;
  const database =
    options.database ??
    openDatabase({
      databaseUrl: config.databaseUrl,
      databaseReadUrl: config.databaseReadUrl,
      dataDir: config.dataDir,
      connectionTimeoutMillis: config.databaseConnectTimeoutMs,
    });
  if (options.migrate !== false) await migrateToLatest(database.db);

  const app = Fastify({
    bodyLimit: config.bodyLimitBytes,
    // Slow clients and idle sockets (issue 7, config.ts serverTimeouts): none may hold a connection indefinitely.
    connectionTimeout: config.server.connectionTimeoutMs,
    keepAliveTimeout: config.server.keepAliveTimeoutMs,
    requestTimeout: config.server.requestTimeoutMs,
    maxRequestsPerSocket: config.server.maxRequestsPerSocket,
    http: {
      headersTimeout: config.server.headersTimeoutMs,
      // Node checks the headers and request timeouts on this tick (30 s by default, longer than the timeout itself).
      connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(config.server.headersTimeoutMs / 4))),
    },
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    logger: {
      level: config.logLevel,
      // Logs carry no personal data or secrets: no headers, no bodies, no query strings.
      serializers: {
        req: (req) => ({ method: req.method, url: req.url?.split('?')[0], remoteAddress: req.ip }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'otp', '*.otp'],
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const ctx: AppContext = { config, database, db: database.db, readDb: database.readDb ?? database.db, dialect: database.dialect };
  app.decorate('ctx', ctx);
  app.addHook('onClose', async () => {
    if (!options.database) await database.close();
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerValidation(app);
  registerErrorHandler(app, { spaIndex: existsSync(WEB_DIST) ? 'index.html' : undefined });
  await registerOverload(app, config.overload);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Chính quyền số API',
        description: 'API của nền tảng Chính quyền số (cổng dịch vụ công, một cửa điện tử, quản trị).',
        version: VERSION,
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          cookieAuth: { type: 'apiKey', in: 'cookie', name: 'cqs_session' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  registerAuthentication(app);
  registerOverloadMetrics(app, registerMetrics(app));

  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());

  await registerModules(app);

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  return app;
}
