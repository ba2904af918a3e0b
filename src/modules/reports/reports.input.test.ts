import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer, insertReportingSetup, sessionTokenFor } from '../../../test/support/fixtures.js';

const COLUMNS = [{ code: 'c1', name: 'Số liệu' }];
const ROWS = [
  { code: 'r1', name: 'Số hồ sơ tiếp nhận', unit: 'hồ sơ', type: 'integer', required: true, min: 0 },
  { code: 'r2', name: 'Số hồ sơ đã giải quyết', unit: 'hồ sơ', type: 'integer' },
  { code: 'r3', name: 'Tỷ lệ', unit: '%', type: 'percent', formula: 'r2 / r1 * 100' },
  { code: 'note', name: 'Ghi chú', type: 'text' },
];

describe.each(DIALECTS)('bad input to the periodic reports API on %s', (dialect) => {
  let t: TestApp;
  let setup: Awaited<ReturnType<typeof insertReportingSetup>>;
  let province: Record<string, string>;
  let commune: Record<string, string>;
  let templateId: number;
  let assignmentId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    setup = await insertReportingSetup(t.db);
    province = bearer(await sessionTokenFor(t.db, setup.officer));
    commune = bearer(await sessionTokenFor(t.db, setup.officerA));
    const template = await t.app.inject({ method: 'POST', url: '/api/reports/templates', headers: province, payload: { code: 'BC-01', name: 'Báo cáo', regime: 'yearly', document: { columns: COLUMNS, rows: ROWS } } });
    templateId = template.json().id;
    const round = await t.app.inject({ method: 'POST', url: '/api/reports/rounds', headers: province, payload: { templateId, periodFrom: '2026-01-01', periodTo: '2026-12-31', dueDate: '2027-01-15', unitIds: [setup.communeA] } });
    expect(round.json().round.periodLabel).toBe('Năm 2026');
    assignmentId = round.json().assignments[0].id;
  });
  afterAll(async () => t?.close());

  const send = (headers: Record<string, string>, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, language = 'vi') =>
    t.app.inject({ method, url, headers: { ...headers, 'accept-language': language }, ...(payload === undefined ? {} : { payload: payload as object }) });

  async function problem(response: Awaited<ReturnType<typeof send>>, status: number, code: string) {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body.code).toBe(code);
    return body as { errors?: { path: string; message: string }[] };
  }
  const paths = (body: { errors?: { path: string }[] }) => body.errors!.map((e) => e.path);

  it('templates: shape errors are 400 with paths, rule errors 422 REPORT_TEMPLATE_INVALID with paths, a taken code 409', async () => {
    const shape = await problem(await send(province, 'POST', '/api/reports/templates', { code: 'BC 02', name: '', regime: 'weekly', document: { columns: [], rows: [{ code: '1x', name: 'A', type: 'money', source: 'weather.rain' }] }, extra: 1 }), 400, 'VALIDATION_FAILED');
    expect(paths(shape)).toEqual(expect.arrayContaining(['/code', '/name', '/regime', '/document/columns', '/document/rows/0/code', '/document/rows/0/type', '/document/rows/0/source', '/extra']));

    const rules = await problem(
      await send(province, 'POST', '/api/reports/templates', {
        code: 'BC-02',
        name: 'Báo cáo sai',
        regime: 'monthly',
        document: {
          columns: [...COLUMNS, { code: 'c1', name: 'Trùng' }],
          rows: [
            { code: 'r1', name: 'A', type: 'integer', min: 10, max: 1 },
            { code: 'r1', name: 'B', type: 'integer' },
            { code: 'r3', name: 'C', type: 'number', formula: 'r1 + r9' },
            { code: 'r4', name: 'D', type: 'number', formula: 'r1 +' },
            { code: 'r5', name: 'E', type: 'number', formula: 'sin(r1)' },
            { code: 'r6', name: 'F', type: 'text', aggregate: 'sum' },
          ],
          rules: [{ expression: 'r7 <= r1', message: { vi: 'Sai', en: 'Wrong' } }],
        },
      }),
      422,
      'REPORT_TEMPLATE_INVALID',
    );
    expect(paths(rules)).toEqual([
      '/document/columns/1/code',
      '/document/rows/1/code',
      '/document/rows/0/min',
      '/document/rows/2/formula',
      '/document/rows/3/formula',
      '/document/rows/4/formula',
      '/document/rows/5/aggregate',
      '/document/rules/0/expression',
    ]);
    expect(rules.errors![3]!.message).toContain('r9');

    const cycle = await problem(
      await send(province, 'POST', '/api/reports/templates', {
        code: 'BC-03',
        name: 'Vòng tròn',
        regime: 'monthly',
        document: { columns: COLUMNS, rows: [{ code: 'a', name: 'A', type: 'number', formula: 'b + 1' }, { code: 'b', name: 'B', type: 'number', formula: 'a * 2' }] },
      }),
      422,
      'REPORT_TEMPLATE_INVALID',
    );
    expect(paths(cycle)).toEqual(['/document/rows/0/formula']);
    const textInFormula = await problem(
      await send(province, 'POST', '/api/reports/templates', {
        code: 'BC-04',
        name: 'Công thức đọc dòng chữ',
        regime: 'monthly',
        document: { columns: COLUMNS, rows: [{ code: 'note', name: 'Ghi chú', type: 'text' }, { code: 'n', name: 'Số', type: 'number', formula: 'note + 1' }] },
      }),
      422,
      'REPORT_TEMPLATE_INVALID',
    );
    expect(paths(textInFormula)).toEqual(['/document/rows/1/formula']);
    await problem(await send(province, 'POST', '/api/reports/templates', { code: 'BC-01', name: 'Trùng mã', regime: 'monthly', document: { columns: COLUMNS, rows: ROWS } }), 409, 'REPORT_TEMPLATE_EXISTS');
    await problem(await send(province, 'PUT', `/api/reports/templates/${templateId}`, { name: 'Thiếu phiên bản', regime: 'monthly', document: { columns: COLUMNS, rows: ROWS } }), 400, 'VALIDATION_FAILED');
    await problem(await send(province, 'GET', '/api/reports/templates?status=deleted'), 400, 'VALIDATION_FAILED');
    await problem(await send(province, 'GET', '/api/reports/templates/abc'), 400, 'VALIDATION_FAILED');
    expect(await t.db.selectFrom('report_templates').select('code').execute()).toEqual([{ code: 'BC-01' }]);
    // Search folds Vietnamese and takes LIKE wildcards literally.
    const search = async (q: string) => (await send(province, 'GET', `/api/reports/templates?q=${encodeURIComponent(q)}&status=active`)).json().items.map((i: { code: string }) => i.code);
    expect(await search('BAO CAO')).toEqual(['BC-01']);
    expect(await search('%')).toEqual([]);
  });

  it('rounds: impossible dates and periods, units outside the tree, an empty list, an unknown template', async () => {
    const round = (overrides: Record<string, unknown>) => ({ templateId, periodFrom: '2026-01-01', periodTo: '2026-12-31', dueDate: '2027-01-15', unitIds: [setup.communeA], ...overrides });
    expect(paths(await problem(await send(province, 'POST', '/api/reports/rounds', round({ periodTo: '2026-02-30' })), 422, 'REPORT_PERIOD_INVALID'))).toEqual(['/periodTo']);
    expect(paths(await problem(await send(province, 'POST', '/api/reports/rounds', round({ periodFrom: '2026-12-01', periodTo: '2026-11-30' })), 422, 'REPORT_PERIOD_INVALID'))).toEqual(['/periodTo']);
    expect(paths(await problem(await send(province, 'POST', '/api/reports/rounds', round({ dueDate: '2025-12-31' })), 422, 'REPORT_PERIOD_INVALID'))).toEqual(['/dueDate']);
    expect(paths(await problem(await send(province, 'POST', '/api/reports/rounds', round({ unitIds: [setup.communeB, 99999] })), 422, 'REPORT_UNIT_OUT_OF_SCOPE'))).toEqual(['/unitIds/1']);
    expect(paths(await problem(await send(province, 'POST', '/api/reports/rounds', round({ unitIds: [], dueDate: '15/01/2027' })), 400, 'VALIDATION_FAILED'))).toEqual(expect.arrayContaining(['/unitIds', '/dueDate']));
    await problem(await send(province, 'POST', '/api/reports/rounds', round({ templateId: 99999 })), 404, 'NOT_FOUND');
    await problem(await send(province, 'GET', '/api/reports/rounds?status=done'), 400, 'VALIDATION_FAILED');
    await problem(await send(province, 'GET', '/api/reports/rounds/1/aggregate?unit=abc'), 400, 'VALIDATION_FAILED');
    await problem(await send(province, 'GET', '/api/reports/rounds/1/aggregate.doc'), 400, 'VALIDATION_FAILED');
    expect(await t.db.selectFrom('report_rounds').select('id').execute()).toHaveLength(1);
  });

  it('assignments: unknown cells and wrong kinds of values, a missing version, a bad decision, an unknown version', async () => {
    const url = `/api/reports/assignments/${assignmentId}`;
    const wrong = await problem(await send(commune, 'PUT', url, { data: { r1: { c1: 'mười', c9: 1 }, zz: { c1: 1 }, note: { c1: 5 } }, expectedVersion: 0 }, 'en'), 422, 'REPORT_INVALID');
    expect(wrong.errors).toEqual([
      { path: '/data/r1/c1', message: 'Must be a number.' },
      { path: '/data/r1/c9', message: 'No such column in the template.' },
      { path: '/data/zz', message: 'No such row in the template.' },
      { path: '/data/note/c1', message: 'Must be text.' },
    ]);
    const invalid = await problem(await send(commune, 'POST', `${url}/submit`, { data: { r1: { c1: -2 }, r2: { c1: 1 } }, expectedVersion: 0 }), 422, 'REPORT_INVALID');
    expect(invalid.errors).toEqual([{ path: '/data/r1/c1', message: 'Không được nhỏ hơn 0.' }]);
    const missing = await problem(await send(commune, 'POST', `${url}/submit`, { data: {}, expectedVersion: 0 }), 422, 'REPORT_INVALID');
    expect(paths(missing)).toEqual(['/data/r1/c1']);
    expect(paths(await problem(await send(commune, 'PUT', url, { data: { r1: { c1: 1 } } }), 400, 'VALIDATION_FAILED'))).toEqual(['/expectedVersion']);
    expect(paths(await problem(await send(commune, 'PUT', url, { data: { r1: { c1: { value: 1 } } }, expectedVersion: 0 }), 400, 'VALIDATION_FAILED'))).toContain('/data/r1/c1');
    expect(new Set(paths(await problem(await send(province, 'POST', `${url}/review`, { decision: 'maybe', expectedVersion: 0 }), 400, 'VALIDATION_FAILED')))).toEqual(new Set(['/decision']));
    await problem(await send(commune, 'GET', `${url}/versions/7`), 404, 'NOT_FOUND');
    await problem(await send(commune, 'GET', '/api/reports/assignments?status=lost'), 400, 'VALIDATION_FAILED');
    await problem(await send(commune, 'GET', '/api/reports/assignments/99999'), 404, 'NOT_FOUND');
    expect(await t.db.selectFrom('report_submissions').select('id').execute()).toEqual([]);
    // The percent range is checked on entered percent rows too.
    expect((await send(commune, 'PUT', url, { data: { r1: { c1: 4 }, r2: { c1: 3 } }, expectedVersion: 0 })).json()).toMatchObject({ currentVersion: 1, computed: { r3: { c1: 75 } }, problems: [] });
  });
});
