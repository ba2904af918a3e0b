import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

describe.each(DIALECTS)('health and platform endpoints on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('reports status, database and version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: dialect,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      pressure: {
        overloaded: false,
        requestsInFlight: 0,
        eventLoopDelayMs: expect.any(Number),
        heapUsedBytes: expect.any(Number),
        rssBytes: expect.any(Number),
        refused: { busy: 0, rateLimited: 0 },
      },
    });
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('serves the generated OpenAPI 3.1 document and the interactive reference', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toBe('3.1.0');
    expect(Object.keys(doc.json().paths)).toContain('/api/health');
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('exposes Prometheus metrics', async () => {
    await t.app.inject({ method: 'GET', url: '/api/health' });
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('cqs_http_requests_total{method="GET",route="/api/health",status="200"}');
  });

  it('keeps metrics behind the scraper secret when METRICS_TOKEN is set', async () => {
    const guarded = await createTestApp(dialect, { METRICS_TOKEN: 'scraper-secret-0123456789' });
    try {
      const anonymous = await guarded.app.inject({ method: 'GET', url: '/metrics' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().code).toBe('UNAUTHENTICATED');
      const wrong = await guarded.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer nope' } });
      expect(wrong.statusCode).toBe(401);
      const right = await guarded.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer scraper-secret-0123456789' } });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain('cqs_http_requests_total');
    } finally {
      await guarded.close();
    }
  });

  it('answers an unknown API route with a Vietnamese problem, English on request', async () => {
    const vi = await t.app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(vi.statusCode).toBe(404);
    expect(vi.headers['content-type']).toContain('application/problem+json');
    expect(vi.json()).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND', detail: 'Không có địa chỉ API này.' });
    const en = await t.app.inject({ method: 'GET', url: '/api/khong-co', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().detail).toBe('No such API route.');
  });
});
