import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { expectProblem } from '../../../test/support/one-stop.js';
import { setUpStatisticsWorld, type StatisticsWorld } from '../../../test/support/statistics.js';
import { computeServiceIndex } from '../service-index/compute-service-index.js';

describe.each(DIALECTS)('public statistics on %s', (dialect) => {
  let t: TestApp;
  let w: StatisticsWorld;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpStatisticsWorld(t.db);
  }, 60_000);
  afterAll(async () => t?.close());

  it("gives the province's months and each department's and commune's figures and index score without login", async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/statistics?from=2026-01-01&to=2026-03-31' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const s = response.json();
    const index = await computeServiceIndex(t.db, { unitIds: [w.province, w.justice, w.finance, w.commune], from: '2026-01-01', to: '2026-03-31', lang: 'vi' });
    const score = (id: number) => index.results.find((r) => r.unit.id === id)!.score;
    expect(score(w.province)).toEqual(expect.any(Number));
    expect(s).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      province: { received: 20, finished: 16, onTimeRate: 11 / 16, onlineShare: 0.5, score: score(w.province) },
      months: [
        { month: '2026-01', received: 10, finished: 8, onTimeRate: 0.75, onlineShare: 0.6 },
        { month: '2026-02', received: 10, finished: 8, onTimeRate: 5 / 8, onlineShare: 0.4 },
        { month: '2026-03', received: 0, finished: 0, onTimeRate: null, onlineShare: null },
      ],
      units: [
        { unit: { id: w.justice, code: '000.00.05.H18', name: 'Sở Tư pháp' }, received: 14, finished: 10, onTimeRate: 0.8, score: score(w.justice) },
        { unit: { id: w.finance, code: '000.00.07.H18', name: 'Sở Tài chính' }, received: 0, finished: 0, onTimeRate: null, score: score(w.finance) },
        { unit: { id: w.commune, code: '000.01.50.H18', name: 'Phường Điện Biên Phủ' }, received: 6, finished: 6, onTimeRate: 0.5, score: score(w.commune) },
      ],
    });
    expect(response.body).not.toContain('Lò Văn Thống');
  });

  it('covers the current year by default', async () => {
    const year = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4);
    const s = (await t.app.inject({ method: 'GET', url: '/api/public/statistics' })).json();
    expect([s.from, s.to]).toEqual([`${year}-01-01`, `${year}-12-31`]);
    expect(s.months).toHaveLength(12);
  });

  it('refuses a bad period with the field that is wrong', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/statistics?from=2026-13-01', headers: { 'accept-language': 'en' } });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(bad.json().errors).toEqual([{ path: '/query/from', message: 'Not a valid date (yyyy-MM-dd).' }]);
    const reversed = await t.app.inject({ method: 'GET', url: '/api/public/statistics?from=2026-03-01&to=2026-01-31' });
    expectProblem(reversed, 400, 'VALIDATION_FAILED');
    expect(reversed.json().errors.map((e: { path: string }) => e.path)).toEqual(['/query/to']);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/public/statistics?unit=1' }), 400, 'VALIDATION_FAILED');
  });
});
