import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUser, tokenFor, type TestUser } from '../../../test/support/fixtures.js';
import { Role } from '../../platform/auth/roles.js';
import type { Db } from '../../platform/database/database.js';

async function auditRows(db: Db, action: string) {
  const rows = await db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();
  return rows.map((row) => ({ ...row, summary: JSON.parse(row.summary) }));
}

function login(t: TestApp, username: string, password: string, extra: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...extra } });
}

describe.each(DIALECTS)('password login and tokens on %s', (dialect) => {
  let t: TestApp;
  let units: Awaited<ReturnType<typeof insertProvinceTree>>;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp(dialect, { LOGIN_MAX_FAILED_ATTEMPTS: '3', LOGIN_LOCKOUT_MINUTES: '15' });
    units = await insertProvinceTree(t.db);
    officer = await insertUser(t.db, {
      unitId: units.justice,
      roles: [
        { role: Role.Specialist, unitId: units.justice },
        { role: Role.DivisionHead, unitId: units.province, includeSubtree: true },
      ],
    });
  });
  afterAll(async () => t?.close());

  it('signs in case-insensitively, sets the session cookie with safe flags and answers Me', async () => {
    const response = await login(t, officer.username.toUpperCase(), officer.password);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'cqs_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 12 * 3600 });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value).toMatch(/^[\w-]{43}$/);
    const body = response.json();
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    expect(body.user).toMatchObject({
      id: officer.id,
      username: officer.username,
      kind: 'official',
      unit: { id: units.justice, code: '000.00.05.H18', name: 'Sở Tư pháp' },
      roles: [
        { role: 'specialist', roleLabel: 'Chuyên viên', unitId: units.justice, unitName: 'Sở Tư pháp', includeSubtree: false },
        { role: 'division_head', roleLabel: 'Lãnh đạo phòng', unitId: units.province, unitName: 'UBND tỉnh Điện Biên', includeSubtree: true },
      ],
      permissions: ['document.assign', 'document.draft', 'document.read', 'document.sign', 'dossier.read', 'office.access', 'report.view', 'unit.read', 'user.read'],
      totpEnabled: false,
      mfaEnrolmentRequired: false,
      csrfToken: body.csrfToken,
    });
    expect(Date.parse(body.user.sessionExpiresAt) - Date.now()).toBeGreaterThan(11.9 * 3_600_000);

    const user = await t.db.selectFrom('users').select(['last_login_at', 'failed_logins']).where('id', '=', officer.id).executeTakeFirstOrThrow();
    expect(Date.now() - Date.parse(user.last_login_at!)).toBeLessThan(60_000);
    const sessions = await t.db.selectFrom('sessions').selectAll().where('user_id', '=', officer.id).execute();
    expect(sessions.some((s) => s.kind === 'cookie' && s.csrf_token === body.csrfToken)).toBe(true);
    // The table holds only a hash of the secret.
    expect(sessions.some((s) => s.id === cookie?.value)).toBe(false);

    const audit = (await auditRows(t.db, 'auth.login')).at(-1)!;
    expect(audit).toMatchObject({ actor_id: officer.id, entity_type: 'user', entity_id: String(officer.id), unit_id: units.justice });
    expect(audit.summary).toMatchObject({ kind: 'cookie', mfa: false });
  });

  it('answers Me through the cookie (with its CSRF token) and through a bearer token (without one)', async () => {
    const response = await login(t, officer.username, officer.password);
    const cookie = `cqs_session=${response.cookies.find((c) => c.name === 'cqs_session')!.value}`;
    const viaCookie = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie, 'accept-language': 'en' } });
    expect(viaCookie.statusCode).toBe(200);
    expect(viaCookie.json()).toMatchObject({ id: officer.id, csrfToken: response.json().csrfToken });
    expect(viaCookie.json().roles[0].roleLabel).toBe('Specialist');

    const token = await tokenFor(t.app, officer);
    const viaBearer = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    expect(viaBearer.statusCode).toBe(200);
    expect(viaBearer.json()).toMatchObject({ id: officer.id, csrfToken: null });
  });

  it('replaces the browser’s previous session when it signs in again', async () => {
    const user = await insertUser(t.db);
    const first = await login(t, user.username, user.password);
    const firstCookie = `cqs_session=${first.cookies.find((c) => c.name === 'cqs_session')!.value}`;
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: firstCookie },
      payload: { username: user.username, password: user.password },
    });
    expect(second.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: firstCookie } })).statusCode).toBe(401);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toHaveLength(1);
  });

  it('issues bearer tokens with the token lifetime and audits them', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/token',
      payload: { username: officer.username, password: officer.password },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({ accessToken: expect.stringMatching(/^[\w-]{43}$/), tokenType: 'Bearer', expiresAt: expect.any(String) });
    expect(Math.abs(Date.parse(body.expiresAt) - Date.now() - 8 * 3_600_000)).toBeLessThan(60_000);
    expect(response.cookies).toHaveLength(0);
    const audit = (await auditRows(t.db, 'auth.token')).at(-1)!;
    expect(audit).toMatchObject({ actor_id: officer.id, entity_id: String(officer.id) });
    expect(audit.summary.kind).toBe('token');
  });

  it('answers an anonymous request for Me with 401 UNAUTHENTICATED', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    const forged = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer('not-a-token') });
    expect(forged.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('gives the same answer for a wrong password and an unknown user, and audits both without the password', async () => {
    const before = (await auditRows(t.db, 'auth.login.failed')).length;
    const wrong = await login(t, officer.username, 'Sai-mật-khẩu-2026');
    const unknown = await login(t, 'khong-ton-tai', 'Sai-mật-khẩu-2026');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.cookies).toHaveLength(0);
    }
    const strip = ({ requestId, ...rest }: Record<string, unknown>) => rest;
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', detail: 'Tên đăng nhập hoặc mật khẩu không đúng.' });

    const failed = (await auditRows(t.db, 'auth.login.failed')).slice(before);
    expect(failed.map((row) => [row.entity_id, row.summary.reason])).toEqual([
      [String(officer.id), 'wrong_password'],
      [null, 'unknown_user'],
    ]);
    expect(failed[1].summary.username).toBe('khong-ton-tai');
    expect(JSON.stringify(failed)).not.toContain('Sai-mật-khẩu');
    await t.db.updateTable('users').set({ failed_logins: 0 }).where('id', '=', officer.id).execute();
  });

  it('resets the failure counter after a successful login', async () => {
    const user = await insertUser(t.db);
    await login(t, user.username, 'Sai-mật-khẩu-2026');
    await login(t, user.username, 'Sai-mật-khẩu-2026');
    expect((await t.db.selectFrom('users').select('failed_logins').where('id', '=', user.id).executeTakeFirstOrThrow()).failed_logins).toBe(2);
    expect((await login(t, user.username, user.password)).statusCode).toBe(200);
    expect((await t.db.selectFrom('users').select('failed_logins').where('id', '=', user.id).executeTakeFirstOrThrow()).failed_logins).toBe(0);
  });

  it('locks the account after the configured failures, even against the right password, until the lock ends', async () => {
    const user = await insertUser(t.db);
    expect((await login(t, user.username, 'Sai-mật-khẩu-2026')).json().code).toBe('INVALID_CREDENTIALS');
    expect((await login(t, user.username, 'Sai-mật-khẩu-2026')).json().code).toBe('INVALID_CREDENTIALS');
    const locking = await login(t, user.username, 'Sai-mật-khẩu-2026');
    expect(locking.statusCode).toBe(423);
    expect(locking.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', detail: expect.stringContaining('15 phút') });

    const right = await login(t, user.username, user.password);
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
    const token = await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: { username: user.username, password: user.password } });
    expect(token.statusCode).toBe(423);

    const row = await t.db.selectFrom('users').select(['locked_until']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(Date.parse(row.locked_until!) - Date.now()).toBeGreaterThan(14 * 60_000);
    const locked = (await auditRows(t.db, 'auth.locked')).filter((r) => r.entity_id === String(user.id));
    expect(locked).toHaveLength(1);
    expect(locked[0].summary).toMatchObject({ failedAttempts: 3, minutes: 15 });
    const refusals = (await auditRows(t.db, 'auth.login.failed')).filter((r) => r.entity_id === String(user.id));
    expect(refusals.map((r) => r.summary.reason)).toEqual(['wrong_password', 'wrong_password', 'wrong_password', 'locked', 'locked']);

    // When the lock has run out, the right password works again.
    await t.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('id', '=', user.id).execute();
    expect((await login(t, user.username, user.password)).statusCode).toBe(200);
  });

  it('refuses a disabled account with the right password, and its existing token stops working', async () => {
    const user = await insertUser(t.db);
    const token = await tokenFor(t.app, user);
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();

    const right = await login(t, user.username, user.password);
    expect(right.statusCode).toBe(401);
    expect(right.json().code).toBe('ACCOUNT_DISABLED');
    // Without the password nobody learns that the account exists but is disabled.
    expect((await login(t, user.username, 'Sai-mật-khẩu-2026')).json().code).toBe('INVALID_CREDENTIALS');

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('ACCOUNT_DISABLED');
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toHaveLength(0);
    const refusals = (await auditRows(t.db, 'auth.login.failed')).filter((r) => r.entity_id === String(user.id));
    expect(refusals.map((r) => r.summary.reason)).toEqual(['disabled', 'wrong_password']);
  });

  it('refuses a citizen account that has no password (electronic ID only) like a wrong password', async () => {
    const citizen = await insertUser(t.db, { kind: 'citizen' });
    await t.db.updateTable('users').set({ password_hash: null }).where('id', '=', citizen.id).execute();
    const response = await login(t, citizen.username, citizen.password);
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('documents the routes under "Xác thực" in OpenAPI, with cookie and bearer security', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/auth/login'].post.tags).toEqual(['Xác thực']);
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    expect(doc.paths['/api/auth/me'].get.security).toEqual([{ cookieAuth: [] }, { bearerAuth: [] }]);
    for (const path of ['/api/auth/token', '/api/auth/logout', '/api/auth/logout-all', '/api/auth/password', '/api/auth/totp/setup', '/api/auth/totp/enable', '/api/auth/totp/disable']) {
      expect(doc.paths[path].post.tags).toEqual(['Xác thực']);
      expect(doc.paths[path].post.summary).toBeTruthy();
    }
  });
});

describe.each(DIALECTS)('session cookie behind HTTPS on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { PUBLIC_URL: 'https://dichvucong.dienbien.gov.vn', SESSION_ABSOLUTE_HOURS: '4' });
  });
  afterAll(async () => t?.close());

  it('marks the cookie Secure and sets Max-Age to the absolute session lifetime', async () => {
    const user = await insertUser(t.db);
    const response = await login(t, user.username, user.password);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'cqs_session');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 4 * 3600 });
  });
});
