import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, browserSessionFor, insertProvinceTree, insertUser, tokenFor } from '../../../test/support/fixtures.js';
import { Role } from '../../platform/auth/roles.js';

// A code that is certainly not valid now (window ±1 step) for the secret.
function wrongCodeFor(secret: string): string {
  const valid = new Set([-30_000, 0, 30_000].map((offset) => authenticator.clone({ epoch: Date.now() + offset }).generate(secret)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

describe.each(DIALECTS)('TOTP second factor on %s', (dialect) => {
  let t: TestApp;
  let units: Awaited<ReturnType<typeof insertProvinceTree>>;
  beforeAll(async () => {
    t = await createTestApp(dialect, { LOGIN_MAX_FAILED_ATTEMPTS: '3' });
    units = await insertProvinceTree(t.db);
  });
  afterAll(async () => t?.close());

  const login = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload });

  it('asks for the code when TOTP is on, refuses a wrong one (counted as a failure) and accepts a valid one', async () => {
    const user = await insertUser(t.db, { withTotp: true });
    const credentials = { username: user.username, password: user.password };

    const missing = await login(credentials);
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ code: 'OTP_REQUIRED' });
    expect(missing.cookies).toHaveLength(0);

    const wrong = await login({ ...credentials, otp: wrongCodeFor(user.totpSecret!) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'OTP_INVALID' });
    const row = await t.db.selectFrom('users').select('failed_logins').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(1);

    const code = authenticator.generate(user.totpSecret!);
    const valid = await login({ ...credentials, otp: code });
    expect(valid.statusCode).toBe(200);
    expect(valid.json().user).toMatchObject({ totpEnabled: true, mfaEnrolmentRequired: false });
    const session = await t.db.selectFrom('sessions').select('mfa_verified').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(session.mfa_verified).toBe(1);
    const audits = await t.db.selectFrom('audit_log').select(['action', 'summary']).where('entity_id', '=', String(user.id)).orderBy('seq').execute();
    expect(audits.map((a) => a.action)).toEqual(['auth.login.failed', 'auth.login']);
    expect(JSON.parse(audits[0].summary).reason).toBe('otp_invalid');

    // RFC 6238 §5.2: the same code cannot be used a second time, even with the right password. The very same string
    // is sent again: generating it anew could cross into the next 30-second step and yield a fresh, valid code.
    const replayed = await login({ ...credentials, otp: code });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json()).toMatchObject({ code: 'OTP_INVALID' });
  });

  it('locks the account after repeated wrong codes', async () => {
    const user = await insertUser(t.db, { withTotp: true });
    const payload = { username: user.username, password: user.password, otp: wrongCodeFor(user.totpSecret!) };
    expect((await login(payload)).json().code).toBe('OTP_INVALID');
    expect((await login(payload)).json().code).toBe('OTP_INVALID');
    expect((await login(payload)).statusCode).toBe(423);
    const right = await login({ ...payload, otp: authenticator.generate(user.totpSecret!) });
    expect(right.statusCode).toBe(423);
  });

  it('lets an administrator without TOTP sign in only to enrol, then opens everything once enrolled', async () => {
    const admin = await insertUser(t.db, { unitId: units.province, roles: [{ role: Role.Admin, unitId: units.province, includeSubtree: true }] });
    const browser = await browserSessionFor(t.app, admin);
    const token = await tokenFor(t.app, admin);

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: browser.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ totpEnabled: false, mfaEnrolmentRequired: true });
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: bearer(token),
      payload: { currentPassword: admin.password, newPassword: 'Hoa ban nở trắng Mường Thanh' },
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json()).toMatchObject({ code: 'MFA_ENROLMENT_REQUIRED' });

    const enableFirst = await t.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers: browser.headers, payload: { otp: '123456' } });
    expect(enableFirst.statusCode).toBe(409);
    expect(enableFirst.json().code).toBe('TOTP_SETUP_REQUIRED');

    const setup = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: browser.headers });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl, qrDataUrl } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(otpauthUrl).toBe(authenticator.keyuri(admin.username, 'Chính quyền số', secret));
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const pending = await t.db.selectFrom('users').select(['totp_pending_secret', 'totp_enabled']).where('id', '=', admin.id).executeTakeFirstOrThrow();
    expect(pending).toEqual({ totp_pending_secret: secret, totp_enabled: 0 });

    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers: browser.headers, payload: { otp: wrongCodeFor(secret) } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'TOTP_CODE_WRONG', errors: [{ path: '/otp' }] });

    const enabled = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/enable',
      headers: browser.headers,
      payload: { otp: authenticator.generate(secret) },
    });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json()).toMatchObject({ id: admin.id, totpEnabled: true, mfaEnrolmentRequired: false });
    const row = await t.db.selectFrom('users').select(['totp_secret', 'totp_pending_secret', 'totp_enabled']).where('id', '=', admin.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: secret, totp_pending_secret: null, totp_enabled: 1 });

    // The enrolling session now has full access; the token taken with the password alone has ended.
    const stale = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    expect(stale.statusCode).toBe(401);
    const afterwards = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: browser.headers,
      payload: { currentPassword: admin.password, newPassword: 'Hoa ban nở trắng Mường Thanh' },
    });
    expect(afterwards.statusCode).toBe(204);
    const noCode = await login({ username: admin.username, password: 'Hoa ban nở trắng Mường Thanh' });
    expect(noCode.json().code).toBe('OTP_REQUIRED');

    const again = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: browser.headers });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TOTP_ALREADY_ENABLED');

    const enabledAudit = await t.db.selectFrom('audit_log').select('summary').where('action', '=', 'auth.totp.enabled').where('actor_id', '=', admin.id).executeTakeFirstOrThrow();
    expect(JSON.parse(enabledAudit.summary)).toEqual({ revokedSessions: 1 });
    const actions = await t.db.selectFrom('audit_log').select('action').where('actor_id', '=', admin.id).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.login', 'auth.token', 'auth.totp.setup', 'auth.totp.enabled', 'auth.password.changed']),
    );
  });

  it('an administrator may not turn TOTP off', async () => {
    const admin = await insertUser(t.db, { withTotp: true, roles: [{ role: Role.Admin, unitId: units.province, includeSubtree: true }] });
    const token = await tokenFor(t.app, admin);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/disable',
      headers: bearer(token),
      payload: { otp: authenticator.generate(admin.totpSecret!) },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('TOTP_REQUIRED_FOR_ROLE');
    expect((await t.db.selectFrom('users').select('totp_enabled').where('id', '=', admin.id).executeTakeFirstOrThrow()).totp_enabled).toBe(1);
  });

  it('another user turns TOTP off with a valid code, and then signs in with the password alone', async () => {
    const user = await insertUser(t.db, { withTotp: true });
    const token = await tokenFor(t.app, user);
    const disable = (otp: string) => t.app.inject({ method: 'POST', url: '/api/auth/totp/disable', headers: bearer(token), payload: { otp } });

    const wrong = await disable(wrongCodeFor(user.totpSecret!));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'TOTP_CODE_WRONG', errors: [{ path: '/otp' }] });

    // The current step's code was spent signing in; a code is accepted once, so the next step's code is used.
    const replay = await disable(authenticator.generate(user.totpSecret!));
    expect(replay.statusCode).toBe(400);
    const response = await disable(authenticator.clone({ epoch: Date.now() + 30_000 }).generate(user.totpSecret!));
    expect(response.statusCode).toBe(204);
    const row = await t.db.selectFrom('users').select(['totp_secret', 'totp_enabled']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, totp_enabled: 0 });
    expect((await login({ username: user.username, password: user.password })).statusCode).toBe(200);
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'auth.totp.disabled').where('actor_id', '=', user.id).execute();
    expect(audit).toHaveLength(1);

    const again = await disable('123456');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TOTP_NOT_ENABLED');
  });
});
