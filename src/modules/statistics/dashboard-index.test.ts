import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertUser, tokenFor } from '../../../test/support/fixtures.js';
import { setUpIndexWorld, type IndexWorld } from '../../../test/support/service-index.js';
import { computeServiceIndex } from '../service-index/compute-service-index.js';

/**
 * The dashboard over counters the service index keeps itself: the nine dossiers of the index fixture, each with its
 * facts refreshed as a dossier event refreshes them (received in March 2026; one finished in April).
 */
describe.each(DIALECTS)('dashboard over the service index counters on %s', (dialect) => {
  let t: TestApp;
  let w: IndexWorld;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpIndexWorld(t.db);
    token = await tokenFor(t.app, await insertUser(t.db, { roles: [{ role: 'agency_leader', unitId: w.units.province, includeSubtree: true }] }));
  }, 60_000);
  afterAll(async () => t?.close());

  it('counts received, finished, timeliness, channels, payments and ratings as the index does', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/statistics/dashboard?from=2026-03-01&to=2026-04-30', headers: bearer(token) });
    expect(response.statusCode).toBe(200);
    const d = response.json();
    expect(d.totals).toEqual({
      received: 8, finished: 7, pending: 1, overdue: 1, onTime: 4, late: 3,
      onTimeRate: 4 / 7, onlineShare: 5 / 8, paidOnlineShare: 1 / 3, satisfaction: 1 - 4 / 7,
    });
    expect(d.trend).toEqual([
      { month: '2026-03', received: 8, finished: 6, onTime: 3, late: 3, onTimeRate: 0.5 },
      { month: '2026-04', received: 0, finished: 1, onTime: 1, late: 0, onTimeRate: 1 },
    ]);
    expect(d.channels).toEqual({ online: 5, counter: 2, postal: 1 });
    expect(d.payments).toEqual({ feeRequired: 3, paid: 3, paidOnline: 1, paidOnlineShare: 1 / 3 });
    expect(d.satisfaction).toEqual({ rated: 2, negative: 1, index: 1 - 4 / 7 });
    expect(d.byUnit.map((r: { unit: { id: number }; received: number; finished: number; pending: number; onTime: number; late: number }) => [r.unit.id, r.received, r.finished, r.pending, r.onTime, r.late])).toEqual([
      [w.units.justice, 6, 5, 1, 3, 2],
      [w.units.finance, 0, 0, 0, 0, 0],
      [w.units.commune, 2, 2, 0, 1, 1],
    ]);

    // The same rates as the index's indicators 2.1 and 5.4 for the same unit and period.
    const index = await computeServiceIndex(t.db, { unitIds: [w.units.province], from: '2026-03-01', to: '2026-04-30', lang: 'vi' });
    const indicator = (code: string) => index.results[0].groups.flatMap((g) => g.indicators).find((i) => i.code === code)!;
    expect(indicator('2.1').value).toBeCloseTo(d.totals.onTimeRate, 4);
    expect(indicator('5.4').value).toBeCloseTo(d.satisfaction.index, 4);
  });
});
