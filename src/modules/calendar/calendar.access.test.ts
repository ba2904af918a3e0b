import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUser, tokenFor } from '../../../test/support/fixtures.js';

describe.each(DIALECTS)('working calendar access on %s', (dialect) => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof insertProvinceTree>>;
  let officer: Record<string, string>;
  let unitAdmin: Record<string, string>;
  let citizen: Record<string, string>;
  const hours = { officeHours: [{ start: '08:00', end: '12:00' }], workingWeekdays: [1, 2, 3, 4, 5] };
  const entries = [{ date: '2026-01-01', kind: 'holiday', name: 'Tết Dương lịch' }];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await insertProvinceTree(t.db);
    officer = bearer(await tokenFor(t.app, await insertUser(t.db, { unitId: tree.justice, roles: [{ role: 'one_stop_officer', unitId: tree.justice }] })));
    const justiceAdmin = await insertUser(t.db, { unitId: tree.justice, withTotp: true, roles: [{ role: 'admin', unitId: tree.justice, includeSubtree: true }] });
    unitAdmin = bearer(await tokenFor(t.app, justiceAdmin));
    citizen = bearer(await tokenFor(t.app, await insertUser(t.db, { kind: 'citizen', roles: [{ role: 'citizen', unitId: null }] })));
  });
  afterAll(async () => t?.close());

  const expectProblem = (response: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, code: string) => {
    expect(response.statusCode).toBe(status);
    expect(String(response.headers['content-type'])).toContain('application/problem+json');
    expect(response.json().code).toBe(code);
  };

  it('asks for sign-in on every non-public route', async () => {
    for (const [method, url] of [
      ['GET', '/api/calendar/2026'],
      ['PUT', '/api/calendar/2026'],
      ['GET', `/api/units/${tree.justice}/office-hours`],
      ['GET', `/api/calendar/deadline?unitId=${tree.justice}&from=2026-03-02T02:00:00Z&workingDays=1`],
    ] as const) {
      expectProblem(await t.app.inject({ method, url, payload: method === 'PUT' ? { entries } : undefined }), 401, 'UNAUTHENTICATED');
    }
  });

  it('refuses province-wide edits to anyone but a province administrator', async () => {
    expectProblem(await t.app.inject({ method: 'PUT', url: '/api/calendar/2026', headers: officer, payload: { entries } }), 403, 'FORBIDDEN');
    expectProblem(await t.app.inject({ method: 'PUT', url: '/api/calendar/2026', headers: unitAdmin, payload: { entries } }), 403, 'FORBIDDEN');
    const stored = await t.db.selectFrom('calendar_entries').select('date').where('date', 'like', '2026-%').execute();
    expect(stored.length).toBeGreaterThan(1);
  });

  it('keeps the calendar and deadlines from citizens, who read the public list instead', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/calendar/2026', headers: citizen }), 403, 'FORBIDDEN');
    expectProblem(
      await t.app.inject({ method: 'GET', url: `/api/calendar/deadline?unitId=${tree.justice}&from=2026-03-02T02:00:00Z&workingDays=1`, headers: citizen }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/units/${tree.justice}/office-hours`, headers: citizen }), 403, 'FORBIDDEN');
    expectProblem(await t.app.inject({ method: 'PUT', url: `/api/units/${tree.justice}/office-hours`, headers: citizen, payload: hours }), 404, 'NOT_FOUND');
  });

  it('lets a unit administrator set office hours inside their subtree only', async () => {
    const own = await t.app.inject({ method: 'PUT', url: `/api/units/${tree.justice}/office-hours`, headers: unitAdmin, payload: hours });
    expect(own.statusCode).toBe(200);
    expect(own.json().source).toBe('own');
    expectProblem(await t.app.inject({ method: 'PUT', url: `/api/units/${tree.finance}/office-hours`, headers: unitAdmin, payload: hours }), 403, 'FORBIDDEN');
    expectProblem(await t.app.inject({ method: 'PUT', url: `/api/units/${tree.province}/office-hours`, headers: unitAdmin, payload: hours }), 403, 'FORBIDDEN');
    expectProblem(await t.app.inject({ method: 'DELETE', url: `/api/units/${tree.justice}/office-hours`, headers: officer }), 403, 'FORBIDDEN');
    const rows = await t.db.selectFrom('unit_office_hours').select('unit_id').execute();
    expect(rows.map((r) => Number(r.unit_id))).toEqual([tree.justice]);
  });
});
