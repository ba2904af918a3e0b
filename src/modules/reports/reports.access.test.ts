import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer, insertReportingSetup, insertUser, sessionTokenFor } from '../../../test/support/fixtures.js';

const DOCUMENT = {
  columns: [{ code: 'c1', name: 'Số liệu' }],
  rows: [
    { code: 'r1', name: 'Số hồ sơ tiếp nhận', unit: 'hồ sơ', type: 'integer', required: true },
    { code: 'r2', name: 'Số hồ sơ đã giải quyết', unit: 'hồ sơ', type: 'integer' },
  ],
};

describe.each(DIALECTS)('who may do what with periodic reports on %s', (dialect) => {
  let t: TestApp;
  let setup: Awaited<ReturnType<typeof insertReportingSetup>>;
  const as: Record<string, Record<string, string>> = {};
  let templateId: number;
  let roundId: number;
  let assignmentA: number;
  let assignmentB: number;

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: as[who], ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    setup = await insertReportingSetup(t.db);
    const specialist = await insertUser(t.db, { unitId: setup.communeA, roles: [{ role: 'specialist', unitId: setup.communeA }] });
    for (const [name, user] of Object.entries({ province: setup.officer, communeA: setup.officerA, communeB: setup.officerB, justice: setup.justiceOfficer, specialist })) {
      as[name] = bearer(await sessionTokenFor(t.db, user));
    }
    templateId = (await call('province', 'POST', '/api/reports/templates', { code: 'BC-QUYEN', name: 'Báo cáo kiểm tra quyền', regime: 'quarterly', document: DOCUMENT })).json().id;
    const round = (await call('province', 'POST', '/api/reports/rounds', { templateId, periodFrom: '2026-10-01', periodTo: '2026-12-31', dueDate: '2027-01-10', unitIds: [setup.communeA, setup.communeB] })).json();
    expect(round.round.periodLabel).toBe('Quý IV/2026');
    roundId = round.round.id;
    assignmentA = round.assignments.find((a: { unit: { id: number } }) => a.unit.id === setup.communeA).id;
    assignmentB = round.assignments.find((a: { unit: { id: number } }) => a.unit.id === setup.communeB).id;
  });
  afterAll(async () => t?.close());

  const expectProblem = async (response: Awaited<ReturnType<typeof call>>, status: number, code: string) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe(code);
  };

  it('refuses anonymous callers and callers without a report permission', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/reports/templates' })).statusCode).toBe(401);
    await expectProblem(await call('specialist', 'GET', '/api/reports/templates'), 403, 'FORBIDDEN');
    await expectProblem(await call('specialist', 'GET', '/api/reports/rounds'), 403, 'FORBIDDEN');
    await expectProblem(await call('specialist', 'GET', '/api/reports/assignments'), 403, 'FORBIDDEN');
    await expectProblem(await call('specialist', 'GET', `/api/reports/assignments/${assignmentA}`), 404, 'NOT_FOUND');
  });

  it('hides templates, rounds and reports of another tree as not found', async () => {
    expect((await call('justice', 'GET', '/api/reports/templates')).json().items).toEqual([]);
    expect((await call('justice', 'GET', '/api/reports/rounds')).json().items).toEqual([]);
    expect((await call('justice', 'GET', '/api/reports/assignments')).json().items).toEqual([]);
    await expectProblem(await call('justice', 'GET', `/api/reports/templates/${templateId}`), 404, 'NOT_FOUND');
    await expectProblem(await call('justice', 'PUT', `/api/reports/templates/${templateId}`, { name: 'X', regime: 'monthly', document: DOCUMENT, expectedVersion: 1 }), 404, 'NOT_FOUND');
    await expectProblem(await call('justice', 'POST', `/api/reports/templates/${templateId}/retire`), 404, 'NOT_FOUND');
    await expectProblem(await call('justice', 'POST', '/api/reports/rounds', { templateId, periodFrom: '2026-10-01', periodTo: '2026-12-31', dueDate: '2027-01-10', unitIds: [setup.justice] }), 404, 'NOT_FOUND');
    await expectProblem(await call('justice', 'GET', `/api/reports/rounds/${roundId}`), 404, 'NOT_FOUND');
    await expectProblem(await call('justice', 'GET', `/api/reports/rounds/${roundId}/aggregate`), 404, 'NOT_FOUND');
    await expectProblem(await call('justice', 'GET', `/api/reports/rounds/${roundId}/aggregate.xlsx`), 404, 'NOT_FOUND');
    await expectProblem(await call('justice', 'GET', `/api/reports/assignments/${assignmentA}`), 404, 'NOT_FOUND');
    await expectProblem(await call('justice', 'GET', `/api/reports/assignments/${assignmentA}.pdf`), 404, 'NOT_FOUND');
    await expectProblem(await call('justice', 'POST', `/api/reports/assignments/${assignmentA}/submit`, { data: {}, expectedVersion: 0 }), 404, 'NOT_FOUND');
    await expectProblem(await call('justice', 'POST', `/api/reports/assignments/${assignmentA}/review`, { decision: 'accept', expectedVersion: 0 }), 404, 'NOT_FOUND');
  });

  it('lets a commune fill only its own report and never review it; the province reviews', async () => {
    await expectProblem(await call('communeB', 'GET', `/api/reports/assignments/${assignmentA}`), 404, 'NOT_FOUND');
    await expectProblem(await call('communeB', 'PUT', `/api/reports/assignments/${assignmentA}`, { data: { r1: { c1: 1 } }, expectedVersion: 0 }), 404, 'NOT_FOUND');
    await expectProblem(await call('communeA', 'GET', `/api/reports/rounds/${roundId}`), 404, 'NOT_FOUND');
    await expectProblem(await call('communeA', 'GET', `/api/reports/templates/${templateId}`), 404, 'NOT_FOUND');
    expect((await call('communeA', 'GET', '/api/reports/assignments')).json().items.map((a: { id: number }) => a.id)).toEqual([assignmentA]);
    expect((await call('communeA', 'POST', `/api/reports/assignments/${assignmentA}/submit`, { data: { r1: { c1: 5 }, r2: { c1: 4 } }, expectedVersion: 0 })).statusCode).toBe(200);
    await expectProblem(await call('communeA', 'POST', `/api/reports/assignments/${assignmentA}/review`, { decision: 'accept', expectedVersion: 1 }), 403, 'FORBIDDEN');
    expect((await call('communeA', 'GET', `/api/reports/assignments/${assignmentA}.xlsx`)).statusCode).toBe(200);
    const seen = (await call('province', 'GET', `/api/reports/assignments/${assignmentA}`)).json();
    expect(seen).toMatchObject({ canReview: true, status: 'submitted' });
  });

  it('refuses every transition the state does not allow', async () => {
    // Reviewing a report nobody submitted.
    await expectProblem(await call('province', 'POST', `/api/reports/assignments/${assignmentB}/review`, { decision: 'accept', expectedVersion: 0 }), 409, 'REPORT_NOT_SUBMITTED');
    // A stale version, on saving and on reviewing.
    await expectProblem(await call('communeB', 'PUT', `/api/reports/assignments/${assignmentB}`, { data: { r1: { c1: 1 } }, expectedVersion: 3 }), 409, 'REPORT_CHANGED');
    await expectProblem(await call('province', 'POST', `/api/reports/assignments/${assignmentA}/review`, { decision: 'accept', expectedVersion: 0 }), 409, 'REPORT_CHANGED');
    // Submitted: no more saving or submitting; accepted: no second review and no edits.
    await expectProblem(await call('communeA', 'POST', `/api/reports/assignments/${assignmentA}/submit`, { data: { r1: { c1: 5 } }, expectedVersion: 1 }), 409, 'REPORT_NOT_EDITABLE');
    expect((await call('province', 'POST', `/api/reports/assignments/${assignmentA}/review`, { decision: 'accept', expectedVersion: 1 })).statusCode).toBe(200);
    await expectProblem(await call('province', 'POST', `/api/reports/assignments/${assignmentA}/review`, { decision: 'return', comment: 'Sửa lại', expectedVersion: 1 }), 409, 'REPORT_NOT_SUBMITTED');
    await expectProblem(await call('communeA', 'PUT', `/api/reports/assignments/${assignmentA}`, { data: { r1: { c1: 6 } }, expectedVersion: 1 }), 409, 'REPORT_NOT_EDITABLE');
    const rows = await t.db.selectFrom('report_assignments').select(['id', 'status', 'current_version']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: assignmentA, status: 'accepted', current_version: 1 },
      { id: assignmentB, status: 'pending', current_version: 0 },
    ]);
    // A retired template: no edits, no new rounds, no second retirement; its round goes on.
    expect((await call('province', 'POST', `/api/reports/templates/${templateId}/retire`)).json().status).toBe('retired');
    await expectProblem(await call('province', 'POST', `/api/reports/templates/${templateId}/retire`), 409, 'REPORT_TEMPLATE_RETIRED');
    await expectProblem(await call('province', 'PUT', `/api/reports/templates/${templateId}`, { name: 'X', regime: 'monthly', document: DOCUMENT, expectedVersion: 1 }), 409, 'REPORT_TEMPLATE_RETIRED');
    await expectProblem(await call('province', 'POST', '/api/reports/rounds', { templateId, periodFrom: '2027-01-01', periodTo: '2027-03-31', dueDate: '2027-04-10', unitIds: [setup.communeA] }), 409, 'REPORT_TEMPLATE_RETIRED');
    expect((await call('communeB', 'PUT', `/api/reports/assignments/${assignmentB}`, { data: { r1: { c1: 1 } }, expectedVersion: 0 })).statusCode).toBe(200);
  });

  it('lets only one of two racing saves on the same version through', async () => {
    const save = (value: number) => call('communeB', 'PUT', `/api/reports/assignments/${assignmentB}`, { data: { r1: { c1: value } }, expectedVersion: 1 });
    const [first, second] = await Promise.all([save(10), save(20)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    expect([first, second].find((r) => r.statusCode === 409)!.json().code).toBe('REPORT_CHANGED');
    const versions = await t.db.selectFrom('report_submissions').select('version').where('assignment_id', '=', assignmentB).orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect((await t.db.selectFrom('report_assignments').select('current_version').where('id', '=', assignmentB).executeTakeFirstOrThrow()).current_version).toBe(2);
  });
});
