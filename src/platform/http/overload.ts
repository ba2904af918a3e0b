import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import underPressure from '@fastify/under-pressure';
import rateLimit from '@fastify/rate-limit';
import type { OverloadConfig } from '../config.js';
import { AppError } from '../errors/app-error.js';

/** What a node reports about its load (GET /api/health, GET /metrics). */
export interface PressureSnapshot {
  overloaded: boolean;
  requestsInFlight: number;
  eventLoopDelayMs: number;
  heapUsedBytes: number;
  rssBytes: number;
  refused: { busy: number; rateLimited: number };
}

declare module 'fastify' {
  interface FastifyInstance {
    pressure(): PressureSnapshot;
  }
}

// Load balancers and scrapers must still reach these on a node under pressure: that is how they learn it is.
const EXEMPT_ROUTES = new Set(['/api/health', '/metrics']);
// Distinct clients remembered per node by the rate limiter (least recently seen forgotten first): bounds its memory.
const RATE_LIMIT_CLIENTS = 20_000;

// How often the event-loop delay and memory are sampled (the overload check reads the last sample).
const SAMPLE_INTERVAL_MS = 1_000;

// Consecutive samples over the limit before the delay counts as overload.
const SUSTAINED_SAMPLES = 3;

/**
 * The mean event-loop delay per sample, and whether it has stayed over `maxMs` for SUSTAINED_SAMPLES samples in a row.
 * One slow sample is a long GC pause, a large report or the start's own work (migrations, loading modules), not
 * load: refusing on it would turn away requests a moment later would serve. Counting starts when the node is ready.
 */
function sustainedDelay(app: FastifyInstance, maxMs: number): { sustained(): boolean; lastMs(): number } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  let over = 0;
  let last = 0;
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    histogram.enable();
    histogram.reset();
    timer = setInterval(() => {
      // The histogram's timer itself fires every 10 ms: what it measures beyond that is the delay.
      last = Number.isNaN(histogram.mean) ? 0 : Math.max(0, histogram.mean / 1e6 - 10);
      histogram.reset();
      over = maxMs > 0 && last > maxMs ? over + 1 : 0;
    }, SAMPLE_INTERVAL_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    histogram.disable();
  });
  return { sustained: () => over >= SUSTAINED_SAMPLES, lastMs: () => last };
}

function isExempt(request: FastifyRequest): boolean {
  return EXEMPT_ROUTES.has(request.routeOptions.url ?? '');
}

/**
 * Refuses work politely instead of falling over (issue 7): a node answers 503 SERVER_BUSY with Retry-After when it
 * already has its cap of requests in flight (at once, rather than queueing them until every client times out), or
 * when its event loop, heap or resident memory is past the configured limit; and 429 RATE_LIMITED to a client IP
 * that sends more than its share. Registered before authentication, so a refused request costs no database work.
 */
export async function registerOverload(app: FastifyInstance, config: OverloadConfig): Promise<void> {
  const refused = { busy: 0, rateLimited: 0 };
  const busy = () => {
    refused.busy++;
    return new AppError('SERVER_BUSY', { retryAfter: config.retryAfterSeconds });
  };

  let inFlight = 0;
  app.addHook('onRequest', (request, reply, done) => {
    if (isExempt(request)) return done();
    if (config.maxRequestsInFlight > 0 && inFlight >= config.maxRequestsInFlight) return done(busy());
    inFlight++;
    // 'close' fires once per response, whether it finished or the client went away mid-way.
    reply.raw.once('close', () => inFlight--);
    done();
  });

  const delay = sustainedDelay(app, config.maxEventLoopDelayMs);
  app.addHook('onRequest', (request, _reply, done) => {
    if (delay.sustained() && !isExempt(request)) return done(busy());
    done();
  });

  // Memory is sampled by under-pressure; its own event-loop check stays off (one slow sample is not overload).
  await app.register(underPressure, {
    sampleInterval: SAMPLE_INTERVAL_MS,
    maxHeapUsedBytes: config.maxHeapUsedBytes,
    maxRssBytes: config.maxRssBytes,
    retryAfter: config.retryAfterSeconds,
    pressureHandler: (request) => (isExempt(request) ? undefined : Promise.reject(busy())),
  });

  if (config.ratePerIpPerMinute > 0) {
    // In memory, per node, unlike login's limit in the rate_limits table: counting every API request in the
    // database would add a write to each request and fail with the database itself. N nodes allow N times the
    // figure, which is the point of adding nodes; login keeps its shared limit against password guessing.
    await app.register(rateLimit, {
      global: true,
      max: config.ratePerIpPerMinute,
      timeWindow: 60_000,
      cache: RATE_LIMIT_CLIENTS,
      // request.ip honours TRUST_PROXY: behind a proxy, set it, or every citizen shares the proxy's address.
      keyGenerator: (request) => request.ip,
      allowList: (request) => isExempt(request) || !request.url.startsWith('/api/'),
      errorResponseBuilder: (_request, context) => {
        refused.rateLimited++;
        return new AppError('RATE_LIMITED', { retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)) });
      },
    });
  }

  const overloaded = () => {
    if (config.maxRequestsInFlight > 0 && inFlight >= config.maxRequestsInFlight) return true;
    const usage = app.memoryUsage();
    if (config.maxHeapUsedBytes > 0 && usage.heapUsed > config.maxHeapUsedBytes) return true;
    if (config.maxRssBytes > 0 && usage.rssBytes > config.maxRssBytes) return true;
    return delay.sustained();
  };

  app.decorate('pressure', (): PressureSnapshot => {
    const usage = app.memoryUsage();
    return {
      overloaded: overloaded(),
      requestsInFlight: inFlight,
      eventLoopDelayMs: Math.round(delay.lastMs() * 10) / 10,
      heapUsedBytes: usage.heapUsed,
      rssBytes: usage.rssBytes,
      refused: { ...refused },
    };
  });
}
