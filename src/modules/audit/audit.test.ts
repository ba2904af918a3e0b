import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUser, sessionTokenFor } from '../../../test/support/fixtures.js';
import { recordAudit } from '../../platform/audit/audit.js';

const context = { actorId: null, actorUsername: 'system', ip: null, requestId: 'test' };

describe.each(DIALECTS)('audit API on %s', (dialect) => {
  let t: TestApp;
  let token: string;
  let units: Awaited<ReturnType<typeof insertProvinceTree>>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    units = await insertProvinceTree(t.db);
    const admin = await insertUser(t.db, { withTotp: true, unitId: units.province, roles: [{ role: 'admin', unitId: units.province, includeSubtree: true }] });
    token = await sessionTokenFor(t.db, admin);
    await t.db.transaction().execute(async (tx) => {
      await recordAudit(tx, context, { action: 'unit.update', entityType: 'unit', entityId: units.justice, unitId: units.justice, summary: { after: { name: 'Sở Tư pháp' } } });
      await recordAudit(tx, context, { action: 'unit.update', entityType: 'unit', entityId: units.finance, unitId: units.finance });
      await recordAudit(tx, { ...context, actorId: admin.id, actorUsername: admin.username }, { action: 'user.read', entityType: 'user', entityId: 42 });
    });
  });
  afterAll(async () => t?.close());

  it('lists entries newest first with their parsed summary, and the read itself is audited', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/audit', headers: bearer(token) });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(3);
    expect(body.items.map((i: { action: string }) => i.action)).toEqual(['user.read', 'unit.update', 'unit.update']);
    expect(body.items[2]).toMatchObject({ seq: 1, entityType: 'unit', entityId: String(units.justice), summary: { after: { name: 'Sở Tư pháp' } } });
    expect(body.items[2].hash).toMatch(/^[0-9a-f]{64}$/);
    const logged = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.list').execute();
    expect(logged.length).toBeGreaterThanOrEqual(1);
  });

  it('filters by action, entity, actor and time, and pages', async () => {
    const byEntity = await t.app.inject({ method: 'GET', url: `/api/audit?entityType=unit&entityId=${units.finance}`, headers: bearer(token) });
    expect(byEntity.json().items.map((i: { seq: number }) => i.seq)).toEqual([2]);
    const byAction = await t.app.inject({ method: 'GET', url: '/api/audit?action=unit.update&pageSize=1&page=2', headers: bearer(token) });
    expect(byAction.json()).toMatchObject({ total: 2, items: [{ seq: 1 }] });
    const first = await t.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'user.read').executeTakeFirstOrThrow();
    const byActor = await t.app.inject({ method: 'GET', url: `/api/audit?actorId=${first.actor_id}&action=user.read`, headers: bearer(token) });
    expect(byActor.json().total).toBe(1);
    const future = await t.app.inject({ method: 'GET', url: '/api/audit?from=2999-01-01T00:00:00Z', headers: bearer(token) });
    expect(future.json()).toEqual({ items: [], total: 0 });
    const past = await t.app.inject({ method: 'GET', url: '/api/audit?to=2000-01-01T00:00:00%2B07:00', headers: bearer(token) });
    expect(past.json().total).toBe(0);
  });

  it('refuses bad query parameters with a problem naming the field', async () => {
    const cases: [string, string][] = [
      ['/api/audit?page=0', '/query/page'],
      ['/api/audit?pageSize=500', '/query/pageSize'],
      ['/api/audit?actorId=abc', '/query/actorId'],
      ['/api/audit?from=hôm-qua', '/query/from'],
      ['/api/audit?unknown=1', '/query/unknown'],
      ['/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', '/query/to'],
    ];
    for (const [url, path] of cases) {
      const response = await t.app.inject({ method: 'GET', url, headers: bearer(token) });
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(response.json().errors.map((e: { path: string }) => e.path), url).toContain(path);
    }
  });

  it('verifies the chain for a province-wide administrator', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: bearer(token) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, entries: expect.any(Number) });
    const count = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(response.json().entries).toBe(Number(count.n));
  });
});
