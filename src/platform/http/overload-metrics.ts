import type { FastifyInstance } from 'fastify';
import { Gauge, type Registry } from 'prom-client';

/** The node's load on GET /metrics, read when scraped: requests in flight, event-loop delay, refusals by reason. */
export function registerOverloadMetrics(app: FastifyInstance, registry: Registry): void {
  new Gauge({
    name: 'cqs_requests_in_flight',
    help: 'Requests this node is working on (MAX_REQUESTS_IN_FLIGHT caps them)',
    registers: [registry],
    collect() {
      this.set(app.pressure().requestsInFlight);
    },
  });
  new Gauge({
    name: 'cqs_event_loop_delay_ms',
    help: 'Mean event-loop delay over the last sample, as the overload check sees it',
    registers: [registry],
    collect() {
      this.set(app.pressure().eventLoopDelayMs);
    },
  });
  new Gauge({
    name: 'cqs_overloaded',
    help: '1 while this node refuses new requests with 503 SERVER_BUSY',
    registers: [registry],
    collect() {
      this.set(app.pressure().overloaded ? 1 : 0);
    },
  });
  new Gauge({
    name: 'cqs_requests_refused',
    help: 'Requests refused since start: busy (503 SERVER_BUSY) or rate_limited (429 RATE_LIMITED)',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      const { refused } = app.pressure();
      this.set({ reason: 'busy' }, refused.busy);
      this.set({ reason: 'rate_limited' }, refused.rateLimited);
    },
  });
}
