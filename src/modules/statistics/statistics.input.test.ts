import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUser, tokenFor } from '../../../test/support/fixtures.js';
import { expectProblem } from '../../../test/support/one-stop.js';

describe.each(DIALECTS)('statistics input on %s', (dialect) => {
  let t: TestApp;
  let token: string;
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { ...bearer(token), 'accept-language': 'vi' } });
  const paths = (response: { json(): any }) => response.json().errors.map((e: { path: string }) => e.path);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const tree = await insertProvinceTree(t.db);
    token = await tokenFor(t.app, await insertUser(t.db, { roles: [{ role: 'reporting_officer', unitId: tree.province, includeSubtree: true }] }));
  }, 60_000);
  afterAll(async () => t?.close());

  it('refuses dates that do not exist, in the wrong form or in the wrong order', async () => {
    for (const base of ['/api/statistics/dashboard', '/api/statistics/dashboard.xlsx']) {
      const bad = await get(`${base}?from=2026-02-30&to=31/03/2026`);
      expectProblem(bad, 400, 'VALIDATION_FAILED');
      expect(paths(bad)).toEqual(['/query/from', '/query/to']);
      expect(bad.json().errors[0].message).toBe('Ngày không hợp lệ (yyyy-MM-dd).');
      const reversed = await get(`${base}?from=2026-03-01&to=2026-02-28`);
      expectProblem(reversed, 400, 'VALIDATION_FAILED');
      expect(paths(reversed)).toEqual(['/query/to']);
    }
  });

  it('bounds the period to 36 months', async () => {
    expect((await get('/api/statistics/dashboard?from=2024-01-31&to=2026-12-01')).statusCode).toBe(200);
    const long = await get('/api/statistics/dashboard?from=2023-12-31&to=2026-12-01');
    expectProblem(long, 400, 'VALIDATION_FAILED');
    expect(long.json().errors).toEqual([{ path: '/query/to', message: 'Mỗi lần xem tối đa 36 tháng.' }]);
  });

  it('refuses a unit, page, page size or chart of the wrong kind and unknown parameters', async () => {
    const cases: [string, string][] = [
      ['/api/statistics/dashboard?unit=abc', '/query/unit'],
      ['/api/statistics/dashboard?unit=0', '/query/unit'],
      ['/api/statistics/overdue?page=0', '/query/page'],
      ['/api/statistics/overdue?pageSize=201', '/query/pageSize'],
      ['/api/statistics/dashboard.xlsx?chart=pie', '/query/chart'],
    ];
    for (const [url, path] of cases) {
      const response = await get(url);
      expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(paths(response)).toContain(path);
    }
    expectProblem(await get('/api/statistics/dashboard?nope=1'), 400, 'VALIDATION_FAILED');
  });
});
