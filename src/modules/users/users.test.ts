import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUser, tokenFor, type TestUser } from '../../../test/support/fixtures.js';

const STRONG = 'Hoa ban nở trắng Mường Thanh';

async function auditOf(t: TestApp, action: string, entityId: number) {
  const rows = await t.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', String(entityId)).orderBy('seq').execute();
  return rows.map((r) => ({ ...r, summary: JSON.parse(r.summary) }));
}

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

describe.each(DIALECTS)('account administration on %s', (dialect) => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof insertProvinceTree>>;
  let admin: TestUser;
  let headers: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await insertProvinceTree(t.db);
    admin = await insertUser(t.db, { unitId: tree.province, withTotp: true, roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }] });
    headers = bearer(await tokenFor(t.app, admin));
  });
  afterAll(async () => t?.close());

  const createUser = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/users', headers, payload });
  const official = (username: string, extra: Record<string, unknown> = {}) => ({
    username,
    fullName: 'Nguyễn Văn Đức',
    kind: 'official',
    unitId: tree.justice,
    password: STRONG,
    ...extra,
  });

  it('creates an official with roles, lower-cases the username and audits without personal data', async () => {
    const response = await createUser(
      official('NV.Duc', { email: 'duc@dienbien.gov.vn', phone: '0912 345 678', title: 'Chuyên viên', identityNumber: '011234567890', roles: [{ role: 'specialist', unitId: tree.justice }] }),
    );
    expect(response.statusCode).toBe(201);
    const user = response.json();
    expect(user).toMatchObject({
      username: 'nv.duc',
      fullName: 'Nguyễn Văn Đức',
      kind: 'official',
      unitId: tree.justice,
      unitName: 'Sở Tư pháp',
      status: 'active',
      totpEnabled: false,
      email: 'duc@dienbien.gov.vn',
      identityNumber: '011234567890',
      roles: [{ role: 'specialist', unitId: tree.justice, unitName: 'Sở Tư pháp', includeSubtree: false }],
    });
    const row = await t.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.search_text).toBe('nguyen van duc nv.duc');
    const [audit] = await auditOf(t, 'user.create', user.id);
    expect(audit.actor_id).toBe(admin.id);
    expect(audit.summary.after).toMatchObject({ username: 'nv.duc', kind: 'official', unitId: tree.justice });
    expect(JSON.stringify(audit.summary)).not.toMatch(/duc@dienbien|011234567890|0912/);
    // The new account can sign in with its password.
    expect(await tokenFor(t.app, { id: user.id, username: 'nv.duc', password: STRONG })).toBeTruthy();
  });

  it('refuses bad input with the field path', async () => {
    const bad = await createUser({ username: 'a b', fullName: '', kind: 'robot', email: 'not-an-email', phone: 'abc', identityNumber: '123', password: STRONG, extra: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(paths(bad.json())).toEqual(expect.arrayContaining(['/username', '/fullName', '/kind', '/email', '/phone', '/identityNumber', '/extra']));
    const missing = await createUser({});
    expect(paths(missing.json())).toEqual(expect.arrayContaining(['/username', '/fullName', '/kind', '/password']));

    const weak = await createUser(official('weak.one', { password: 'password1234' }));
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', errors: [{ path: '/password' }] });
    const noUnit = await createUser(official('no.unit', { unitId: undefined }));
    expect(noUnit.statusCode).toBe(400);
    expect(paths(noUnit.json())).toEqual(['/unitId']);
    const citizenWithUnit = await createUser(official('citizen.unit', { kind: 'citizen' }));
    expect(paths(citizenWithUnit.json())).toEqual(['/unitId']);
    const wrongRole = await createUser(official('wrong.role', { roles: [{ role: 'citizen', unitId: null }, { role: 'specialist', unitId: 999999 }] }));
    expect(wrongRole.statusCode).toBe(400);
    expect(paths(wrongRole.json())).toEqual(['/roles/0/role', '/roles/1/unitId']);
    const badGrant = await createUser(official('bad.grant', { roles: [{ role: 'mayor', unitId: 'x' }] }));
    expect(paths(badGrant.json())).toEqual(expect.arrayContaining(['/roles/0/role', '/roles/0/unitId']));

    await createUser(official('taken.name'));
    const taken = await createUser(official('Taken.Name'));
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'USERNAME_TAKEN', detail: 'Tên đăng nhập taken.name đã tồn tại.' });
    const none = await t.db.selectFrom('users').select('id').where('username', 'in', ['weak.one', 'no.unit', 'wrong.role', 'bad.grant']).execute();
    expect(none).toEqual([]);
  });

  it('lists accounts with accent-insensitive search, filters and paging, without personal data', async () => {
    await createUser(official('tran.hong', { fullName: 'Trần Thị Hồng', unitId: tree.finance }));
    await createUser({ username: 'cong.dan', fullName: 'Lò Văn Đức', kind: 'citizen', password: STRONG, roles: [{ role: 'citizen', unitId: null }] });
    // An account written by another module (e.g. e-ID sign-in) without search_text is still found.
    await insertUser(t.db, { username: 'oidc.user', kind: 'citizen', fullName: 'Quàng Thị Đào' });

    const search = async (query: string) => (await t.app.inject({ method: 'GET', url: `/api/users?${query}`, headers })).json();
    const duc = await search('q=nguyen%20van%20duc');
    expect(duc.items.map((u: { username: string }) => u.username)).toContain('nv.duc');
    const upper = await search(`q=${encodeURIComponent('ĐỨC')}`);
    expect(upper.items.map((u: { username: string }) => u.username).sort()).toEqual(expect.arrayContaining(['nv.duc', 'cong.dan']));
    expect((await search('q=quang%20thi%20dao')).items.map((u: { username: string }) => u.username)).toEqual(['oidc.user']);
    expect((await search('q=100%25')).total).toBe(0);

    const citizens = await search('kind=citizen&q=duc');
    expect(citizens.items.map((u: { username: string }) => u.username)).toEqual(['cong.dan']);
    const finance = await search(`unitId=${tree.finance}`);
    expect(finance.items.map((u: { username: string }) => u.username)).toEqual(['tran.hong']);
    expect(finance.items[0]).toMatchObject({ unitName: 'Sở Tài chính', roles: [] });
    for (const key of ['email', 'phone', 'identityNumber', 'passwordHash', 'password_hash']) expect(finance.items[0]).not.toHaveProperty(key);

    const page1 = await search('pageSize=2&page=1');
    const page2 = await search('pageSize=2&page=2');
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBe(page2.total);
    expect(page1.items[0].id).not.toBe(page2.items[0].id);

    const bad = await t.app.inject({ method: 'GET', url: '/api/users?pageSize=1000&kind=robot&page=0&foo=1', headers });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(expect.arrayContaining(['/query/pageSize', '/query/kind', '/query/page']));
  });

  it('shows one account with personal data and audits the read', async () => {
    const user = await insertUser(t.db, { unitId: tree.finance, identityNumber: '001099001234' });
    const response = await t.app.inject({ method: 'GET', url: `/api/users/${user.id}`, headers });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, identityNumber: '001099001234', email: `${user.username}@example.test`, lastLoginAt: null });
    const reads = await auditOf(t, 'user.read', user.id);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actor_id: admin.id, entity_type: 'user', unit_id: tree.finance });
    const missing = await t.app.inject({ method: 'GET', url: '/api/users/999999', headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
    const badId = await t.app.inject({ method: 'GET', url: '/api/users/0', headers });
    expect(badId.statusCode).toBe(400);
    expect(paths(badId.json())).toEqual(['/params/id']);
  });

  it('updates an account, moving it to another unit, and audits which fields changed', async () => {
    const user = await insertUser(t.db, { unitId: tree.justice });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers,
      payload: { fullName: 'Lê Thị Mai', title: 'Phó Trưởng phòng', unitId: tree.finance, phone: '+84 912 000 111', email: null },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ fullName: 'Lê Thị Mai', title: 'Phó Trưởng phòng', unitId: tree.finance, phone: '+84 912 000 111', email: null });
    const row = await t.db.selectFrom('users').select(['search_text', 'unit_id']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.search_text).toBe(`le thi mai ${user.username}`);
    const [audit] = await auditOf(t, 'user.update', user.id);
    expect(audit.summary.fields).toEqual(['fullName', 'title', 'unitId', 'phone', 'email']);
    expect(audit.summary.after).toEqual({ fullName: 'Lê Thị Mai', title: 'Phó Trưởng phòng', unitId: tree.finance });
    expect(JSON.stringify(audit.summary)).not.toContain('912');

    const empty = await t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers, payload: {} });
    expect(empty.statusCode).toBe(400);
    const bad = await t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers, payload: { email: 'x', unitId: null, username: 'new' } });
    expect(paths(bad.json())).toEqual(expect.arrayContaining(['/email', '/unitId', '/username']));
    const noUnit = await t.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers, payload: { unitId: 999999 } });
    expect(noUnit.statusCode).toBe(400);
    expect(paths(noUnit.json())).toEqual(['/unitId']);
  });

  it('replaces role grants, auditing before and after', async () => {
    const user = await insertUser(t.db, { unitId: tree.justice, roles: [{ role: 'specialist', unitId: tree.justice }] });
    const roles = [
      { role: 'division_head', unitId: tree.justice, includeSubtree: true },
      { role: 'records_clerk', unitId: tree.finance },
    ];
    const response = await t.app.inject({ method: 'PUT', url: `/api/users/${user.id}/roles`, headers, payload: { roles } });
    expect(response.statusCode).toBe(200);
    expect(response.json().roles).toEqual([
      { role: 'division_head', unitId: tree.justice, unitName: 'Sở Tư pháp', includeSubtree: true },
      { role: 'records_clerk', unitId: tree.finance, unitName: 'Sở Tài chính', includeSubtree: false },
    ]);
    const [audit] = await auditOf(t, 'user.roles.replace', user.id);
    expect(audit.summary.before).toEqual([{ role: 'specialist', unitId: tree.justice, includeSubtree: false }]);
    expect(audit.summary.after).toHaveLength(2);

    const bad = await t.app.inject({ method: 'PUT', url: `/api/users/${user.id}/roles`, headers, payload: { roles: [{ role: 'specialist' }] } });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['/roles/0/unitId']);
    const twice = await t.app.inject({ method: 'PUT', url: `/api/users/${user.id}/roles`, headers, payload: { roles: [roles[1], roles[1]] } });
    expect(paths(twice.json())).toEqual(['/roles/1']);
    const missing = await t.app.inject({ method: 'PUT', url: `/api/users/${user.id}/roles`, headers, payload: {} });
    expect(paths(missing.json())).toEqual(['/roles']);
    const cleared = await t.app.inject({ method: 'PUT', url: `/api/users/${user.id}/roles`, headers, payload: { roles: [] } });
    expect(cleared.json().roles).toEqual([]);
  });

  it('disabling ends every session at once; the old token stops working; enabling restores sign-in', async () => {
    const user = await insertUser(t.db, { unitId: tree.finance, roles: [{ role: 'specialist', unitId: tree.finance }] });
    const token = await tokenFor(t.app, user);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);

    const disabled = await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/disable`, headers });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ id: user.id, status: 'disabled' });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    expect(me.statusCode).toBe(401);
    expect(me.headers['content-type']).toContain('application/problem+json');
    const sessions = await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(sessions).toEqual([]);
    const [audit] = await auditOf(t, 'user.disable', user.id);
    expect(audit.summary).toMatchObject({ before: { status: 'active' }, after: { status: 'disabled' }, revokedSessions: 1 });
    await expect(tokenFor(t.app, user)).rejects.toThrow(/401/);

    const enabled = await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/enable`, headers });
    expect(enabled.json().status).toBe('active');
    expect(await auditOf(t, 'user.enable', user.id)).toHaveLength(1);
    expect(await tokenFor(t.app, user)).toBeTruthy();

    const self = await t.app.inject({ method: 'POST', url: `/api/users/${admin.id}/disable`, headers });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('USER_SELF_DISABLE');
    const missing = await t.app.inject({ method: 'POST', url: '/api/users/999999/disable', headers });
    expect(missing.statusCode).toBe(404);
    const badId = await t.app.inject({ method: 'POST', url: '/api/users/x/enable', headers });
    expect(paths(badId.json())).toEqual(['/params/id']);
  });

  it('resets a password: sessions end, lockout clears, the new password works', async () => {
    const user = await insertUser(t.db, { unitId: tree.justice });
    const token = await tokenFor(t.app, user);
    await t.db.updateTable('users').set({ failed_logins: 4, locked_until: new Date(Date.now() + 60_000).toISOString() }).where('id', '=', user.id).execute();

    const weak = await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/reset-password`, headers, payload: { newPassword: '12345678' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', errors: [{ path: '/newPassword' }] });
    const bad = await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/reset-password`, headers, payload: { password: STRONG } });
    expect(paths(bad.json())).toEqual(expect.arrayContaining(['/newPassword', '/password']));

    const reset = await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/reset-password`, headers, payload: { newPassword: 'Đồi A1 năm 1954 vẫn đó' } });
    expect(reset.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);
    const row = await t.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
    expect(await tokenFor(t.app, { ...user, password: 'Đồi A1 năm 1954 vẫn đó' })).toBeTruthy();
    const [audit] = await auditOf(t, 'user.password.reset', user.id);
    expect(JSON.stringify(audit.summary)).not.toContain('1954');
  });

  it('resets TOTP so the user enrols again', async () => {
    const user = await insertUser(t.db, { unitId: tree.justice, withTotp: true, roles: [{ role: 'admin', unitId: tree.justice }] });
    const response = await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/reset-totp`, headers });
    expect(response.statusCode).toBe(204);
    const row = await t.db.selectFrom('users').select(['totp_secret', 'totp_pending_secret', 'totp_enabled']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, totp_pending_secret: null, totp_enabled: 0 });
    expect(await auditOf(t, 'user.totp.reset', user.id)).toHaveLength(1);
    const missing = await t.app.inject({ method: 'POST', url: '/api/users/999999/reset-totp', headers });
    expect(missing.statusCode).toBe(404);
  });

  it('lists the roles with labels and permissions', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/roles', headers });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toContainEqual({
      code: 'admin',
      label: { vi: 'Quản trị hệ thống', en: 'Administrator' },
      permissions: expect.arrayContaining(['user.manage', 'unit.manage']),
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/roles' })).statusCode).toBe(401);
  });
});
