import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, browserSessionFor, insertProvinceTree, insertUser, sessionTokenFor, type TestUser } from '../../../test/support/fixtures.js';
import { notify } from './notify.js';

describe.each(DIALECTS)('who may see and change notifications on %s', (dialect) => {
  let t: TestApp;
  let owner: TestUser;
  let other: TestUser;
  let admin: TestUser;
  let ownersNotification: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const units = await insertProvinceTree(t.db);
    owner = await insertUser(t.db, { kind: 'citizen' });
    other = await insertUser(t.db, { kind: 'citizen' });
    admin = await insertUser(t.db, { withTotp: true, unitId: units.province, roles: [{ role: 'admin', unitId: units.province, includeSubtree: true }] });
    ownersNotification = await t.db.transaction().execute((tx) =>
      notify(tx, { userId: owner.id, subject: 'Kết quả giải quyết hồ sơ', body: 'Hồ sơ đã có kết quả.', email: false }),
    );
  });
  afterAll(async () => t?.close());

  const expectNotFound = (response: { statusCode: number; headers: Record<string, unknown>; json(): { code: string } }) => {
    expect(response.statusCode).toBe(404);
    expect(String(response.headers['content-type'])).toContain('application/problem+json');
    expect(response.json().code).toBe('NOT_FOUND');
  };

  it('answers 404 to another user — even an administrator — marking someone else’s notification, and changes nothing', async () => {
    for (const user of [other, admin]) {
      const token = await sessionTokenFor(t.db, user);
      expectNotFound(await t.app.inject({ method: 'POST', url: `/api/notifications/${ownersNotification}/read`, headers: bearer(token) }));
    }
    const row = await t.db.selectFrom('notifications').select('read_at').where('id', '=', ownersNotification).executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
  });

  it('answers 404 for a notification that does not exist', async () => {
    const token = await sessionTokenFor(t.db, owner);
    expectNotFound(await t.app.inject({ method: 'POST', url: '/api/notifications/999999/read', headers: bearer(token) }));
  });

  it('shows others an empty inbox and marks none of the owner’s with read-all', async () => {
    const token = await sessionTokenFor(t.db, other);
    const list = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(token) });
    expect(list.json()).toEqual({ items: [], total: 0, unread: 0 });
    expect((await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: bearer(token) })).json()).toEqual({ updated: 0 });
    const row = await t.db.selectFrom('notifications').select('read_at').where('id', '=', ownersNotification).executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
  });

  it('requires signing in', async () => {
    for (const [method, url] of [
      ['GET', '/api/notifications'],
      ['POST', `/api/notifications/${ownersNotification}/read`],
      ['POST', '/api/notifications/read-all'],
    ] as const) {
      const response = await t.app.inject({ method, url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const session = await browserSessionFor(t.app, owner);
    const withoutCsrf = await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: { cookie: session.cookie } });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json().code).toBe('CSRF_INVALID');
    const withCsrf = await t.app.inject({ method: 'POST', url: `/api/notifications/${ownersNotification}/read`, headers: session.headers });
    expect(withCsrf.statusCode).toBe(200);
  });
});
