import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUnit, insertUser, tokenFor, type TestUser } from '../../../test/support/fixtures.js';

const STRONG = 'Hoa ban nở trắng Mường Thanh';

describe.each(DIALECTS)('who may read and manage accounts on %s', (dialect) => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof insertProvinceTree>>;
  let justiceDivision: number;
  let justiceAdmin: Record<string, string>;
  let provinceAdmin: TestUser;
  let provinceAdminHeaders: Record<string, string>;
  let justiceOfficer: TestUser;
  let financeOfficer: TestUser;
  let citizenA: TestUser;
  let citizenB: TestUser;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await insertProvinceTree(t.db);
    justiceDivision = await insertUnit(t.db, { code: '000.05.01.H18', name: 'Phòng Bổ trợ tư pháp', shortName: 'BTTP', type: 'division', parentId: tree.justice });
    const admin = await insertUser(t.db, { unitId: tree.justice, withTotp: true, roles: [{ role: 'admin', unitId: tree.justice }] });
    justiceAdmin = bearer(await tokenFor(t.app, admin));
    provinceAdmin = await insertUser(t.db, { unitId: tree.province, withTotp: true, roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }] });
    provinceAdminHeaders = bearer(await tokenFor(t.app, provinceAdmin));
    justiceOfficer = await insertUser(t.db, { unitId: tree.justice, roles: [{ role: 'specialist', unitId: tree.justice }] });
    financeOfficer = await insertUser(t.db, { unitId: tree.finance, roles: [{ role: 'specialist', unitId: tree.finance }] });
    citizenA = await insertUser(t.db, { kind: 'citizen', identityNumber: '011111111111', roles: [{ role: 'citizen', unitId: null }] });
    citizenB = await insertUser(t.db, { kind: 'citizen', identityNumber: '022222222222', roles: [{ role: 'citizen', unitId: null }] });
  });
  afterAll(async () => t?.close());

  const official = (username: string, unitId: number, roles: unknown[] = []) => ({ username, fullName: 'Cán bộ thử', kind: 'official', unitId, password: STRONG, roles });
  const userRead = async (id: number) =>
    t.db.selectFrom('audit_log').select(['actor_id']).where('action', '=', 'user.read').where('entity_id', '=', String(id)).execute();

  it('an admin of Sở Tư pháp cannot create, read, change or disable accounts of Sở Tài chính', async () => {
    const create = await t.app.inject({ method: 'POST', url: '/api/users', headers: justiceAdmin, payload: official('stc.moi', tree.finance) });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('FORBIDDEN');
    const read = await t.app.inject({ method: 'GET', url: `/api/users/${financeOfficer.id}`, headers: justiceAdmin });
    expect(read.statusCode).toBe(404);
    expect(read.json().code).toBe('NOT_FOUND');
    for (const action of ['disable', 'enable', 'reset-totp']) {
      const response = await t.app.inject({ method: 'POST', url: `/api/users/${financeOfficer.id}/${action}`, headers: justiceAdmin });
      expect(response.statusCode).toBe(404);
    }
    const reset = await t.app.inject({ method: 'POST', url: `/api/users/${financeOfficer.id}/reset-password`, headers: justiceAdmin, payload: { newPassword: STRONG } });
    expect(reset.statusCode).toBe(404);
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/users/${financeOfficer.id}`, headers: justiceAdmin, payload: { fullName: 'X' } });
    expect(patch.statusCode).toBe(404);
    const roles = await t.app.inject({ method: 'PUT', url: `/api/users/${financeOfficer.id}/roles`, headers: justiceAdmin, payload: { roles: [] } });
    expect(roles.statusCode).toBe(404);

    const row = await t.db.selectFrom('users').select(['status', 'full_name']).where('id', '=', financeOfficer.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
    expect(await t.db.selectFrom('users').select('id').where('username', '=', 'stc.moi').execute()).toEqual([]);
    expect(await userRead(financeOfficer.id)).toEqual([]);
  });

  it('an admin of Sở Tư pháp manages its own officials and lists only them', async () => {
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: justiceAdmin,
      payload: official('stp.moi', tree.justice, [{ role: 'records_clerk', unitId: tree.justice }]),
    });
    expect(create.statusCode).toBe(201);
    const disable = await t.app.inject({ method: 'POST', url: `/api/users/${justiceOfficer.id}/disable`, headers: justiceAdmin });
    expect(disable.statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: `/api/users/${justiceOfficer.id}/enable`, headers: justiceAdmin });

    const list = await t.app.inject({ method: 'GET', url: '/api/users?pageSize=100', headers: justiceAdmin });
    expect(list.statusCode).toBe(200);
    const units = new Set(list.json().items.map((u: { unitId: number }) => u.unitId));
    expect([...units]).toEqual([tree.justice]);
    const ids = list.json().items.map((u: { id: number }) => u.id);
    expect(ids).toContain(justiceOfficer.id);
    expect(ids).not.toContain(financeOfficer.id);
    expect(ids).not.toContain(citizenA.id);
    const filtered = await t.app.inject({ method: 'GET', url: `/api/users?unitId=${tree.finance}`, headers: justiceAdmin });
    expect(filtered.json()).toEqual({ items: [], total: 0 });
  });

  it('refuses grant escalation', async () => {
    const cases = [
      [{ role: 'admin', unitId: tree.province }],
      [{ role: 'admin', unitId: tree.justice, includeSubtree: true }],
      [{ role: 'specialist', unitId: tree.finance }],
      [{ role: 'specialist', unitId: tree.justice, includeSubtree: true }],
    ];
    for (const roles of cases) {
      const response = await t.app.inject({ method: 'POST', url: '/api/users', headers: justiceAdmin, payload: official(`esc.${cases.indexOf(roles)}`, tree.justice, roles) });
      expect(response.statusCode, JSON.stringify(roles)).toBe(403);
      expect(response.json().code).toBe('GRANT_ESCALATION');
    }
    const raise = await t.app.inject({ method: 'PUT', url: `/api/users/${justiceOfficer.id}/roles`, headers: justiceAdmin, payload: { roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }] } });
    expect(raise.statusCode).toBe(403);
    expect(raise.json().code).toBe('GRANT_ESCALATION');
    // Granting admin on its own unit (direct) is within the justice admin's own rights.
    const peer = await t.app.inject({ method: 'PUT', url: `/api/users/${justiceOfficer.id}/roles`, headers: justiceAdmin, payload: { roles: [{ role: 'admin', unitId: tree.justice }] } });
    expect(peer.statusCode).toBe(200);
    await t.app.inject({ method: 'PUT', url: `/api/users/${justiceOfficer.id}/roles`, headers: justiceAdmin, payload: { roles: [{ role: 'specialist', unitId: tree.justice }] } });
    // A unit admin cannot take over (reset, disable) a more powerful account that sits in its unit.
    const strong = await insertUser(t.db, { unitId: tree.justice, withTotp: true, roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }] });
    const takeover = await t.app.inject({ method: 'POST', url: `/api/users/${strong.id}/reset-password`, headers: justiceAdmin, payload: { newPassword: STRONG } });
    expect(takeover.statusCode).toBe(403);
    const strip = await t.app.inject({ method: 'PUT', url: `/api/users/${strong.id}/roles`, headers: justiceAdmin, payload: { roles: [] } });
    expect(strip.statusCode).toBe(403);
    expect(strip.json().code).toBe('GRANT_ESCALATION');
    const grants = await t.db.selectFrom('role_grants').select('role').where('user_id', '=', strong.id).execute();
    expect(grants).toEqual([{ role: 'admin' }]);
  });

  it('a subtree grant at the province covers its departments, divisions and citizens', async () => {
    const read = await t.app.inject({ method: 'GET', url: `/api/users/${financeOfficer.id}`, headers: provinceAdminHeaders });
    expect(read.statusCode).toBe(200);
    const division = await t.app.inject({ method: 'POST', url: '/api/users', headers: provinceAdminHeaders, payload: official('bttp.moi', justiceDivision) });
    expect(division.statusCode).toBe(201);
    const citizen = await t.app.inject({ method: 'GET', url: `/api/users/${citizenA.id}`, headers: provinceAdminHeaders });
    expect(citizen.statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/users?kind=citizen', headers: provinceAdminHeaders });
    expect(list.json().items.map((u: { id: number }) => u.id)).toEqual(expect.arrayContaining([citizenA.id, citizenB.id]));
    // The justice admin's direct grant does not reach the division below, nor citizens.
    const below = await t.app.inject({ method: 'POST', url: '/api/users', headers: justiceAdmin, payload: official('bttp.hai', justiceDivision) });
    expect(below.statusCode).toBe(403);
    const citizenCreate = await t.app.inject({ method: 'POST', url: '/api/users', headers: justiceAdmin, payload: { username: 'cd.moi', fullName: 'Công dân', kind: 'citizen', password: STRONG } });
    expect(citizenCreate.statusCode).toBe(403);
  });

  it('a citizen cannot read another citizen account (404) but can read their own, and the read is audited', async () => {
    const headers = bearer(await tokenFor(t.app, citizenA));
    const other = await t.app.inject({ method: 'GET', url: `/api/users/${citizenB.id}`, headers });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('NOT_FOUND');
    expect(await userRead(citizenB.id)).toEqual([]);
    const own = await t.app.inject({ method: 'GET', url: `/api/users/${citizenA.id}`, headers });
    expect(own.statusCode).toBe(200);
    expect(own.json().identityNumber).toBe('011111111111');
    expect(await userRead(citizenA.id)).toContainEqual({ actor_id: citizenA.id });
    const list = await t.app.inject({ method: 'GET', url: '/api/users', headers });
    expect(list.statusCode).toBe(403);
    const official = await t.app.inject({ method: 'GET', url: `/api/users/${justiceOfficer.id}`, headers });
    expect(official.statusCode).toBe(404);
  });

  it('a specialist reads only their own account; a head of division reads but cannot manage', async () => {
    const specialist = bearer(await tokenFor(t.app, financeOfficer));
    expect((await t.app.inject({ method: 'GET', url: `/api/users/${financeOfficer.id}`, headers: specialist })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/users/${justiceOfficer.id}`, headers: specialist })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: specialist })).statusCode).toBe(403);

    const head = await insertUser(t.db, { unitId: tree.finance, roles: [{ role: 'division_head', unitId: tree.finance }] });
    const headHeaders = bearer(await tokenFor(t.app, head));
    const read = await t.app.inject({ method: 'GET', url: `/api/users/${financeOfficer.id}`, headers: headHeaders });
    expect(read.statusCode).toBe(200);
    const disable = await t.app.inject({ method: 'POST', url: `/api/users/${financeOfficer.id}/disable`, headers: headHeaders });
    expect(disable.statusCode).toBe(403);
    expect(disable.json().code).toBe('FORBIDDEN');
    const create = await t.app.inject({ method: 'POST', url: '/api/users', headers: headHeaders, payload: official('stc.hai', tree.finance) });
    expect(create.statusCode).toBe(403);
  });
});
