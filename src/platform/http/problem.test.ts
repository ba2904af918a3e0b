import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from '@sinclair/typebox';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { AppError } from '../errors/app-error.js';

// Test-only routes exercise the one error handler the same way every module's routes do.
const Body = Type.Object(
  {
    name: Type.String({ minLength: 2 }),
    count: Type.Integer({ minimum: 1 }),
    email: Type.Optional(Type.String({ format: 'email' })),
  },
  { additionalProperties: false },
);

describe.each(DIALECTS)('problem+json error handling on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { BODY_LIMIT_BYTES: '2048' }, (app) => {
      app.post('/api/test/echo', { config: { public: true }, schema: { body: Body } }, async (request) => request.body);
      app.get('/api/test/boom', { config: { public: true } }, async () => {
        throw new Error('secret connection string postgres://admin:hunter2@db');
      });
      app.get('/api/test/conflict', { config: { public: true } }, async () => {
        throw new AppError('UNIT_CODE_TAKEN', { code: '000.00.05.H18' });
      });
    });
  });
  afterAll(async () => t?.close());

  const post = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/test/echo', payload, headers: { 'content-type': 'application/json', ...headers } });

  it('accepts a valid body', async () => {
    const response = await post(JSON.stringify({ name: 'Sở Tư pháp', count: 2 }));
    expect(response.statusCode).toBe(200);
  });

  it('lists every invalid field with its path, in Vietnamese by default', async () => {
    const response = await post(JSON.stringify({ name: 'A', count: '3', extra: true, email: 'khong-phai-email' }));
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', type: '/problems/validation-failed' });
    const byPath = Object.fromEntries(problem.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(byPath['/name']).toBe('Phải có ít nhất 2 ký tự.');
    expect(byPath['/count']).toBe('Phải có kiểu số nguyên.');
    expect(byPath['/extra']).toBe('Trường này không được phép.');
    expect(byPath['/email']).toContain('thư điện tử');
  });

  it('reports missing fields, in English when asked', async () => {
    const response = await post(JSON.stringify({}), { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.detail).toBe('The request data is invalid.');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { path: '/name', message: 'This field is required.' },
        { path: '/count', message: 'This field is required.' },
      ]),
    );
  });

  it('answers malformed JSON, oversized bodies and wrong media types with problems', async () => {
    const malformed = await post('{"name": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('MALFORMED_JSON');
    const large = await post(JSON.stringify({ name: 'x'.repeat(5000), count: 1 }));
    expect(large.statusCode).toBe(413);
    expect(large.json().code).toBe('BODY_TOO_LARGE');
    const media = await t.app.inject({ method: 'POST', url: '/api/test/echo', payload: 'a=b', headers: { 'content-type': 'text/csv' } });
    expect(media.statusCode).toBe(415);
    expect(media.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('never shows internals on a 5xx, only a reference id', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('postgres://');
    const problem = response.json();
    expect(problem.code).toBe('INTERNAL');
    expect(problem.detail).toContain(problem.requestId);
  });

  it('fills parameters into catalogue messages', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/test/conflict' });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toBe('Mã định danh 000.00.05.H18 đã được dùng cho đơn vị khác.');
  });
});
