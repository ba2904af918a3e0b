import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { insertUser } from '../../../test/support/fixtures.js';
import {
  TestBrowser,
  loginAtProvider,
  startTestOidcProvider,
  type TestAccountClaims,
  type TestOidcProvider,
} from '../../../test/support/oidc-provider.js';
import type { Db } from '../../platform/database/database.js';
import { ConfigError, loadConfig } from '../../platform/config.js';
import { findSessionBySecret } from '../../platform/auth/sessions.js';
import { OIDC_CALLBACK_PATH } from './oidc.service.js';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface RunningFlow {
  t: TestApp;
  provider: TestOidcProvider;
  appOrigin: string;
  accounts: Record<string, TestAccountClaims>;
  close(): Promise<void>;
}

/**
 * The app listening on a real port with PUBLIC_URL pointing at it, and a real provider whose client
 * redirects to the app's callback — so every redirect in the flow is real HTTP.
 */
async function startFlow(
  dialect: (typeof DIALECTS)[number],
  accounts: Record<string, TestAccountClaims>,
  env: Record<string, string> = {},
): Promise<RunningFlow> {
  const appPort = await freePort();
  const appOrigin = `http://127.0.0.1:${appPort}`;
  const provider = await startTestOidcProvider({ redirectUri: `${appOrigin}${OIDC_CALLBACK_PATH}`, accounts });
  const t = await createTestApp(dialect, {
    PUBLIC_URL: appOrigin,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_ALLOW_INSECURE: 'true',
    ...env,
  });
  await t.app.listen({ port: appPort, host: '127.0.0.1' });
  return {
    t,
    provider,
    appOrigin,
    accounts,
    async close() {
      await t.close();
      await provider.stop();
    },
  };
}

interface SignInResult {
  status: number;
  location: string | null;
  sessionCookie: string | undefined;
  browser: TestBrowser;
}

/** Start at the app, sign in at the provider, and let the browser land on the app's callback. */
async function reachCallback(flow: RunningFlow, subject: string, options: { returnTo?: string; abort?: boolean; browser?: TestBrowser } = {}) {
  const browser = options.browser ?? new TestBrowser();
  const query = options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : '';
  const callback = await loginAtProvider(browser, `${flow.appOrigin}/api/auth/oidc/start${query}`, {
    subject,
    stopAt: `${flow.appOrigin}${OIDC_CALLBACK_PATH}`,
    abort: options.abort,
  });
  return { browser, callback };
}

async function finishAt(flow: RunningFlow, browser: TestBrowser, callback: URL): Promise<SignInResult> {
  const response = await browser.fetch(callback);
  return {
    status: response.status,
    location: response.headers.get('location'),
    sessionCookie: response.headers.getSetCookie().find((c) => c.startsWith('cqs_session=')),
    browser,
  };
}

async function signIn(flow: RunningFlow, subject: string, options: { returnTo?: string; browser?: TestBrowser } = {}): Promise<SignInResult> {
  const { browser, callback } = await reachCallback(flow, subject, options);
  return finishAt(flow, browser, callback);
}

async function auditRows(db: Db, action: string) {
  const rows = await db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();
  return rows.map((row) => ({ ...row, summary: JSON.parse(row.summary) as Record<string, unknown> }));
}

const citizenClaims = (): Record<string, TestAccountClaims> => ({
  'vneid-0001': {
    name: 'Nguyễn Thị Hoa',
    email: 'hoa@example.vn',
    phone_number: '+84912345678',
    identity_number: '011190001234',
  },
  'vneid-official': { name: 'Lò Văn Minh', email: 'minh@example.vn' },
});

describe.each(DIALECTS)('citizen sign-in with OpenID Connect on %s', (dialect) => {
  let flow: RunningFlow;
  beforeAll(async () => {
    flow = await startFlow(dialect, citizenClaims());
  });
  afterAll(async () => flow?.close());

  it('tells the login page that e-ID sign-in is available', async () => {
    const response = await flow.t.app.inject({ method: 'GET', url: '/api/auth/providers' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ password: true, oidc: { enabled: true, name: 'VNeID', startUrl: '/api/auth/oidc/start' } });
  });

  it('sends the browser to the provider with PKCE S256, state and nonce kept in the database', async () => {
    const response = await flow.t.app.inject({ method: 'GET', url: `/api/auth/oidc/start?returnTo=${encodeURIComponent('/ho-so/123?buoc=2')}` });
    expect(response.statusCode).toBe(302);
    const location = new URL(response.headers.location as string);
    expect(location.origin).toBe(flow.provider.issuer);
    const params = location.searchParams;
    expect(params.get('client_id')).toBe(flow.provider.clientId);
    expect(params.get('redirect_uri')).toBe(`${flow.appOrigin}${OIDC_CALLBACK_PATH}`);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('scope')).toContain('openid');
    expect(params.get('code_challenge_method')).toBe('S256');
    const row = await flow.t.db.selectFrom('oidc_states').selectAll().where('state', '=', params.get('state')!).executeTakeFirstOrThrow();
    expect(row.nonce).toBe(params.get('nonce'));
    expect(row.return_to).toBe('/ho-so/123?buoc=2');
    expect(row.code_verifier).not.toBe(params.get('code_challenge'));
  });

  it('creates the citizen on first sign-in, with a citizen grant, a strong session and audit entries', async () => {
    const result = await signIn(flow, 'vneid-0001', { returnTo: '/ho-so' });
    expect(result.status).toBe(302);
    expect(result.location).toBe('/ho-so');
    expect(result.sessionCookie).toMatch(/HttpOnly/i);
    expect(result.sessionCookie).toMatch(/SameSite=Lax/i);
    expect(result.sessionCookie).not.toMatch(/Secure/i);

    const user = await flow.t.db
      .selectFrom('users')
      .selectAll()
      .where('oidc_issuer', '=', flow.provider.issuer)
      .where('oidc_subject', '=', 'vneid-0001')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      kind: 'citizen',
      full_name: 'Nguyễn Thị Hoa',
      email: 'hoa@example.vn',
      phone: '+84912345678',
      identity_number: '011190001234',
      unit_id: null,
      password_hash: null,
      status: 'active',
    });
    expect(user.username).toMatch(/^eid_[0-9a-f]{24}$/);
    const grants = await flow.t.db.selectFrom('role_grants').selectAll().where('user_id', '=', user.id).execute();
    expect(grants).toMatchObject([{ role: 'citizen', unit_id: null, include_subtree: 0 }]);
    const sessions = await flow.t.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    expect(sessions).toMatchObject([{ kind: 'cookie', mfa_verified: 1 }]);

    const created = await auditRows(flow.t.db, 'user.create');
    expect(created).toMatchObject([{ entity_type: 'user', entity_id: String(user.id), actor_id: user.id }]);
    const logins = await auditRows(flow.t.db, 'auth.login');
    expect(logins).toMatchObject([{ entity_id: String(user.id), actor_id: user.id, summary: { method: 'oidc', newAccount: true } }]);
    // The flow's state is single-use: nothing is left for a replay.
    expect(await flow.t.db.selectFrom('oidc_states').selectAll().where('return_to', '=', '/ho-so').execute()).toEqual([]);
  });

  it('opens the API to the new session cookie', async () => {
    const result = await signIn(flow, 'vneid-0001');
    const cookie = result.sessionCookie!.split(';')[0];
    const me = await fetch(`${flow.appOrigin}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ kind: 'citizen', fullName: 'Nguyễn Thị Hoa', roles: [{ role: 'citizen', unitId: null }] });
  });

  it('reuses the account on a later sign-in and refreshes name and e-mail from the claims', async () => {
    const before = await flow.t.db.selectFrom('users').select(['id']).where('oidc_subject', '=', 'vneid-0001').executeTakeFirstOrThrow();
    flow.accounts['vneid-0001'].name = 'Nguyễn Thị Hoa Mai';
    flow.accounts['vneid-0001'].email = 'hoa.mai@example.vn';
    const result = await signIn(flow, 'vneid-0001');
    expect(result.status).toBe(302);
    expect(result.location).toBe('/');
    const users = await flow.t.db.selectFrom('users').selectAll().where('oidc_subject', '=', 'vneid-0001').execute();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ id: before.id, full_name: 'Nguyễn Thị Hoa Mai', email: 'hoa.mai@example.vn' });
    expect(await flow.t.db.selectFrom('role_grants').selectAll().where('user_id', '=', before.id).execute()).toHaveLength(1);
    expect(await auditRows(flow.t.db, 'user.create')).toHaveLength(1);
    const logins = await auditRows(flow.t.db, 'auth.login');
    expect(logins.at(-1)).toMatchObject({ actor_id: before.id, summary: { method: 'oidc', newAccount: false } });
  });

  it('refuses a tampered state with a redirect to the login page and an audit entry', async () => {
    const { browser, callback } = await reachCallback(flow, 'vneid-0001');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'khong-phai-state-that');
    const result = await finishAt(flow, browser, tampered);
    expect(result.status).toBe(302);
    expect(result.location).toBe('/login?error=oidc');
    expect(result.sessionCookie).toBeUndefined();
    const failures = await auditRows(flow.t.db, 'auth.oidc.failed');
    expect(failures.at(-1)).toMatchObject({ actor_id: null, summary: { reason: 'state_unknown' } });
  });

  it('accepts a callback only once', async () => {
    const { browser, callback } = await reachCallback(flow, 'vneid-0001');
    expect((await finishAt(flow, browser, callback)).location).toBe('/');
    const replay = await finishAt(flow, new TestBrowser(), callback);
    expect(replay.location).toBe('/login?error=oidc');
    expect(replay.sessionCookie).toBeUndefined();
    expect((await auditRows(flow.t.db, 'auth.oidc.failed')).at(-1)?.summary).toEqual({ reason: 'state_unknown' });
  });

  it('refuses a sign-in left unfinished for more than ten minutes', async () => {
    const { browser, callback } = await reachCallback(flow, 'vneid-0001');
    const eleventhMinute = new Date(Date.now() - 11 * 60_000).toISOString();
    await flow.t.db.updateTable('oidc_states').set({ created_at: eleventhMinute }).where('state', '=', callback.searchParams.get('state')!).execute();
    const result = await finishAt(flow, browser, callback);
    expect(result.location).toBe('/login?error=oidc');
    expect((await auditRows(flow.t.db, 'auth.oidc.failed')).at(-1)?.summary).toEqual({ reason: 'state_expired' });
  });

  it('reports a refusal at the provider as a failed sign-in', async () => {
    const { browser, callback } = await reachCallback(flow, 'vneid-0001', { abort: true });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const result = await finishAt(flow, browser, callback);
    expect(result.location).toBe('/login?error=oidc');
    expect((await auditRows(flow.t.db, 'auth.oidc.failed')).at(-1)?.summary).toEqual({ reason: 'provider_error', providerError: 'access_denied' });
  });

  it('never signs an official into their account through the e-ID', async () => {
    const official = await insertUser(flow.t.db, { kind: 'official' });
    await flow.t.db
      .updateTable('users')
      .set({ oidc_issuer: flow.provider.issuer, oidc_subject: 'vneid-official' })
      .where('id', '=', official.id)
      .execute();
    const result = await signIn(flow, 'vneid-official');
    expect(result.location).toBe('/login?error=oidc');
    expect(result.sessionCookie).toBeUndefined();
    expect(await flow.t.db.selectFrom('sessions').selectAll().where('user_id', '=', official.id).execute()).toEqual([]);
    expect((await auditRows(flow.t.db, 'auth.oidc.failed')).at(-1)).toMatchObject({
      entity_type: 'user',
      entity_id: String(official.id),
      summary: { reason: 'account_not_citizen' },
    });
  });

  it('replaces the session the browser already had', async () => {
    const first = await signIn(flow, 'vneid-0001');
    const firstSecret = first.sessionCookie!.split(';')[0].slice('cqs_session='.length);
    const second = await signIn(flow, 'vneid-0001', { browser: first.browser });
    expect(second.location).toBe('/');
    const secondSecret = second.sessionCookie!.split(';')[0].slice('cqs_session='.length);
    expect(secondSecret).not.toBe(firstSecret);
    expect(await findSessionBySecret(flow.t.db, firstSecret)).toBeUndefined();
    expect(await findSessionBySecret(flow.t.db, secondSecret)).toMatchObject({ kind: 'cookie', mfa_verified: 1 });
  });

  it('refuses a disabled citizen account', async () => {
    flow.accounts['vneid-disabled'] = { name: 'Điêu Thị Lan' };
    expect((await signIn(flow, 'vneid-disabled')).location).toBe('/');
    const user = await flow.t.db.selectFrom('users').select('id').where('oidc_subject', '=', 'vneid-disabled').executeTakeFirstOrThrow();
    await flow.t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    await flow.t.db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    const result = await signIn(flow, 'vneid-disabled');
    expect(result.location).toBe('/login?error=oidc');
    expect(result.sessionCookie).toBeUndefined();
    expect(await flow.t.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute()).toEqual([]);
    expect((await auditRows(flow.t.db, 'auth.oidc.failed')).at(-1)).toMatchObject({
      entity_id: String(user.id),
      summary: { reason: 'account_disabled' },
    });
  });

  it.each([
    ['another site', '//evil.example/steal'],
    ['a backslash trick', '/\\evil.example'],
    ['an absolute URL', 'https://evil.example/'],
    ['a relative path', 'ho-so'],
    ['a tab browsers drop', '/\t/evil.example'],
    ['a line break', '/ho-so\r\nSet-Cookie: x=1'],
    ['an unencoded letter', '/hồ-sơ'],
  ])('refuses %s as returnTo', async (_case, returnTo) => {
    const response = await flow.t.app.inject({ method: 'GET', url: `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}` });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/query/returnTo' }] });
  });
});

describe.each(DIALECTS)('e-ID sign-in without configuration on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('tells the login page that only passwords work', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/providers' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ password: true, oidc: { enabled: false, name: 'VNeID', startUrl: null } });
  });

  it.each(['/api/auth/oidc/start', '/api/auth/oidc/callback?code=x&state=y'])('answers %s with 404 OIDC_NOT_CONFIGURED', async (url) => {
    const response = await t.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'OIDC_NOT_CONFIGURED', detail: 'Đăng nhập bằng định danh điện tử chưa được cấu hình.' });
    expect(await t.db.selectFrom('oidc_states').selectAll().execute()).toEqual([]);
  });
});

describe.each(DIALECTS)('e-ID provider settings on %s', (dialect) => {
  it('reads the identity number from the claim named by OIDC_IDENTITY_CLAIM', async () => {
    let flow: RunningFlow | undefined;
    try {
      flow = await startFlow(
        dialect,
        { 'vneid-0002': { name: 'Quàng Văn Sơn', so_dinh_danh: '011088004321', identity_number: '999' } },
        { OIDC_IDENTITY_CLAIM: 'so_dinh_danh' },
      );
      const result = await signIn(flow, 'vneid-0002');
      expect(result.location).toBe('/');
      const user = await flow.t.db.selectFrom('users').selectAll().where('oidc_subject', '=', 'vneid-0002').executeTakeFirstOrThrow();
      expect(user).toMatchObject({ full_name: 'Quàng Văn Sơn', identity_number: '011088004321', email: null, phone: null });
    } finally {
      await flow?.close();
    }
  });

  it('stops on an invalid OIDC_IDENTITY_CLAIM with a message naming it', () => {
    expect(loadConfig({}).oidc.identityClaim).toBe('identity_number');
    expect(() => loadConfig({ OIDC_IDENTITY_CLAIM: 'số định danh' })).toThrow(ConfigError);
    expect(() => loadConfig({ OIDC_IDENTITY_CLAIM: 'số định danh' })).toThrow(/OIDC_IDENTITY_CLAIM/);
  });

  it('discovers the provider again after it was unreachable', async () => {
    const appPort = await freePort();
    const providerPort = await freePort();
    const appOrigin = `http://127.0.0.1:${appPort}`;
    const t = await createTestApp(dialect, {
      PUBLIC_URL: appOrigin,
      OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
      OIDC_CLIENT_ID: 'cqs-test',
      OIDC_CLIENT_SECRET: 'bi-mat-cua-ung-dung-thu',
      OIDC_ALLOW_INSECURE: 'true',
    });
    let provider: TestOidcProvider | undefined;
    try {
      const down = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(down.statusCode).toBe(302);
      expect(down.headers.location).toBe('/login?error=oidc');
      expect(await t.db.selectFrom('oidc_states').selectAll().execute()).toEqual([]);

      provider = await startTestOidcProvider({
        redirectUri: `${appOrigin}${OIDC_CALLBACK_PATH}`,
        clientSecret: 'bi-mat-cua-ung-dung-thu',
        accounts: {},
        port: providerPort,
      });
      const up = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(up.statusCode).toBe(302);
      expect(new URL(up.headers.location as string).origin).toBe(provider.issuer);
      expect(await t.db.selectFrom('oidc_states').selectAll().execute()).toHaveLength(1);
    } finally {
      await t.close();
      await provider?.stop();
    }
  });
});
