import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUser, sampleProcedure, sessionTokenFor } from '../../../test/support/fixtures.js';

describe.each(DIALECTS)('who may read and manage the procedure catalogue on %s', (dialect) => {
  let t: TestApp;
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const tree = await insertProvinceTree(t.db);
    const people = {
      provinceAdmin: await insertUser(t.db, { unitId: tree.province, withTotp: true, roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }] }),
      // An administrator of one department only: the catalogue is province-wide, so not enough.
      justiceAdmin: await insertUser(t.db, { unitId: tree.justice, withTotp: true, roles: [{ role: 'admin', unitId: tree.justice, includeSubtree: true }] }),
      officer: await insertUser(t.db, { unitId: tree.province, roles: [{ role: 'one_stop_officer', unitId: tree.province, includeSubtree: true }] }),
      citizen: await insertUser(t.db, { kind: 'citizen', roles: [{ role: 'citizen', unitId: null }] }),
    };
    for (const [name, user] of Object.entries(people)) headers[name] = bearer(await sessionTokenFor(t.db, user));
    const created = await t.app.inject({ method: 'POST', url: '/api/procedures', headers: headers.provinceAdmin, payload: sampleProcedure('1.001193') });
    expect(created.statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  const adminRequests = () => [
    { method: 'POST' as const, url: '/api/procedures', payload: sampleProcedure('1.000001') },
    { method: 'PUT' as const, url: '/api/procedures/1.001193', payload: sampleProcedure('1.001193', { name: 'Đổi tên' }) },
    { method: 'POST' as const, url: '/api/procedures/1.001193/retire' },
    { method: 'GET' as const, url: '/api/procedures/export' },
    { method: 'POST' as const, url: '/api/procedures/import', payload: { procedures: [sampleProcedure('1.000002')] } },
  ];

  it('lets anyone, signed in or not, search and read procedures', async () => {
    for (const who of [undefined, headers.citizen, headers.officer]) {
      const list = await t.app.inject({ method: 'GET', url: '/api/procedures?q=khai%20sinh', headers: who });
      expect(list.statusCode).toBe(200);
      expect(list.json().total).toBe(1);
      const one = await t.app.inject({ method: 'GET', url: '/api/procedures/1.001193', headers: who });
      expect(one.statusCode).toBe(200);
    }
  });

  it('documents the routes in the OpenAPI, the reads without security', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/procedures'].get.security).toBeUndefined();
    expect(doc.paths['/api/procedures/{code}'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['code', 'version']));
    for (const [path, method] of [['/api/procedures', 'post'], ['/api/procedures/{code}', 'put'], ['/api/procedures/{code}/retire', 'post'], ['/api/procedures/export', 'get'], ['/api/procedures/import', 'post']]) {
      expect(doc.paths[path][method].security, `${method} ${path}`).toBeDefined();
    }
  });

  it('asks anonymous callers to sign in for the administration routes', async () => {
    for (const request of adminRequests()) {
      const response = await t.app.inject(request);
      expect(response.statusCode, request.url).toBe(401);
      expect(response.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses citizens, officers and a department administrator (403), and changes nothing', async () => {
    for (const who of ['citizen', 'officer', 'justiceAdmin']) {
      for (const request of adminRequests()) {
        const response = await t.app.inject({ ...request, headers: headers[who] });
        expect(response.statusCode, `${who} ${request.method} ${request.url}`).toBe(403);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().code).toBe('FORBIDDEN');
      }
    }
    const rows = await t.db.selectFrom('procedure_versions').select(['procedure_code', 'version']).execute();
    expect(rows.map((r) => [r.procedure_code, Number(r.version)])).toEqual([['1.001193', 1]]);
    const audits = await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'procedure').execute();
    expect(audits.map((a) => a.action)).toEqual(['procedure.create']);
  });

  it('lets the province administrator do all of it', async () => {
    for (const request of adminRequests()) {
      const response = await t.app.inject({ ...request, headers: headers.provinceAdmin });
      expect(response.statusCode, `${request.method} ${request.url}`).toBeLessThan(300);
    }
  });
});
