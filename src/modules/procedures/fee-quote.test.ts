import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertProvinceTree, insertUser, sampleProcedure, sessionTokenFor } from '../../../test/support/fixtures.js';

/** Thường trú-like: 20.000 đồng, half online, free for poor households; a per-copy fee with a cap. */
const withFees = (code: string) => {
  const base = sampleProcedure(code);
  return sampleProcedure(code, {
    fees: [
      { code: 'le_phi', name: 'Lệ phí đăng ký', amountVnd: 20_000 },
      { code: 'phi_ban_sao', name: 'Phí cấp bản sao', amountVnd: 8_000, quantityField: 'soBanSao', maximumVnd: 40_000 },
    ],
    feeReductions: [
      { code: 'truc_tuyen', name: 'Nộp hồ sơ trực tuyến: giảm 50% lệ phí', percent: 50, when: { channel: 'online' } },
      { code: 'ho_ngheo', name: 'Hộ nghèo: miễn', percent: 100, when: { field: 'hoNgheo', equals: true } },
    ],
    form: {
      schema: {
        ...base.form.schema,
        properties: {
          ...base.form.schema.properties,
          soBanSao: { type: 'integer', title: 'Số bản sao', minimum: 1 },
          hoNgheo: { type: 'boolean', title: 'Thuộc hộ nghèo' },
        },
      },
    },
  });
};

describe.each(DIALECTS)('fee quotes and fee rules on %s', (dialect) => {
  let t: TestApp;
  let admin: Record<string, string>;

  const quote = (code: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/procedures/${code}/fee-quote`, payload: payload as object });
  const create = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/procedures', headers: admin, payload: payload as object });

  function expectProblem(response: Awaited<ReturnType<typeof quote>>, status: number, code: string) {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe(code);
    return response.json();
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const tree = await insertProvinceTree(t.db);
    const user = await insertUser(t.db, { unitId: tree.province, withTotp: true, roles: [{ role: 'admin', unitId: tree.province, includeSubtree: true }] });
    admin = bearer(await sessionTokenFor(t.db, user));
    expect((await create(withFees('1.004222'))).statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  it('keeps the fee rules of a saved version and lists the base total in summaries', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/procedures/1.004222' })).json();
    expect(body.fees[1]).toEqual({ code: 'phi_ban_sao', name: 'Phí cấp bản sao', amountVnd: 8_000, quantityField: 'soBanSao', maximumVnd: 40_000 });
    expect(body.feeReductions.map((r: { code: string }) => r.code)).toEqual(['truc_tuyen', 'ho_ngheo']);
    const list = (await t.app.inject({ method: 'GET', url: '/api/procedures' })).json();
    expect(list.items.find((i: { code: string }) => i.code === '1.004222').totalFeeVnd).toBe(28_000);
  });

  it('quotes online and at the counter without a login', async () => {
    const counter = await quote('1.004222', { channel: 'counter', form: { soBanSao: 3 } });
    expect(counter.statusCode).toBe(200);
    expect(counter.json()).toEqual({
      totalVnd: 44_000,
      lines: [
        { code: 'le_phi', name: 'Lệ phí đăng ký', unitAmountVnd: 20_000, quantity: 1, amountVnd: 20_000, reduction: null, payableVnd: 20_000 },
        { code: 'phi_ban_sao', name: 'Phí cấp bản sao', unitAmountVnd: 8_000, quantity: 3, amountVnd: 24_000, reduction: null, payableVnd: 24_000 },
      ],
    });
    const online = (await quote('1.004222', { channel: 'online', form: { soBanSao: 9 } })).json();
    expect(online.totalVnd).toBe(10_000 + 20_000);
    expect(online.lines[1]).toMatchObject({ quantity: 9, amountVnd: 40_000, payableVnd: 20_000, reduction: { code: 'truc_tuyen', percent: 50, amountVnd: 20_000 } });
    expect((await quote('1.004222', { channel: 'online' })).json().totalVnd).toBe(14_000);
  });

  it('documents the quote as a public route in the OpenAPI description', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = doc.paths['/api/procedures/{code}/fee-quote'].post;
    expect(operation.security).toBeUndefined();
    expect(operation.tags).toEqual(['Thủ tục hành chính']);
    expect(Object.keys(operation.requestBody.content['application/json'].schema.properties).sort()).toEqual(['channel', 'form']);
  });

  it('exempts by a form field, whatever the channel', async () => {
    for (const channel of ['online', 'counter']) {
      const body = (await quote('1.004222', { channel, form: { hoNgheo: true, soBanSao: 2 } })).json();
      expect(body.totalVnd, channel).toBe(0);
      expect(body.lines.map((l: { reduction: { code: string } }) => l.reduction.code)).toEqual(['ho_ngheo', 'ho_ngheo']);
    }
  });

  it('answers 404 for an unknown procedure and 400 for a bad body', async () => {
    expectProblem(await quote('9.999999', { channel: 'online' }), 404, 'NOT_FOUND');
    const channel = expectProblem(await quote('1.004222', { channel: 'postal' }), 400, 'VALIDATION_FAILED');
    expect(channel.errors.map((e: { path: string }) => e.path)).toContain('/channel');
    const missing = expectProblem(await quote('1.004222', { form: {} }), 400, 'VALIDATION_FAILED');
    expect(missing.errors.map((e: { path: string }) => e.path)).toContain('/channel');
    const shape = expectProblem(await quote('1.004222', { channel: 'online', form: [1], extra: true }), 400, 'VALIDATION_FAILED');
    expect(shape.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['/form', '/extra']));
  });

  it('refuses fee rules that name fields the form lacks, bad percents and repeated codes', async () => {
    const document = withFees('1.000100');
    const bad = {
      ...document,
      fees: [...document.fees, { code: 'phi_khac', name: 'Phí khác', amountVnd: 1_000, quantityField: 'hoTen' }, { code: 'phi_x', name: 'Phí', amountVnd: 1, quantityField: 'soTrang' }],
      feeReductions: [...document.feeReductions, { code: 'ho_ngheo', name: 'Trùng mã', percent: 10, when: { field: 'coCong' } }],
    };
    const body = expectProblem(await create(bad), 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([
      { path: '/feeReductions/2/code', message: 'Mã ho_ngheo bị trùng.' },
      { path: '/fees/2/quantityField', message: 'Trường hoTen của tờ khai không phải kiểu số nên không dùng làm số lượng được.' },
      { path: '/fees/3/quantityField', message: 'Tờ khai không có trường soTrang.' },
      { path: '/feeReductions/2/when/field', message: 'Tờ khai không có trường coCong.' },
    ]);
    const huge = await create({ ...document, fees: [{ code: 'le_phi', name: 'Lệ phí', amountVnd: 2_000_000_000 }] });
    expect(expectProblem(huge, 400, 'VALIDATION_FAILED').errors.map((e: { path: string }) => e.path)).toContain('/fees/0/amountVnd');
    for (const percent of [0, 101, 12.5]) {
      const response = await create({ ...document, feeReductions: [{ code: 'giam', name: 'Giảm', percent, when: {} }] });
      expect(expectProblem(response, 400, 'VALIDATION_FAILED').errors.map((e: { path: string }) => e.path), String(percent)).toContain('/feeReductions/0/percent');
    }
    const channel = await create({ ...document, feeReductions: [{ code: 'giam', name: 'Giảm', percent: 10, when: { channel: 'postal' } }] });
    expect(expectProblem(channel, 400, 'VALIDATION_FAILED').errors.map((e: { path: string }) => e.path)).toContain('/feeReductions/0/when/channel');
    expect(await t.db.selectFrom('procedures').select('code').where('code', '=', '1.000100').execute()).toEqual([]);
  });

  it('reads a version stored before fee reductions existed as having none', async () => {
    expect((await create(sampleProcedure('1.000200'))).statusCode).toBe(201);
    const stored = await t.db.selectFrom('procedure_versions').select(['id', 'document']).where('procedure_code', '=', '1.000200').executeTakeFirstOrThrow();
    const { feeReductions: _r, ...legacy } = JSON.parse(stored.document);
    await t.db.updateTable('procedure_versions').set({ document: JSON.stringify(legacy) }).where('id', '=', stored.id).execute();
    const body = (await t.app.inject({ method: 'GET', url: '/api/procedures/1.000200' })).json();
    expect(body.feeReductions).toEqual([]);
    expect((await quote('1.000200', { channel: 'online' })).json()).toMatchObject({ totalVnd: 8_000, lines: [{ code: 'le_phi', reduction: null }] });
  });
});
