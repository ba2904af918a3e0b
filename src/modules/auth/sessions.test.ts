import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, browserSessionFor, insertUser, tokenFor } from '../../../test/support/fixtures.js';
import { sessionIdOf } from '../../platform/auth/sessions.js';

const NEW_PASSWORD = 'Hoa ban nở trắng Mường Thanh';

describe.each(DIALECTS)('sessions, CSRF, logout and password change on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { SESSION_IDLE_MINUTES: '5', SESSION_ABSOLUTE_HOURS: '2' });
  });
  afterAll(async () => t?.close());

  const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
  const post = (url: string, headers: Record<string, string>, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

  it('refuses a cookie write without or with a wrong CSRF token, accepts the right one, and bearer writes need none', async () => {
    const user = await insertUser(t.db);
    const session = await browserSessionFor(t.app, user);
    const attempts: Record<string, string>[] = [{ cookie: session.cookie }, { cookie: session.cookie, 'x-csrf-token': 'sai-ma-chong-gia-mao' }];
    for (const headers of attempts) {
      const refused = await post('/api/auth/logout', headers);
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({ code: 'CSRF_INVALID' });
    }
    expect((await me({ cookie: session.cookie })).statusCode).toBe(200);
    const accepted = await post('/api/auth/logout', session.headers);
    expect(accepted.statusCode).toBe(204);
    expect(accepted.body).toBe('');

    const token = await tokenFor(t.app, user);
    expect((await post('/api/auth/logout', bearer(token))).statusCode).toBe(204);
  });

  it('logout ends the current session only, clears the cookie and is audited', async () => {
    const user = await insertUser(t.db);
    const first = await browserSessionFor(t.app, user);
    const second = await browserSessionFor(t.app, user);
    const response = await post('/api/auth/logout', first.headers);
    expect(response.statusCode).toBe(204);
    const cleared = response.cookies.find((c) => c.name === 'cqs_session');
    expect(cleared?.value).toBe('');
    expect(cleared?.maxAge === 0 || (cleared?.expires && cleared.expires.getTime() < Date.now())).toBe(true);

    const after = await me({ cookie: first.cookie });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('SESSION_EXPIRED');
    expect((await me({ cookie: second.cookie })).statusCode).toBe(200);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.logout').where('actor_id', '=', user.id).execute();
    expect(audit).toHaveLength(1);
  });

  it('logout-all ends every browser session and bearer token of the user, and no one else’s', async () => {
    const user = await insertUser(t.db);
    const other = await insertUser(t.db);
    const browser = await browserSessionFor(t.app, user);
    const token = await tokenFor(t.app, user);
    const otherToken = await tokenFor(t.app, other);
    const response = await post('/api/auth/logout-all', bearer(token));
    expect(response.statusCode).toBe(204);
    expect((await me({ cookie: browser.cookie })).statusCode).toBe(401);
    expect((await me(bearer(token))).statusCode).toBe(401);
    expect((await me(bearer(otherToken))).statusCode).toBe(200);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toHaveLength(0);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.logout_all').where('actor_id', '=', user.id).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toEqual({ revokedSessions: 2 });
  });

  it('ends a browser session after the idle timeout, but not a bearer token', async () => {
    const user = await insertUser(t.db);
    const browser = await browserSessionFor(t.app, user);
    const token = await tokenFor(t.app, user);
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000).toISOString();
    await t.db.updateTable('sessions').set({ last_seen_at: sixMinutesAgo }).where('user_id', '=', user.id).execute();

    const expired = await me({ cookie: browser.cookie });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');
    expect(await t.db.selectFrom('sessions').select('id').where('id', '=', sessionIdOf(browser.cookie.split('=')[1])).executeTakeFirst()).toBeUndefined();
    expect((await me(bearer(token))).statusCode).toBe(200);
  });

  it('keeps a browser session that is active within the idle timeout and records its activity', async () => {
    const user = await insertUser(t.db);
    const browser = await browserSessionFor(t.app, user);
    const fourMinutesAgo = new Date(Date.now() - 4 * 60_000).toISOString();
    await t.db.updateTable('sessions').set({ last_seen_at: fourMinutesAgo }).where('user_id', '=', user.id).execute();
    expect((await me({ cookie: browser.cookie })).statusCode).toBe(200);
    const row = await t.db.selectFrom('sessions').select('last_seen_at').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(Date.now() - Date.parse(row.last_seen_at)).toBeLessThan(60_000);
  });

  it('ends browser sessions and bearer tokens at their absolute lifetime, however active', async () => {
    const user = await insertUser(t.db);
    const browser = await browserSessionFor(t.app, user);
    const token = await tokenFor(t.app, user);
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString(), last_seen_at: new Date().toISOString() })
      .where('user_id', '=', user.id)
      .execute();
    for (const headers of [{ cookie: browser.cookie }, bearer(token)]) {
      const response = await me(headers);
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('SESSION_EXPIRED');
    }
  });

  it('refuses weak new passwords with the reason on /newPassword', async () => {
    const user = await insertUser(t.db);
    const token = await tokenFor(t.app, user);
    const cases = [
      { newPassword: 'Ngắn-quá-1', reason: /ít nhất 12/ },
      { newPassword: 'password1234', reason: /phổ biến/ },
    ];
    for (const { newPassword, reason } of cases) {
      const response = await post('/api/auth/password', bearer(token), { currentPassword: user.password, newPassword });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'WEAK_PASSWORD', detail: expect.stringMatching(reason) });
      expect(response.json().errors[0]).toMatchObject({ path: '/newPassword', message: expect.stringMatching(reason) });
    }
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { ...bearer(token), 'accept-language': 'en' },
      payload: { currentPassword: user.password, newPassword: 'short' },
    });
    expect(en.json().errors[0].message).toMatch(/at least 12/);
  });

  it('refuses a wrong current password on /currentPassword and changes nothing', async () => {
    const user = await insertUser(t.db);
    const token = await tokenFor(t.app, user);
    const before = await t.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    const response = await post('/api/auth/password', bearer(token), { currentPassword: 'Sai-mật-khẩu-2026', newPassword: NEW_PASSWORD });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'CURRENT_PASSWORD_WRONG', errors: [{ path: '/currentPassword' }] });
    const after = await t.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(after.password_hash).toBe(before.password_hash);
  });

  it('changes the password, keeps the current session, ends the others, and the new password works', async () => {
    const user = await insertUser(t.db);
    const current = await browserSessionFor(t.app, user);
    const elsewhere = await browserSessionFor(t.app, user);
    const token = await tokenFor(t.app, user);
    const response = await post('/api/auth/password', current.headers, { currentPassword: user.password, newPassword: NEW_PASSWORD });
    expect(response.statusCode).toBe(204);

    expect((await me({ cookie: current.cookie })).statusCode).toBe(200);
    expect((await me({ cookie: elsewhere.cookie })).statusCode).toBe(401);
    expect((await me(bearer(token))).statusCode).toBe(401);
    const oldLogin = await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: { username: user.username, password: user.password } });
    expect(oldLogin.json().code).toBe('INVALID_CREDENTIALS');
    const newLogin = await t.app.inject({ method: 'POST', url: '/api/auth/token', payload: { username: user.username, password: NEW_PASSWORD } });
    expect(newLogin.statusCode).toBe(200);

    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.password.changed').where('actor_id', '=', user.id).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toEqual({ revokedSessions: 2 });
    expect(audit.summary).not.toContain(NEW_PASSWORD);
  });
});
