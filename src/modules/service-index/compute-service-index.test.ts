import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { setUpIndexWorld, type IndexWorld } from '../../../test/support/service-index.js';
import { computeServiceIndex, type UnitIndexResult } from './compute-service-index.js';
import { rebuildServiceIndex } from './index-facts.js';

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

function indicator(result: UnitIndexResult, code: string) {
  return result.groups.flatMap((g) => g.indicators).find((i) => i.code === code)!;
}

async function monthlyRows(t: TestApp) {
  const rows = await t.db.selectFrom('service_index_monthly').selectAll().orderBy('unit_id').orderBy('procedure_code').orderBy('month').execute();
  // Rows an incremental change brought back to zero are no different from rows a rebuild never writes.
  return rows
    .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === 'procedure_code' || k === 'month' ? v : Number(v)])))
    .filter((row) => Object.entries(row).some(([k, v]) => !['unit_id', 'procedure_code', 'month'].includes(k) && v !== 0));
}

describe.each(DIALECTS)('service index computation on %s', (dialect) => {
  let t: TestApp;
  let world: IndexWorld;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    world = await setUpIndexWorld(t.db);
  }, 60_000);
  afterAll(async () => t?.close());

  it('gives the exact indicator values and scores of the fixture for the province in March 2026', async () => {
    const { configVersion, results } = await computeServiceIndex(t.db, { unitIds: [world.units.province], ...MARCH, lang: 'vi' });
    expect(configVersion).toBe(0);
    const [province] = results;
    expect(province.unit).toMatchObject({ id: world.units.province, code: '000.00.00.H18' });
    const pick = (code: string) => {
      const i = indicator(province, code);
      return [i.numerator, i.denominator, i.value, i.score];
    };
    expect(pick('1.1')).toEqual([1, 2, 0.5, 5]); // the commune procedure has no legal basis published
    expect(pick('1.2')).toEqual([2, 2, 1, 8]);
    // On time: onTime, early, onlineNoResult; late: past due, two supplement requests, stopped past due.
    expect(pick('2.1')).toEqual([3, 6, 0.5, 10]);
    expect(pick('3.1')).toEqual([1, 2, 0.5, 3.75]);
    // Eight received (refused at intake is not); online counted: onTime, latePastDue, lateSupplements (with e-results).
    expect(pick('3.3')).toEqual([3, 8, 0.375, 4.5]);
    expect(pick('4.1')).toEqual([1, 1, 1, 5]);
    expect(pick('4.2')).toEqual([1, 3, 0.3333, 3.33]);
    // 100 % − 3/6 late − 1/6 rated 2 of 5.
    expect(pick('5.4')).toEqual([2, 6, 0.3333, 6.67]);
    expect(pick('6.1')).toEqual([4, 5, 0.8, 4.8]);
    expect(pick('6.2')).toEqual([5, 6, 0.8333, 4]);
    expect(pick('6.3')).toEqual([1, 3, 0.3333, 1.67]);
    expect(pick('6.4')).toEqual([1, 6, 0.1667, 1.33]);
    expect(pick('6.5')).toEqual([1, 5, 0.2, 1]);
    expect(province.groups.map((g) => [g.code, g.weight, g.score])).toEqual([
      ['1', 18, 13], ['2', 20, 10], ['3', 12, 8.25], ['4', 10, 8.33], ['5', 18, 6.67], ['6', 22, 12.8],
    ]);
    expect(province.score).toBe(59.05);
    expect(province.groups[1]).toMatchObject({ name: 'Tiến độ giải quyết' });
  });

  it('sums each unit over its own subtree, leaves out indicators without data and speaks English on request', async () => {
    const { results } = await computeServiceIndex(t.db, { unitIds: [world.units.justice, world.units.commune, world.units.finance], ...MARCH, lang: 'en' });
    const [justice, commune, finance] = results;
    expect(indicator(justice, '2.1')).toMatchObject({ numerator: 3, denominator: 5, value: 0.6, score: 12, name: 'Dossiers resolved on time' });
    expect(indicator(commune, '2.1')).toMatchObject({ numerator: 0, denominator: 1, value: 0, score: 0 });
    // The commune issues paper results only and takes no fee: no data, its points leave the group.
    expect(indicator(commune, '6.1')).toMatchObject({ denominator: 0, value: null, score: null, noData: true });
    expect(commune.groups.find((g) => g.code === '4')).toMatchObject({ score: null });
    // Nothing at all for the finance department: no score rather than zero.
    expect(finance.score).toBeNull();
    expect(finance.groups.every((g) => g.score === null)).toBe(true);
  });

  it('counts a dossier finished in April in April, and filters by procedure', async () => {
    const april = await computeServiceIndex(t.db, { unitIds: [world.units.commune], from: '2026-04-01', to: '2026-04-30', lang: 'vi' });
    expect(indicator(april.results[0], '2.1')).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    expect(indicator(april.results[0], '3.3')).toMatchObject({ denominator: 0, noData: true });
    const byProcedure = await computeServiceIndex(t.db, { unitIds: [world.units.province], ...MARCH, procedureCode: '9.000002', lang: 'vi' });
    expect(indicator(byProcedure.results[0], '2.1')).toMatchObject({ numerator: 0, denominator: 1 });
    expect(indicator(byProcedure.results[0], '1.1')).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('keeps the incremental counters equal to a rebuild from scratch', async () => {
    const incremental = await monthlyRows(t);
    const facts = await t.db.selectFrom('dossier_index_facts').selectAll().orderBy('dossier_id').execute();
    const result = await rebuildServiceIndex(t.db, { batchSize: 4 });
    expect(result.dossiers).toBe(9);
    expect(await monthlyRows(t)).toEqual(incremental);
    const rebuilt = await t.db.selectFrom('dossier_index_facts').selectAll().orderBy('dossier_id').execute();
    const strip = (rows: typeof facts) => rows.map(({ updated_at: _u, ...rest }) => rest);
    expect(strip(rebuilt)).toEqual(strip(facts));
  });

  it('records why each late dossier is late', async () => {
    const facts = await t.db.selectFrom('dossier_index_facts').select(['dossier_id', 'timeliness', 'late_reason', 'online_counted']).execute();
    const byId = new Map(facts.map((f) => [Number(f.dossier_id), f]));
    expect(byId.get(world.ids.latePastDue)).toMatchObject({ timeliness: 'late', late_reason: 'past_due' });
    expect(byId.get(world.ids.lateSupplements)).toMatchObject({ timeliness: 'late', late_reason: 'supplements' });
    expect(byId.get(world.ids.onlineNoResult)).toMatchObject({ timeliness: 'onTime', late_reason: null, online_counted: 0 });
    expect(byId.get(world.ids.refusedIntake)).toMatchObject({ timeliness: null });
  });
});
