import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUnit, insertUser, tokenFor } from '../../../test/support/fixtures.js';

describe.each(DIALECTS)('who may read and change the organisation tree on %s', (dialect) => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof insertProvinceTree>>;
  let justiceAdmin: Record<string, string>;
  let specialist: Record<string, string>;
  let citizen: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await insertProvinceTree(t.db);
    const admin = await insertUser(t.db, { unitId: tree.justice, withTotp: true, roles: [{ role: 'admin', unitId: tree.justice }] });
    justiceAdmin = bearer(await tokenFor(t.app, admin));
    const officer = await insertUser(t.db, { unitId: tree.finance, roles: [{ role: 'specialist', unitId: tree.finance }] });
    specialist = bearer(await tokenFor(t.app, officer));
    const person = await insertUser(t.db, { kind: 'citizen', roles: [{ role: 'citizen', unitId: null }] });
    citizen = bearer(await tokenFor(t.app, person));
  });
  afterAll(async () => t?.close());

  const unitBody = (code: string, parentId: number) => ({ code, name: `Phòng ${code}`, shortName: 'P', type: 'division', parentId });

  it('requires sign-in, and keeps the tree from citizens', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/units' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');
    const list = await t.app.inject({ method: 'GET', url: '/api/units', headers: citizen });
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('FORBIDDEN');
    const change = await t.app.inject({ method: 'PATCH', url: `/api/units/${tree.justice}`, headers: citizen, payload: { name: 'X' } });
    expect(change.statusCode).toBe(404);
  });

  it('lets every official read the tree but not change it without unit.manage', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/units', headers: specialist });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(3);
    const create = await t.app.inject({ method: 'POST', url: '/api/units', headers: specialist, payload: unitBody('000.07.09.H18', tree.finance) });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('FORBIDDEN');
  });

  it('lets the admin of Sở Tư pháp manage only Sở Tư pháp', async () => {
    const own = await t.app.inject({ method: 'POST', url: '/api/units', headers: justiceAdmin, payload: unitBody('000.05.09.H18', tree.justice) });
    expect(own.statusCode).toBe(201);
    const other = await t.app.inject({ method: 'POST', url: '/api/units', headers: justiceAdmin, payload: unitBody('000.07.08.H18', tree.finance) });
    expect(other.statusCode).toBe(403);
    const rename = await t.app.inject({ method: 'PATCH', url: `/api/units/${tree.finance}`, headers: justiceAdmin, payload: { name: 'Sở khác' } });
    expect(rename.statusCode).toBe(403);
    const moveAway = await t.app.inject({ method: 'POST', url: `/api/units/${own.json().id}/move`, headers: justiceAdmin, payload: { parentId: tree.finance } });
    expect(moveAway.statusCode).toBe(403);
    const merge = await t.app.inject({ method: 'POST', url: `/api/units/${tree.finance}/merge`, headers: justiceAdmin, payload: { intoId: tree.justice } });
    expect(merge.statusCode).toBe(403);
    const root = await t.app.inject({ method: 'POST', url: '/api/units', headers: justiceAdmin, payload: { ...unitBody('000.00.00.H99', tree.justice), parentId: null, type: 'province' } });
    expect(root.statusCode).toBe(403);
    const finance = await t.db.selectFrom('units').select(['name', 'status']).where('id', '=', tree.finance).executeTakeFirstOrThrow();
    expect(finance).toEqual({ name: 'Sở Tài chính', status: 'active' });
    const audits = await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'unit').where('entity_id', '=', String(tree.finance)).execute();
    expect(audits).toEqual([]);
  });

  it('a subtree grant at the province covers its departments and their divisions', async () => {
    const provinceAdmin = await insertUser(t.db, { unitId: tree.province, withTotp: true, roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }] });
    const headers = bearer(await tokenFor(t.app, provinceAdmin));
    const division = await insertUnit(t.db, { code: '000.07.05.H18', name: 'Phòng Giá', shortName: 'PG', type: 'division', parentId: tree.finance });
    const rename = await t.app.inject({ method: 'PATCH', url: `/api/units/${division}`, headers, payload: { name: 'Phòng Quản lý giá' } });
    expect(rename.statusCode).toBe(200);
    // A direct (non-subtree) grant on the province does not reach the departments.
    const directAdmin = await insertUser(t.db, { unitId: tree.province, withTotp: true, roles: [{ role: 'admin', unitId: tree.province }] });
    const direct = bearer(await tokenFor(t.app, directAdmin));
    const refused = await t.app.inject({ method: 'PATCH', url: `/api/units/${division}`, headers: direct, payload: { name: 'Khác' } });
    expect(refused.statusCode).toBe(403);
  });
});
