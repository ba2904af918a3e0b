import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertUser, sessionTokenFor } from '../../../test/support/fixtures.js';
import { expectProblem } from '../../../test/support/one-stop.js';
import { setUpIndexWorld, type IndexWorld } from '../../../test/support/service-index.js';
import { DEFAULT_SERVICE_INDEX_CONFIG } from './service-index.config.js';

const MARCH = 'from=2026-03-01&to=2026-03-31';

describe.each(DIALECTS)('service index API on %s', (dialect) => {
  let t: TestApp;
  let world: IndexWorld;
  let officer: string;
  let communeOfficer: string;
  let leaderOfJustice: string;
  let citizen: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    world = await setUpIndexWorld(t.db);
    const token = async (options: Parameters<typeof insertUser>[1]) => sessionTokenFor(t.db, await insertUser(t.db, options));
    officer = await token({ unitId: world.units.province, roles: [{ role: 'reporting_officer', unitId: world.units.province, includeSubtree: true }] });
    communeOfficer = await token({ unitId: world.units.commune, roles: [{ role: 'reporting_officer', unitId: world.units.commune }] });
    leaderOfJustice = await token({ unitId: world.units.justice, roles: [{ role: 'agency_leader', unitId: world.units.justice, includeSubtree: true }] });
    citizen = await token({ kind: 'citizen', roles: [{ role: 'citizen', unitId: null }] });
  }, 60_000);
  afterAll(async () => t?.close());

  const get = (url: string, token?: string, lang = 'vi') => t.app.inject({ method: 'GET', url, headers: { 'accept-language': lang, ...(token ? bearer(token) : {}) } });

  it('publishes the scores of a unit and its direct children without signing in', async () => {
    const response = await get(`/api/service-index?unit=${world.units.province}&${MARCH}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ unit: { id: world.units.province, code: '000.00.00.H18' }, from: '2026-03-01', to: '2026-03-31', configVersion: 0, score: 59.05 });
    expect(body.groups.map((g: any) => g.score)).toEqual([13, 10, 8.25, 8.33, 6.67, 12.8]);
    const children = Object.fromEntries(body.children.map((c: any) => [c.unit.id, c.score]));
    expect(Object.keys(children).map(Number).sort()).toEqual([world.units.justice, world.units.finance, world.units.commune].sort());
    expect(children[world.units.finance]).toBeNull();
    expect(JSON.stringify(body)).not.toContain('Người nộp');
    // Without a unit, the province root.
    const byDefault = await get(`/api/service-index?${MARCH}`);
    expect(byDefault.json().unit.id).toBe(world.units.province);
  });

  it('lists exactly the dossiers behind 2.1 with the reason each counted', async () => {
    const response = await get(`/api/service-index?unit=${world.units.province}&${MARCH}&explain=2.1`, officer);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ indicator: { code: '2.1', name: 'Tỷ lệ hồ sơ giải quyết đúng hạn' }, total: 6, page: 1, pageSize: 50 });
    expect(body.items.map((i: any) => [i.dossierCode, i.counted, i.reason])).toEqual([
      [world.codes.onTime, true, 'Đúng hạn'],
      [world.codes.early, true, 'Trước hạn'],
      [world.codes.latePastDue, false, 'Trễ hạn: quá ngày hẹn trả kết quả'],
      [world.codes.lateSupplements, false, 'Trễ hạn: 2 lần yêu cầu bổ sung'],
      [world.codes.onlineNoResult, true, 'Đúng hạn'],
      [world.codes.communeStopped, false, 'Trễ hạn: quá ngày hẹn trả kết quả'],
    ]);
    expect(body.items[0]).toMatchObject({ procedureCode: '9.000001', unit: { id: world.units.justice, name: 'Sở Tư pháp' }, receivedAt: '2026-03-02T02:00:00.000Z', dueAt: '2026-03-16T10:00:00.000Z', finishedAt: '2026-03-16T03:00:00.000Z' });
    expect(Object.keys(body.items[0]).sort()).toEqual(['counted', 'dossierCode', 'dueAt', 'finishedAt', 'procedureCode', 'procedureName', 'reason', 'receivedAt', 'unit']);
  });

  it('explains 3.3 (online only with an electronic result), 5.4 and 4.1 in English, paginated', async () => {
    const online = (await get(`/api/service-index?unit=${world.units.province}&${MARCH}&explain=3.3`, officer, 'en')).json();
    expect(online.total).toBe(8);
    expect(online.items.map((i: any) => [i.dossierCode, i.counted, i.reason])).toEqual([
      [world.codes.onTime, true, 'Filed online'],
      [world.codes.early, false, 'Not counted online: filed at the counter'],
      [world.codes.latePastDue, true, 'Filed online'],
      [world.codes.lateSupplements, true, 'Filed online'],
      [world.codes.onlineNoResult, false, 'Not counted online: no electronic result'],
      [world.codes.inProcess, false, 'Not counted online: no electronic result'],
      [world.codes.communeApril, false, 'Not counted online: filed at the counter'],
      [world.codes.communeStopped, false, 'Not counted online: filed by post'],
    ]);
    const page = (await get(`/api/service-index?unit=${world.units.province}&${MARCH}&explain=3.3&page=2&pageSize=3`, officer)).json();
    expect(page).toMatchObject({ total: 8, page: 2, pageSize: 3 });
    expect(page.items.map((i: any) => i.dossierCode)).toEqual([world.codes.lateSupplements, world.codes.onlineNoResult, world.codes.inProcess]);
    const satisfaction = (await get(`/api/service-index?unit=${world.units.justice}&${MARCH}&explain=5.4`, officer)).json();
    expect(satisfaction.items.map((i: any) => [i.dossierCode, i.counted, i.reason])).toEqual([
      [world.codes.onTime, true, 'Đúng hạn, không có đánh giá không hài lòng'],
      [world.codes.early, true, 'Đúng hạn, không có đánh giá không hài lòng'],
      [world.codes.latePastDue, false, 'Trễ hạn: quá ngày hẹn trả kết quả; Đánh giá không hài lòng (2/5)'],
      [world.codes.lateSupplements, false, 'Trễ hạn: 2 lần yêu cầu bổ sung'],
      [world.codes.onlineNoResult, true, 'Đúng hạn, không có đánh giá không hài lòng'],
    ]);
    const procedures = (await get(`/api/service-index?unit=${world.units.province}&${MARCH}&explain=1.1`, officer)).json();
    expect(procedures.items.map((i: any) => [i.dossierCode, i.procedureCode, i.counted, i.reason])).toEqual([
      [null, '9.000001', true, 'Đã công khai đầy đủ'],
      [null, '9.000002', false, 'Chưa công khai đủ thời hạn, thành phần hoặc căn cứ pháp lý'],
    ]);
  });

  it('keeps the drill-down to signed-in holders of report.view on the unit', async () => {
    expectProblem(await get(`/api/service-index?unit=${world.units.province}&${MARCH}&explain=2.1`), 401, 'UNAUTHENTICATED');
    expectProblem(await get(`/api/service-index?unit=${world.units.province}&${MARCH}&explain=2.1`, citizen), 403, 'FORBIDDEN');
    expectProblem(await get(`/api/service-index?unit=${world.units.province}&${MARCH}&explain=2.1`, communeOfficer), 403, 'FORBIDDEN');
    expectProblem(await get(`/api/service-index?unit=${world.units.commune}&${MARCH}&explain=2.1`, leaderOfJustice), 403, 'FORBIDDEN');
    const own = await get(`/api/service-index?unit=${world.units.commune}&${MARCH}&explain=2.1`, communeOfficer);
    expect(own.json().items.map((i: any) => i.dossierCode)).toEqual([world.codes.communeStopped]);
    const justice = await get(`/api/service-index?unit=${world.units.justice}&${MARCH}&explain=6.5`, leaderOfJustice);
    expect(justice.json().items.map((i: any) => [i.dossierCode, i.counted, i.reason])).toEqual([
      [world.codes.onTime, true, 'Tài khoản đã định danh điện tử (VNeID)'],
      [world.codes.latePastDue, false, 'Tài khoản chưa định danh điện tử'],
      [world.codes.lateSupplements, false, 'Tài khoản chưa định danh điện tử'],
      [world.codes.onlineNoResult, false, 'Tài khoản chưa định danh điện tử'],
      [world.codes.inProcess, false, 'Tài khoản chưa định danh điện tử'],
    ]);
  });

  it('answers bad input with problem documents in Vietnamese and English', async () => {
    const unknown = expectProblem(await get(`/api/service-index?${MARCH}&explain=9.9`, officer), 400, 'INDEX_INDICATOR_UNKNOWN');
    expect(unknown.detail).toBe('Không có chỉ tiêu 9.9 trong bộ chỉ số.');
    const reversed = expectProblem(await get('/api/service-index?from=2026-04-01&to=2026-03-01', undefined, 'en'), 400, 'INDEX_PERIOD_INVALID');
    expect(reversed.detail).toBe('Invalid period: the start date 2026-04-01 is after the end date 2026-03-01.');
    const reversedVi = expectProblem(await get('/api/service-index?from=2026-04-01&to=2026-03-01'), 400, 'INDEX_PERIOD_INVALID');
    expect(reversedVi.detail).toContain('ngày bắt đầu 2026-04-01 sau ngày kết thúc 2026-03-01');
    expectProblem(await get('/api/service-index?unit=999999'), 404, 'INDEX_UNIT_NOT_FOUND');
    const badUnit = expectProblem(await get('/api/service-index?unit=abc'), 400, 'VALIDATION_FAILED');
    expect(badUnit.errors[0].path).toBe('/query/unit');
    const badDate = expectProblem(await get('/api/service-index?from=2026-02-30'), 400, 'VALIDATION_FAILED');
    expect(badDate.errors[0].path).toBe('/query/from');
    const badSize = expectProblem(await get(`/api/service-index?explain=2.1&pageSize=1000`, officer), 400, 'VALIDATION_FAILED');
    expect(badSize.errors[0].path).toBe('/query/pageSize');
    const extra = expectProblem(await get('/api/service-index?foo=1'), 400, 'VALIDATION_FAILED');
    expect(extra.errors.length).toBeGreaterThan(0);
  });

  describe('configuration', () => {
    const put = (token: string, payload: unknown) => t.app.inject({ method: 'PUT', url: '/api/service-index/config', headers: bearer(token), payload: payload as any });

    it('starts from the Decision 766 default and saves audited versions that the index then uses', async () => {
      const current = await get('/api/service-index/config', officer);
      expect(current.statusCode, current.body).toBe(200);
      expect(current.json()).toMatchObject({ version: 0, createdAt: null });
      expect(current.json().document.groups.map((g: any) => g.weight)).toEqual([18, 20, 12, 10, 18, 22]);

      // The province decides that on-time processing weighs more: group 2 doubles, group 6 shrinks.
      const document = structuredClone(DEFAULT_SERVICE_INDEX_CONFIG);
      document.groups[1].weight = 40;
      document.groups[5].weight = 2;
      const saved = await put(officer, { document, note: 'Tăng trọng số tiến độ' });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ version: 1, note: 'Tăng trọng số tiến độ' });
      const audit = await t.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'service_index.config.update').execute();
      expect(audit).toEqual([{ action: 'service_index.config.update', entity_id: '1' }]);
      const versions = (await get('/api/service-index/config/versions', leaderOfJustice)).json();
      expect(versions.items).toEqual([{ version: 1, note: 'Tăng trọng số tiến độ', createdAt: expect.any(String), createdBy: expect.any(String) }]);

      const index = (await get(`/api/service-index?unit=${world.units.province}&${MARCH}`)).json();
      expect(index.configVersion).toBe(1);
      expect(index.groups.map((g: any) => g.score)).toEqual([13, 20, 8.25, 8.33, 6.67, 1.16]);
      expect(index.score).toBe(57.41);
    });

    it('refuses formulas that do not compile or name unknown counters, and callers without the province', async () => {
      const document = structuredClone(DEFAULT_SERVICE_INDEX_CONFIG);
      document.indicators[0].numerator = 'procedures_published +* 2';
      document.indicators[1].denominator = 'no_such_counter';
      document.indicators[2].group = '9';
      const invalid = expectProblem(await put(officer, { document }), 422, 'INDEX_CONFIG_INVALID');
      expect(invalid.errors.map((e: any) => e.path)).toEqual(['/document/indicators/0/numerator', '/document/indicators/1/denominator', '/document/indicators/2/group']);
      const badShape = expectProblem(await put(officer, { document: { ...DEFAULT_SERVICE_INDEX_CONFIG, groups: [{ code: '1', name: { vi: 'x', en: 'x' }, weight: 500 }] } }), 400, 'VALIDATION_FAILED');
      expect(badShape.errors[0].path).toBe('/document/groups/0/weight');
      expectProblem(await put(communeOfficer, { document: DEFAULT_SERVICE_INDEX_CONFIG }), 403, 'FORBIDDEN');
      expectProblem(await put(leaderOfJustice, { document: DEFAULT_SERVICE_INDEX_CONFIG }), 403, 'FORBIDDEN');
      expectProblem(await get('/api/service-index/config', citizen), 403, 'FORBIDDEN');
      expectProblem(await get('/api/service-index/config'), 401, 'UNAUTHENTICATED');
      const count = await t.db.selectFrom('service_index_configs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    });

    it('drills down through formulas the database cannot run (filtrex functions) to the same dossiers', async () => {
      const sqlPath = (await get(`/api/service-index?unit=${world.units.province}&${MARCH}&explain=2.1`, officer)).json();
      const document = structuredClone(DEFAULT_SERVICE_INDEX_CONFIG);
      document.indicators.find((i) => i.code === '2.1')!.numerator = 'max(finished_early, 0) + finished_on_time';
      expect((await put(officer, { document, note: 'Công thức dùng hàm' })).statusCode).toBe(200);
      const inMemory = (await get(`/api/service-index?unit=${world.units.province}&${MARCH}&explain=2.1`, officer)).json();
      expect(inMemory).toEqual(sqlPath);
      const paged = (await get(`/api/service-index?unit=${world.units.province}&${MARCH}&explain=2.1&page=2&pageSize=4`, officer)).json();
      expect(paged).toMatchObject({ total: 6, page: 2, pageSize: 4 });
      expect(paged.items.map((i: any) => i.dossierCode)).toEqual([world.codes.onlineNoResult, world.codes.communeStopped]);
      const index = (await get(`/api/service-index?unit=${world.units.province}&${MARCH}`)).json();
      expect(index.configVersion).toBe(2);
      expect(index.groups[1].indicators[0]).toMatchObject({ code: '2.1', numerator: 3, denominator: 6, score: 10 });
    });
  });
});
