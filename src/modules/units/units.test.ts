import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUnit, insertUser, tokenFor } from '../../../test/support/fixtures.js';
import { registerUnitMergeParticipant } from './merge-unit.js';

async function auditRows(t: TestApp, action: string, entityId: number) {
  const rows = await t.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('entity_id', '=', String(entityId))
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, summary: JSON.parse(r.summary) }));
}

describe.each(DIALECTS)('units on %s', (dialect) => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof insertProvinceTree>>;
  let headers: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await insertProvinceTree(t.db);
    const admin = await insertUser(t.db, { unitId: tree.province, withTotp: true, roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }] });
    headers = bearer(await tokenFor(t.app, admin));
  });
  afterAll(async () => t?.close());

  const create = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/units', headers, payload });

  it('creates a unit under a parent and audits it', async () => {
    const response = await create({ code: '000.05.01.H18', name: 'Phòng Hành chính tư pháp', shortName: 'HCTP', type: 'division', parentId: tree.justice });
    expect(response.statusCode).toBe(201);
    const unit = response.json();
    expect(unit).toMatchObject({ code: '000.05.01.H18', name: 'Phòng Hành chính tư pháp', shortName: 'HCTP', type: 'division', parentId: tree.justice, status: 'active', mergedIntoId: null, userCount: 0 });
    const stored = await t.db.selectFrom('units').selectAll().where('id', '=', unit.id).executeTakeFirstOrThrow();
    expect(stored.short_name).toBe('HCTP');
    const [audit] = await auditRows(t, 'unit.create', unit.id);
    expect(audit.summary.after).toMatchObject({ code: '000.05.01.H18', parentId: tree.justice });
  });

  it('refuses a duplicate code, a second root and a missing parent', async () => {
    const taken = await create({ code: '000.00.05.H18', name: 'Trùng mã', shortName: 'TM', type: 'department', parentId: tree.province });
    expect(taken.statusCode).toBe(409);
    expect(taken.headers['content-type']).toContain('application/problem+json');
    expect(taken.json()).toMatchObject({ code: 'UNIT_CODE_TAKEN', detail: 'Mã định danh 000.00.05.H18 đã được dùng cho đơn vị khác.' });
    const root = await create({ code: '000.00.00.H99', name: 'Tỉnh khác', shortName: 'UBND', type: 'province', parentId: null });
    expect(root.statusCode).toBe(409);
    expect(root.json().code).toBe('UNIT_ROOT_EXISTS');
    const orphan = await create({ code: '000.00.77.H18', name: 'Mồ côi', shortName: 'MC', type: 'department', parentId: 999999 });
    expect(orphan.statusCode).toBe(404);
    expect(orphan.json().code).toBe('NOT_FOUND');
  });

  it('validates the body: code pattern, type enum, unknown fields, missing fields', async () => {
    const response = await create({ code: '000.00.5.H18', name: '', shortName: 'A B', type: 'district', parentId: 'x', extra: 1 });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/code', '/name', '/shortName', '/type', '/parentId', '/extra']));
    const missing = await create({});
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/code', '/name', '/shortName', '/type', '/parentId']));
    const badQuery = await t.app.inject({ method: 'GET', url: '/api/units?includeMerged=maybe', headers });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().errors[0].path).toBe('/query/includeMerged');
    const badId = await t.app.inject({ method: 'GET', url: '/api/units/abc', headers });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0].path).toBe('/params/id');
  });

  it('lists the tree parent-first and shows a unit with its ancestors', async () => {
    const division = await insertUnit(t.db, { code: '000.07.01.H18', name: 'Phòng Ngân sách', shortName: 'NS', type: 'division', parentId: tree.finance });
    await insertUser(t.db, { unitId: division });
    const list = await t.app.inject({ method: 'GET', url: '/api/units', headers });
    expect(list.statusCode).toBe(200);
    const items: { id: number; parentId: number | null; userCount: number }[] = list.json().items;
    expect(items[0].id).toBe(tree.province);
    const position = new Map(items.map((u, i) => [u.id, i]));
    for (const unit of items) if (unit.parentId !== null) expect(position.get(unit.parentId)!).toBeLessThan(position.get(unit.id)!);
    expect(items.find((u) => u.id === division)?.userCount).toBe(1);

    const detail = await t.app.inject({ method: 'GET', url: `/api/units/${division}`, headers });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().ancestors).toEqual([
      { id: tree.province, name: 'UBND tỉnh Điện Biên' },
      { id: tree.finance, name: 'Sở Tài chính' },
    ]);
    const missing = await t.app.inject({ method: 'GET', url: '/api/units/999999', headers });
    expect(missing.statusCode).toBe(404);
  });

  it('renames a unit, auditing before and after', async () => {
    const id = await insertUnit(t.db, { code: '000.00.21.H18', name: 'Sở Nội vụ cũ', shortName: 'SNV', parentId: tree.province });
    const response = await t.app.inject({ method: 'PATCH', url: `/api/units/${id}`, headers, payload: { name: 'Sở Nội vụ', code: '000.00.22.H18' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id, name: 'Sở Nội vụ', code: '000.00.22.H18', shortName: 'SNV' });
    const [audit] = await auditRows(t, 'unit.update', id);
    expect(audit.summary.before).toMatchObject({ name: 'Sở Nội vụ cũ', code: '000.00.21.H18' });
    expect(audit.summary.after).toMatchObject({ name: 'Sở Nội vụ', code: '000.00.22.H18' });

    const empty = await t.app.inject({ method: 'PATCH', url: `/api/units/${id}`, headers, payload: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('VALIDATION_FAILED');
    const badCode = await t.app.inject({ method: 'PATCH', url: `/api/units/${id}`, headers, payload: { code: '000.00.22.h18' } });
    expect(badCode.json().errors).toEqual([expect.objectContaining({ path: '/code' })]);
    const taken = await t.app.inject({ method: 'PATCH', url: `/api/units/${id}`, headers, payload: { code: '000.00.07.H18' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('UNIT_CODE_TAKEN');
    const missing = await t.app.inject({ method: 'PATCH', url: '/api/units/999999', headers, payload: { name: 'X' } });
    expect(missing.statusCode).toBe(404);
  });

  it('moves a unit and refuses to move it under itself or a descendant', async () => {
    const centre = await insertUnit(t.db, { code: '000.00.31.H18', name: 'Trung tâm Phục vụ hành chính công', shortName: 'TTPVHCC', type: 'center', parentId: tree.justice });
    const child = await insertUnit(t.db, { code: '000.31.01.H18', name: 'Bộ phận một cửa', shortName: 'BPMC', type: 'division', parentId: centre });
    const moved = await t.app.inject({ method: 'POST', url: `/api/units/${centre}/move`, headers, payload: { parentId: tree.province } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(tree.province);
    const [audit] = await auditRows(t, 'unit.move', centre);
    expect(audit.summary).toEqual({ before: { parentId: tree.justice }, after: { parentId: tree.province } });

    for (const parentId of [centre, child]) {
      const cycle = await t.app.inject({ method: 'POST', url: `/api/units/${centre}/move`, headers, payload: { parentId } });
      expect(cycle.statusCode).toBe(409);
      expect(cycle.json().code).toBe('UNIT_CYCLE');
    }
    const bad = await t.app.inject({ method: 'POST', url: `/api/units/${centre}/move`, headers, payload: { parentId: null } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('/parentId');
    const unchanged = await t.db.selectFrom('units').select('parent_id').where('id', '=', centre).executeTakeFirstOrThrow();
    expect(Number(unchanged.parent_id)).toBe(tree.province);
  });

  it('merges a unit: users and grants move, history is kept, the merged unit is frozen', async () => {
    const oldCommune = await insertUnit(t.db, { code: '000.40.01.H18', name: 'UBND xã Thanh Xương', shortName: 'UBND', type: 'commune', parentId: tree.province });
    const survivor = await insertUnit(t.db, { code: '000.40.02.H18', name: 'UBND xã Thanh An', shortName: 'UBND', type: 'commune', parentId: tree.province });
    const officer = await insertUser(t.db, { unitId: oldCommune, roles: [{ role: 'one_stop_officer', unitId: oldCommune }] });
    const both = await insertUser(t.db, { unitId: survivor, roles: [{ role: 'specialist', unitId: oldCommune }, { role: 'specialist', unitId: survivor }] });
    const ward = await insertUnit(t.db, { code: '000.40.03.H18', name: 'Bộ phận một cửa xã', shortName: 'BPMC', type: 'division', parentId: oldCommune });

    const blocked = await t.app.inject({ method: 'POST', url: `/api/units/${oldCommune}/merge`, headers, payload: { intoId: survivor } });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('UNIT_HAS_CHILDREN');

    const seen: { mergedId: number; survivorId: number }[] = [];
    registerUnitMergeParticipant({
      name: 'testRecords',
      async onMerge(tx, merge) {
        seen.push({ mergedId: merge.mergedId, survivorId: merge.survivorId });
        const count = await tx.selectFrom('users').select('id').where('unit_id', '=', merge.survivorId).execute();
        return count.length;
      },
    });
    const response = await t.app.inject({ method: 'POST', url: `/api/units/${oldCommune}/merge`, headers, payload: { intoId: survivor, moveChildren: true } });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({
      merged: { id: oldCommune, status: 'merged', mergedIntoId: survivor, userCount: 0 },
      survivor: { id: survivor, status: 'active', userCount: 2 },
      movedUsers: 1,
      movedGrants: 2,
      movedChildren: 1,
      movedRecords: { testRecords: 2 },
    });
    expect(seen).toContainEqual({ mergedId: oldCommune, survivorId: survivor });

    const officerRow = await t.db.selectFrom('users').select('unit_id').where('id', '=', officer.id).executeTakeFirstOrThrow();
    expect(Number(officerRow.unit_id)).toBe(survivor);
    const grants = await t.db.selectFrom('role_grants').select(['user_id', 'role', 'unit_id']).where('user_id', 'in', [officer.id, both.id]).execute();
    expect(grants.map((g) => [Number(g.user_id), g.role, Number(g.unit_id)]).sort()).toEqual(
      [[officer.id, 'one_stop_officer', survivor], [both.id, 'specialist', survivor]].sort(),
    );
    const wardRow = await t.db.selectFrom('units').select('parent_id').where('id', '=', ward).executeTakeFirstOrThrow();
    expect(Number(wardRow.parent_id)).toBe(survivor);
    const history = await t.db.selectFrom('units').selectAll().where('id', '=', oldCommune).executeTakeFirstOrThrow();
    expect(history).toMatchObject({ code: '000.40.01.H18', status: 'merged' });
    const [audit] = await auditRows(t, 'unit.merge', oldCommune);
    expect(audit.summary).toMatchObject({ mergedId: oldCommune, survivorId: survivor, movedUsers: 1, movedGrants: 2, movedRecords: { testRecords: 2 } });

    // Frozen: no rename, no move, no merge, no new children; its code stays reserved.
    const rename = await t.app.inject({ method: 'PATCH', url: `/api/units/${oldCommune}`, headers, payload: { name: 'Khác' } });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().code).toBe('UNIT_MERGED');
    const move = await t.app.inject({ method: 'POST', url: `/api/units/${oldCommune}/move`, headers, payload: { parentId: tree.justice } });
    expect(move.json().code).toBe('UNIT_MERGED');
    const into = await t.app.inject({ method: 'POST', url: `/api/units/${survivor}/merge`, headers, payload: { intoId: oldCommune } });
    expect(into.json().code).toBe('UNIT_MERGED');
    const under = await create({ code: '000.40.09.H18', name: 'Con', shortName: 'C', type: 'division', parentId: oldCommune });
    expect(under.json().code).toBe('UNIT_MERGED');
    const reuse = await create({ code: '000.40.01.H18', name: 'Dùng lại mã', shortName: 'DL', type: 'commune', parentId: tree.province });
    expect(reuse.json().code).toBe('UNIT_CODE_TAKEN');

    const listed = await t.app.inject({ method: 'GET', url: '/api/units', headers });
    expect(listed.json().items.map((u: { id: number }) => u.id)).not.toContain(oldCommune);
    const withMerged = await t.app.inject({ method: 'GET', url: '/api/units?includeMerged=true', headers });
    expect(withMerged.json().items.map((u: { id: number }) => u.id)).toContain(oldCommune);
  });

  it('refuses to merge a unit into itself or into its own descendant, and validates the body', async () => {
    const parent = await insertUnit(t.db, { code: '000.50.01.H18', name: 'Ban Quản lý', shortName: 'BQL', type: 'agency', parentId: tree.province });
    const child = await insertUnit(t.db, { code: '000.50.02.H18', name: 'Phòng thuộc Ban', shortName: 'P', type: 'division', parentId: parent });
    const self = await t.app.inject({ method: 'POST', url: `/api/units/${parent}/merge`, headers, payload: { intoId: parent } });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('UNIT_MERGE_INTO_SELF');
    const down = await t.app.inject({ method: 'POST', url: `/api/units/${parent}/merge`, headers, payload: { intoId: child, moveChildren: true } });
    expect(down.statusCode).toBe(409);
    expect(down.json().code).toBe('UNIT_CYCLE');
    const bad = await t.app.inject({ method: 'POST', url: `/api/units/${parent}/merge`, headers, payload: { intoId: 'x', moveChildren: 'yes' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/intoId', '/moveChildren']));
    const state = await t.db.selectFrom('units').select('status').where('id', '=', parent).executeTakeFirstOrThrow();
    expect(state.status).toBe('active');
  });
});
