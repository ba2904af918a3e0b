import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUser, sessionTokenFor } from '../../../test/support/fixtures.js';
import { recordAudit } from '../../platform/audit/audit.js';

const context = { actorId: null, actorUsername: 'system', ip: null, requestId: 'test' };

describe.each(DIALECTS)('who may read the audit trail on %s', (dialect) => {
  let t: TestApp;
  let units: Awaited<ReturnType<typeof insertProvinceTree>>;
  let justiceAdmin: string;
  let specialist: string;
  let citizen: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    units = await insertProvinceTree(t.db);
    justiceAdmin = await sessionTokenFor(
      t.db,
      await insertUser(t.db, { withTotp: true, unitId: units.justice, roles: [{ role: 'admin', unitId: units.justice, includeSubtree: true }] }),
    );
    specialist = await sessionTokenFor(t.db, await insertUser(t.db, { unitId: units.justice, roles: [{ role: 'specialist', unitId: units.justice }] }));
    citizen = await sessionTokenFor(t.db, await insertUser(t.db, { kind: 'citizen', roles: [{ role: 'citizen', unitId: null }] }));
    await t.db.transaction().execute(async (tx) => {
      await recordAudit(tx, context, { action: 'unit.update', entityType: 'unit', entityId: units.justice, unitId: units.justice });
      await recordAudit(tx, context, { action: 'unit.update', entityType: 'unit', entityId: units.finance, unitId: units.finance });
      await recordAudit(tx, context, { action: 'settings.update', entityType: 'settings' });
    });
  });
  afterAll(async () => t?.close());

  it('shows a unit administrator only the entries of their units', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/audit?action=unit.update', headers: bearer(justiceAdmin) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ total: 1, items: [{ unitId: units.justice, entityId: String(units.justice) }] });
    const everything = await t.app.inject({ method: 'GET', url: '/api/audit?pageSize=200', headers: bearer(justiceAdmin) });
    const unitIds = new Set(everything.json().items.map((i: { unitId: number | null }) => i.unitId));
    expect([...unitIds].every((id) => id === units.justice)).toBe(true);
  });

  it('keeps the chain verification for province-wide administrators', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: bearer(justiceAdmin) });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
  });

  it('answers 403 to officials and citizens without audit.read, 401 to anonymous callers', async () => {
    for (const token of [specialist, citizen]) {
      for (const url of ['/api/audit', '/api/audit/verify']) {
        const response = await t.app.inject({ method: 'GET', url, headers: bearer(token) });
        expect(response.statusCode, url).toBe(403);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().code).toBe('FORBIDDEN');
      }
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/audit' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');
  });
});
