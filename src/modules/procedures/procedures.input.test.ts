import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUser, sampleProcedure, sessionTokenFor } from '../../../test/support/fixtures.js';

describe.each(DIALECTS)('bad input to the procedure catalogue on %s', (dialect) => {
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const tree = await insertProvinceTree(t.db);
    const user = await insertUser(t.db, { unitId: tree.province, withTotp: true, roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }] });
    admin = bearer(await sessionTokenFor(t.db, user));
    expect((await t.app.inject({ method: 'POST', url: '/api/procedures', headers: admin, payload: sampleProcedure('1.001193') })).statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  const create = (payload: unknown, language = 'vi') =>
    t.app.inject({ method: 'POST', url: '/api/procedures', headers: { ...admin, 'accept-language': language }, payload: payload as object });

  function expectProblem(response: Awaited<ReturnType<typeof create>>, status: number, code: string) {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe(code);
    return response.json();
  }

  it('refuses a document of the wrong shape with field paths', async () => {
    const { code: _c, ...withoutCode } = sampleProcedure('x');
    const body = expectProblem(await create({ ...withoutCode, level: 'district', extra: 1, fees: [{ code: 'le_phi', name: 'Lệ phí', amountVnd: 8000.5 }] }), 400, 'VALIDATION_FAILED');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/code', '/level', '/extra', '/fees/0/amountVnd']));
    expect(body.errors.find((e: { path: string }) => e.path === '/code').message).toBe('Trường này là bắt buộc.');
  });

  it('refuses a form that is not a valid JSON Schema', async () => {
    const notSchema = sampleProcedure('1.000010', { form: { schema: { type: 'object', properties: { hoTen: { type: 'chuoi' } } } } });
    const body = expectProblem(await create(notSchema), 400, 'VALIDATION_FAILED');
    expect(body.errors.map((e: { path: string }) => e.path)).toContain('/form/schema/properties/hoTen/type');
    const notObject = sampleProcedure('1.000011', { form: { schema: { type: 'string' } } });
    expect(expectProblem(await create(notObject), 400, 'VALIDATION_FAILED').errors).toEqual([
      { path: '/form/schema/type', message: 'Tờ khai phải là một đối tượng (type: "object").' },
    ]);
  });

  it('refuses duplicate step codes, transitions to unknown steps and budgets over the processing time', async () => {
    const steps = sampleProcedure('x').workflow.steps;
    const document = sampleProcedure('1.000012', {
      processingTime: { amount: 2, unit: 'working_days' },
      workflow: { steps: [...steps, steps[1]], transitions: [{ from: 'tiep_nhan', action: 'approve', to: 'tra_ket_qua' }] },
    });
    const body = expectProblem(await create(document, 'en'), 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([
      { path: '/workflow/steps/3/code', message: 'The step code tham_dinh is used twice.' },
      { path: '/workflow/transitions/0/to', message: 'There is no step tra_ket_qua in the workflow.' },
      { path: '/workflow/steps', message: 'The steps take 60 working hours, more than the processing time of 16 working hours.' },
    ]);
    const stored = await t.db.selectFrom('procedures').select('code').where('code', '=', '1.000012').execute();
    expect(stored).toEqual([]);
  });

  it('refuses a code already in the catalogue, and an edit whose code differs from the address', async () => {
    expectProblem(await create(sampleProcedure('1.001193')), 409, 'PROCEDURE_CODE_TAKEN');
    const mismatch = await t.app.inject({ method: 'PUT', url: '/api/procedures/1.001193', headers: admin, payload: sampleProcedure('1.009999') });
    expect(expectProblem(mismatch, 400, 'VALIDATION_FAILED').errors).toEqual([{ path: '/code', message: 'Mã thủ tục phải là 1.001193 (theo địa chỉ).' }]);
    const unknown = await t.app.inject({ method: 'PUT', url: '/api/procedures/1.009999', headers: admin, payload: sampleProcedure('1.009999') });
    expectProblem(unknown, 404, 'NOT_FOUND');
  });

  it('answers 404 for an unknown procedure or version, and 400 for bad queries', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/procedures/9.999999' }), 404, 'NOT_FOUND');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/procedures/1.001193?version=7' }), 404, 'NOT_FOUND');
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/procedures/9.999999/retire', headers: admin }), 404, 'NOT_FOUND');
    const version = expectProblem(await t.app.inject({ method: 'GET', url: '/api/procedures/1.001193?version=0' }), 400, 'VALIDATION_FAILED');
    expect(version.errors[0].path).toBe('/query/version');
    const paging = expectProblem(await t.app.inject({ method: 'GET', url: '/api/procedures?pageSize=500&level=district&sort=name' }), 400, 'VALIDATION_FAILED');
    expect(paging.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/query/pageSize', '/query/level', '/query/sort']));
    const code = expectProblem(await t.app.inject({ method: 'GET', url: '/api/procedures/has%20space' }), 400, 'VALIDATION_FAILED');
    expect(code.errors[0].path).toBe('/params/code');
  });

  it('treats query punctuation as plain text, never as search syntax', async () => {
    for (const q of ['"khai', 'khai* OR sinh', "sinh'); drop table procedures;--", '%_', '   ']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/procedures?q=${encodeURIComponent(q)}` });
      expect(response.statusCode, q).toBe(200);
    }
    const empty = await t.app.inject({ method: 'GET', url: '/api/procedures?q=%20%20' });
    expect(empty.json().total).toBe(1);
  });

  it('refuses an empty or malformed import', async () => {
    const empty = await t.app.inject({ method: 'POST', url: '/api/procedures/import', headers: admin, payload: { procedures: [] } });
    expect(expectProblem(empty, 400, 'VALIDATION_FAILED').errors[0].path).toBe('/procedures');
    const malformed = await t.app.inject({ method: 'POST', url: '/api/procedures/import', headers: { ...admin, 'content-type': 'application/json' }, payload: '{"procedures": [' });
    expectProblem(malformed, 400, 'MALFORMED_JSON');
  });
});
