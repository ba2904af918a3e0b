import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertUser, tokenFor } from '../../../test/support/fixtures.js';
import { expectProblem } from '../../../test/support/one-stop.js';
import { setUpStatisticsWorld, type StatisticsWorld } from '../../../test/support/statistics.js';

const Q1 = 'from=2026-01-01&to=2026-03-31';

describe.each(DIALECTS)('who may see the dashboards on %s', (dialect) => {
  let t: TestApp;
  let w: StatisticsWorld;
  let tokens: Record<'communeOfficer' | 'justiceLeader' | 'divisionHead' | 'specialist', string>;
  const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpStatisticsWorld(t.db);
    tokens = {
      // tonghop.dbp in the demo: the commune's reporting officer, a grant on the commune alone.
      communeOfficer: await tokenFor(t.app, await insertUser(t.db, { unitId: w.commune, roles: [{ role: 'reporting_officer', unitId: w.commune }] })),
      justiceLeader: await tokenFor(t.app, await insertUser(t.db, { unitId: w.justice, roles: [{ role: 'agency_leader', unitId: w.justice, includeSubtree: true }] })),
      divisionHead: await tokenFor(t.app, await insertUser(t.db, { unitId: w.division, roles: [{ role: 'division_head', unitId: w.division }] })),
      specialist: await tokenFor(t.app, await insertUser(t.db, { unitId: w.justice, roles: [{ role: 'specialist', unitId: w.justice, includeSubtree: true }] })),
    };
  }, 60_000);
  afterAll(async () => t?.close());

  it("opens on the caller's highest unit in scope", async () => {
    const commune = (await get(tokens.communeOfficer, `/api/statistics/dashboard?${Q1}`)).json();
    expect(commune.unit.id).toBe(w.commune);
    expect(commune.totals).toMatchObject({ received: 6, pending: 2, overdue: 1 });
    expect(commune.byUnit).toEqual([expect.objectContaining({ unit: expect.objectContaining({ id: w.commune }), own: true, received: 6 })]);
    const justice = (await get(tokens.justiceLeader, `/api/statistics/dashboard?${Q1}`)).json();
    expect(justice.unit.id).toBe(w.justice);
    expect(justice.totals.received).toBe(14);
    const division = (await get(tokens.divisionHead, `/api/statistics/dashboard?${Q1}`)).json();
    expect(division.unit.id).toBe(w.division);
    expect(division.totals).toMatchObject({ received: 4, pending: 1, overdue: 1 });
  });

  it('answers 404 for a unit outside the scope, or one that does not exist', async () => {
    for (const url of [`/api/statistics/dashboard?unit=${w.justice}`, `/api/statistics/overdue?unit=${w.justice}`, `/api/statistics/dashboard.xlsx?unit=${w.justice}`]) {
      expectProblem(await get(tokens.communeOfficer, url), 404, 'NOT_FOUND');
    }
    expectProblem(await get(tokens.justiceLeader, `/api/statistics/dashboard?unit=${w.province}`), 404, 'NOT_FOUND');
    expectProblem(await get(tokens.justiceLeader, '/api/statistics/dashboard?unit=999999'), 404, 'NOT_FOUND');
    expect((await get(tokens.justiceLeader, `/api/statistics/dashboard?unit=${w.division}&${Q1}`)).json().totals.received).toBe(4);
  });

  it("keeps the overdue list to the caller's subtree", async () => {
    const list = (await get(tokens.justiceLeader, '/api/statistics/overdue')).json();
    expect(list.items.map((i: { code: string }) => i.code)).toEqual([w.overdueCodes[0], w.overdueCodes[2]]);
    expect((await get(tokens.communeOfficer, '/api/statistics/overdue')).json().items.map((i: { code: string }) => i.code)).toEqual([w.overdueCodes[1]]);
  });

  it('refuses officials without report.view and anonymous callers', async () => {
    for (const url of ['/api/statistics/dashboard', '/api/statistics/overdue', '/api/statistics/dashboard.xlsx']) {
      expectProblem(await get(tokens.specialist, url), 403, 'FORBIDDEN');
      expectProblem(await t.app.inject({ method: 'GET', url }), 401, 'UNAUTHENTICATED');
    }
  });
});
