import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUser, sampleProcedure, sessionTokenFor } from '../../../test/support/fixtures.js';

describe.each(DIALECTS)('procedure catalogue on %s', (dialect) => {
  let t: TestApp;
  let admin: Record<string, string>;

  const create = (document: object) => t.app.inject({ method: 'POST', url: '/api/procedures', headers: admin, payload: document });
  const list = (query: string) => t.app.inject({ method: 'GET', url: `/api/procedures?${query}` });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const tree = await insertProvinceTree(t.db);
    const user = await insertUser(t.db, { unitId: tree.province, withTotp: true, roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }] });
    admin = bearer(await sessionTokenFor(t.db, user));
    const catalogue = [
      sampleProcedure('1.001193'),
      sampleProcedure('1.000656', { name: 'Đăng ký kết hôn', requirements: [] }),
      sampleProcedure('1.000419', { name: 'Đăng ký khai tử' }),
      // "khai sinh" only in a requirement: ranks below the procedures named so.
      sampleProcedure('2.000635', {
        name: 'Cấp bản sao trích lục hộ tịch',
        requirements: [{ code: 'ban_sao', name: 'Bản sao giấy khai sinh', originals: 0, copies: 1, mandatory: false, fromDataStore: true }],
      }),
      sampleProcedure('1.001612', { name: 'Đăng ký thành lập hộ kinh doanh', field: 'Thành lập và hoạt động của hộ kinh doanh', level: 'province', onlineLevel: 'mot_phan' }),
    ];
    for (const document of catalogue) expect((await create(document)).statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  it('creates version 1 with an audit entry and shows it to anyone', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/procedures/1.001193' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh', version: 1, currentVersion: 1, status: 'active' });
    expect(body.form.schema.properties.hoTen.title).toBe('Họ và tên');
    expect(body.requirements[0]).toMatchObject({ code: 'to_khai', mandatory: true, fromDataStore: false });
    // Citizens read unit names, not agency identifiers.
    expect(body.competentUnits).toEqual([{ code: '000.00.00.H18', name: 'UBND tỉnh Điện Biên' }]);
    const audits = await t.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_type', '=', 'procedure').where('action', '=', 'procedure.create').execute();
    expect(audits.map((a) => a.entity_id)).toContain('1.001193');
  });

  it('finds procedures without diacritics and case, with đ written d', async () => {
    for (const q of ['dang ky khai sinh', 'ĐĂNG KÝ KHAI SINH', 'Đăng ký khai sinh', 'dang ky']) {
      const response = await list(`q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().items.map((i: { code: string }) => i.code)).toContain('1.001193');
    }
    const prefix = await list('q=ket%20ho');
    expect(prefix.json().items.map((i: { code: string }) => i.code)).toEqual(['1.000656']);
    const none = await list('q=xay%20dung');
    expect(none.json()).toEqual({ items: [], total: 0 });
  });

  it('ranks a hit in the name above a hit elsewhere', async () => {
    const response = await list('q=khai%20sinh');
    const codes = response.json().items.map((i: { code: string }) => i.code);
    expect(codes).toEqual(['1.001193', '2.000635']);
    expect(response.json().total).toBe(2);
  });

  it('filters by field, level and online level, and pages with a total', async () => {
    const filtered = await list('level=province&onlineLevel=mot_phan');
    expect(filtered.json().items.map((i: { code: string }) => i.code)).toEqual(['1.001612']);
    const byField = await list(`field=${encodeURIComponent('Hộ tịch')}&pageSize=2&page=2`);
    expect(byField.json().total).toBe(4);
    expect(byField.json().items.map((i: { code: string }) => i.code)).toEqual(['1.001193', '2.000635']);
    const summary = byField.json().items[0];
    expect(summary).toEqual({
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      field: 'Hộ tịch',
      level: 'commune',
      onlineLevel: 'toan_trinh',
      status: 'active',
      version: 1,
      processingTime: { amount: 5, unit: 'working_days' },
      totalFeeVnd: 8000,
    });
    const beyond = await list('pageSize=2&page=9');
    expect(beyond.json()).toEqual({ items: [], total: 5 });
  });

  it('makes a new version on edit and keeps the old one', async () => {
    const edited = sampleProcedure('1.000419', { name: 'Đăng ký khai tử (sửa đổi)', fees: [] });
    const response = await t.app.inject({ method: 'PUT', url: '/api/procedures/1.000419', headers: admin, payload: edited });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ version: 2, currentVersion: 2, name: 'Đăng ký khai tử (sửa đổi)', fees: [] });
    const old = await t.app.inject({ method: 'GET', url: '/api/procedures/1.000419?version=1' });
    expect(old.json()).toMatchObject({ version: 1, currentVersion: 2, name: 'Đăng ký khai tử', fees: [{ amountVnd: 8000 }] });
    const found = await list('q=sua%20doi');
    expect(found.json().items.map((i: { code: string }) => i.code)).toEqual(['1.000419']);
    const rows = await t.db.selectFrom('procedure_versions').select('version').where('procedure_code', '=', '1.000419').orderBy('version').execute();
    expect(rows.map((r) => Number(r.version))).toEqual([1, 2]);
    const audit = await t.db.selectFrom('audit_log').select('summary').where('action', '=', 'procedure.update').where('entity_id', '=', '1.000419').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary)).toMatchObject({ before: { version: 1 }, after: { version: 2 } });
  });

  it('keeps versions gap-free when two edits race: each is saved in turn or answered CONFLICT', async () => {
    await create(sampleProcedure('9.000002', { name: 'Thủ tục thử sửa đồng thời' }));
    const edit = (n: number) =>
      t.app.inject({ method: 'PUT', url: '/api/procedures/9.000002', headers: admin, payload: sampleProcedure('9.000002', { name: `Sửa lần ${n}` }) });
    const responses = await Promise.all([1, 2, 3, 4].map(edit));
    const statuses = responses.map((r) => r.statusCode);
    for (const response of responses.filter((r) => r.statusCode !== 200)) {
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('CONFLICT');
    }
    const saved = statuses.filter((s) => s === 200).length;
    expect(saved).toBeGreaterThanOrEqual(1);
    const versions = await t.db.selectFrom('procedure_versions').select('version').where('procedure_code', '=', '9.000002').orderBy('version').execute();
    expect(versions.map((v) => Number(v.version))).toEqual(Array.from({ length: saved + 1 }, (_, i) => i + 1));
    const head = await t.db.selectFrom('procedures').select('current_version').where('code', '=', '9.000002').executeTakeFirstOrThrow();
    expect(Number(head.current_version)).toBe(saved + 1);
  });

  it('retires a procedure as a new version: gone from search, still readable', async () => {
    await create(sampleProcedure('9.000001', { name: 'Thủ tục thử ngừng áp dụng' }));
    const retired = await t.app.inject({ method: 'POST', url: '/api/procedures/9.000001/retire', headers: admin });
    expect(retired.statusCode).toBe(200);
    expect(retired.json()).toMatchObject({ status: 'retired', version: 2 });
    expect((await list('q=ngung%20ap%20dung')).json().total).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/procedures/9.000001' })).json().status).toBe('retired');
    const again = await t.app.inject({ method: 'POST', url: '/api/procedures/9.000001/retire', headers: admin });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('PROCEDURE_RETIRED');
    const audits = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', '9.000001').where('action', '=', 'procedure.retire').execute();
    expect(audits).toHaveLength(1);
  });

  it('exports the catalogue and imports it back: unchanged, updated and created counted', async () => {
    const exported = await t.app.inject({ method: 'GET', url: '/api/procedures/export', headers: admin });
    expect(exported.statusCode).toBe(200);
    const { procedures } = exported.json();
    expect(procedures.map((p: { code: string }) => p.code)).toEqual(['1.000419', '1.000656', '1.001193', '1.001612', '2.000635', '9.000001', '9.000002']);
    const roundTrip = await t.app.inject({ method: 'POST', url: '/api/procedures/import', headers: admin, payload: { procedures } });
    expect(roundTrip.statusCode).toBe(200);
    expect(roundTrip.json()).toEqual({ created: 0, updated: 0, unchanged: 7 });

    const changed = procedures.map((p: { code: string }) => (p.code === '1.000656' ? { ...p, name: 'Đăng ký kết hôn có yếu tố nước ngoài' } : p));
    const payload = { procedures: [...changed, sampleProcedure('1.004946', { name: 'Chứng thực bản sao từ bản chính' })] };
    const response = await t.app.inject({ method: 'POST', url: '/api/procedures/import', headers: admin, payload });
    expect(response.json()).toEqual({ created: 1, updated: 1, unchanged: 6 });
    const marriage = await t.app.inject({ method: 'GET', url: '/api/procedures/1.000656' });
    expect(marriage.json()).toMatchObject({ version: 2, name: 'Đăng ký kết hôn có yếu tố nước ngoài' });
    expect((await list('q=chung%20thuc')).json().items.map((i: { code: string }) => i.code)).toEqual(['1.004946']);
    const audits = await t.db.selectFrom('audit_log').select(['action', 'summary']).where('action', 'in', ['procedure.import', 'procedure.export']).orderBy('seq').execute();
    expect(audits.map((a) => a.action)).toEqual(['procedure.export', 'procedure.import', 'procedure.import']);
    expect(JSON.parse(audits[2].summary)).toMatchObject({ created: 1, updated: 1, unchanged: 6 });
  });

  it('rejects a whole import when one document is invalid, naming its path', async () => {
    const bad = sampleProcedure('1.009999', { workflow: { steps: sampleProcedure('x').workflow.steps, transitions: [{ from: 'tiep_nhan', action: 'forward', to: 'khong_co' }] } });
    const payload = { procedures: [sampleProcedure('1.009998', { name: 'Không được nhập' }), bad] };
    const response = await t.app.inject({ method: 'POST', url: '/api/procedures/import', headers: admin, payload });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toEqual([{ path: '/procedures/1/workflow/transitions/0/to', message: 'Không có bước khong_co trong quy trình.' }]);
    const duplicate = await t.app.inject({ method: 'POST', url: '/api/procedures/import', headers: admin, payload: { procedures: [sampleProcedure('1.009997'), sampleProcedure('1.009997')] } });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().errors[0].path).toBe('/procedures/1/code');
    const stored = await t.db.selectFrom('procedures').select('code').where('code', 'in', ['1.009998', '1.009997']).execute();
    expect(stored).toEqual([]);
  });
});
