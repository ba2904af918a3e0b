import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertUser, tokenFor } from '../../../test/support/fixtures.js';

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ status, code });
}

const paths = (response: { json(): any }) => response.json().errors.map((e: { path: string }) => e.path).sort();

describe.each(DIALECTS)('auth endpoints refuse bad input on %s', (dialect) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    token = await tokenFor(t.app, await insertUser(t.db));
  });
  afterAll(async () => t?.close());

  const send = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload: payload as string });

  it.each(['/api/auth/login', '/api/auth/token'])('%s: malformed JSON, missing, unknown and mistyped fields', async (url) => {
    expectProblem(await send(url, '{"username": "a", '), 400, 'MALFORMED_JSON');
    expectProblem(await send(url, ''), 400, 'MALFORMED_JSON');

    const missing = await send(url, {});
    expectProblem(missing, 400, 'VALIDATION_FAILED');
    expect(paths(missing)).toEqual(['/password', '/username']);
    expect(missing.json().errors[0].message).toBe('Trường này là bắt buộc.');

    const unknown = await send(url, { username: 'a', password: 'b', remember: true });
    expectProblem(unknown, 400, 'VALIDATION_FAILED');
    expect(paths(unknown)).toEqual(['/remember']);

    const mistyped = await send(url, { username: 42, password: ['x'], otp: 123456 });
    expectProblem(mistyped, 400, 'VALIDATION_FAILED');
    expect(paths(mistyped)).toEqual(['/otp', '/password', '/username']);

    const sizes = await send(url, { username: '', password: 'x'.repeat(201), otp: '12345a' });
    expectProblem(sizes, 400, 'VALIDATION_FAILED');
    expect(paths(sizes)).toEqual(['/otp', '/password', '/username']);
    expectProblem(await send(url, { username: 'u'.repeat(101), password: 'x' }), 400, 'VALIDATION_FAILED');

    expectProblem(await send(url, JSON.stringify({ username: 'a', password: 'x'.repeat(20_000) })), 413, 'BODY_TOO_LARGE');
    expectProblem(
      await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'username=a&password=b' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('validation messages follow Accept-Language', async () => {
    const response = await send('/api/auth/login', {}, { 'accept-language': 'en' });
    expect(response.json().errors[0].message).toBe('This field is required.');
  });

  it.each(['/api/auth/totp/enable', '/api/auth/totp/disable'])('%s: the code must be six digits and alone', async (url) => {
    const cases: [unknown, string[]][] = [
      [{}, ['/otp']],
      [{ otp: 123456 }, ['/otp']],
      [{ otp: '12345' }, ['/otp']],
      [{ otp: '1234567' }, ['/otp']],
      [{ otp: '123456', secret: 'x' }, ['/secret']],
    ];
    for (const [payload, expected] of cases) {
      const response = await send(url, payload, bearer(token));
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(paths(response)).toEqual(expected);
    }
    expectProblem(await send(url, '{otp:', bearer(token)), 400, 'MALFORMED_JSON');
  });

  it('/api/auth/password: missing, unknown, mistyped and oversized fields', async () => {
    const missing = await send('/api/auth/password', { newPassword: 'Hoa ban nở trắng Mường Thanh' }, bearer(token));
    expectProblem(missing, 400, 'VALIDATION_FAILED');
    expect(paths(missing)).toEqual(['/currentPassword']);
    const unknown = await send('/api/auth/password', { currentPassword: 'a', newPassword: 'b', confirm: 'b' }, bearer(token));
    expect(paths(unknown)).toEqual(['/confirm']);
    const mistyped = await send('/api/auth/password', { currentPassword: null, newPassword: 'y'.repeat(201) }, bearer(token));
    expect(paths(mistyped)).toEqual(['/currentPassword', '/newPassword']);
    expectProblem(await send('/api/auth/password', 'null', bearer(token)), 400, 'VALIDATION_FAILED');
  });

  it('answers anonymous calls to the signed-in routes with 401 UNAUTHENTICATED', async () => {
    for (const url of ['/api/auth/logout', '/api/auth/logout-all', '/api/auth/totp/setup', '/api/auth/totp/enable', '/api/auth/totp/disable', '/api/auth/password']) {
      expectProblem(await send(url, { otp: '123456' }), 401, 'UNAUTHENTICATED');
    }
  });
});

describe.each(DIALECTS)('per-IP rate limit of sign-in on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { LOGIN_RATE_PER_IP_PER_MINUTE: '3' });
  });
  afterAll(async () => t?.close());

  const attempt = (url: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url, remoteAddress, payload: { username: 'khong-ton-tai', password: 'Sai-mật-khẩu-2026' } });

  it('answers 429 with Retry-After once an IP spends its budget, shared by login and token, other IPs unaffected', async () => {
    // The window is a fixed calendar minute: start early enough in one that all attempts land in it.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));

    expect((await attempt('/api/auth/login', '10.0.0.7')).statusCode).toBe(401);
    expect((await attempt('/api/auth/token', '10.0.0.7')).statusCode).toBe(401);
    expect((await attempt('/api/auth/login', '10.0.0.7')).statusCode).toBe(401);
    for (const url of ['/api/auth/login', '/api/auth/token']) {
      const limited = await attempt(url, '10.0.0.7');
      expectProblem(limited, 429, 'RATE_LIMITED');
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.json().detail).toContain(`${retryAfter} giây`);
    }
    expect((await attempt('/api/auth/login', '10.0.0.8')).statusCode).toBe(401);

    const counter = await t.db.selectFrom('rate_limits').selectAll().where('key', '=', 'auth:ip:10.0.0.7').executeTakeFirstOrThrow();
    expect(counter.hits).toBe(5);
  });
});
