import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { onFirstStart } from '../../cli/first-start.js';
import { DEMO_CATALOGUE } from './demo-catalogue.js';
import { seedDemoCatalogue } from './seed-demo-catalogue.js';
import { validateApplicationForm } from './validate-form.js';

const context = { actorId: null, actorUsername: 'system', ip: null, requestId: null };

describe.each(DIALECTS)('demo procedure catalogue on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('loads at least twelve valid procedures, once', async () => {
    expect(DEMO_CATALOGUE.length).toBeGreaterThanOrEqual(12);
    expect(await seedDemoCatalogue(t.db, context)).toEqual({ created: DEMO_CATALOGUE.length, updated: 0, unchanged: 0 });
    expect(await seedDemoCatalogue(t.db, context)).toEqual({ created: 0, updated: 0, unchanged: DEMO_CATALOGUE.length });
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'procedure.import').execute();
    expect(audit).toHaveLength(2);
  });

  it('is searchable the way citizens type', async () => {
    for (const [q, code] of [
      ['dang ky khai sinh', '1.001193'],
      ['ly lich tu phap', '2.000488'],
      ['giay phep xay dung', '1.009994'],
      ['ban le ruou', '1.001028'],
      ['chung thuc ban sao', '2.000815'],
    ]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/procedures?q=${encodeURIComponent(q)}` });
      expect(response.json().items[0]?.code, q).toBe(code);
    }
  });

  it('quotes the demo fees: half online for thường trú, per page for chứng thực, per copy for trích lục', async () => {
    const quote = async (code: string, channel: string, form: object = {}) =>
      (await t.app.inject({ method: 'POST', url: `/api/procedures/${code}/fee-quote`, payload: { channel, form } })).json();
    expect((await quote('1.004222', 'counter')).totalVnd).toBe(20_000);
    const online = await quote('1.004222', 'online');
    expect(online.totalVnd).toBe(10_000);
    expect(online.lines[0].reduction).toMatchObject({ code: 'nop_truc_tuyen', percent: 50, amountVnd: 10_000 });
    // Citizens read the reduction's name on the quote and the receipt: no internal review markers in it.
    expect(online.lines[0].reduction.name).toBe('Nộp hồ sơ trực tuyến: giảm 50% lệ phí');
    expect((await quote('2.000815', 'counter', { soTrang: 3 })).totalVnd).toBe(6_000);
    expect((await quote('2.000815', 'counter', { soTrang: 500 })).totalVnd).toBe(200_000);
    expect((await quote('2.000635', 'online', { soBanSao: 3 })).lines[0]).toMatchObject({ unitAmountVnd: 8_000, quantity: 3, payableVnd: 24_000 });
    // Fee names no longer carry the arithmetic: amounts live in the numbers.
    for (const procedure of DEMO_CATALOGUE) for (const fee of procedure.fees) expect(fee.name, procedure.code).not.toMatch(/[0-9]\.000/);
  });

  it('checks an application against a demo form in Vietnamese', async () => {
    const birth = (await t.app.inject({ method: 'GET', url: '/api/procedures/1.001193' })).json();
    const good = {
      nguoiYeuCauHoTen: 'Lò Thị Mai',
      nguoiYeuCauSoDinhDanh: '011190001234',
      hoTenTre: 'Lò Văn An',
      ngaySinh: '2026-11-20',
      gioiTinh: 'Nam',
      noiSinh: 'Bệnh viện đa khoa tỉnh Điện Biên',
      hoTenMe: 'Lò Thị Mai',
    };
    expect(validateApplicationForm(birth, good, 'vi')).toEqual([]);
    expect(validateApplicationForm(birth, { ...good, gioiTinh: 'Khác', nguoiYeuCauSoDinhDanh: '123' }, 'vi')).toEqual([
      { path: '/form/nguoiYeuCauSoDinhDanh', message: 'Không đúng định dạng.' },
      { path: '/form/gioiTinh', message: 'Phải là một trong các giá trị: Nam, Nữ.' },
    ]);
  });
});

describe.each(DIALECTS)('first start on %s', (dialect) => {
  it('loads the demo catalogue with the demo province', async () => {
    const t = await createTestApp(dialect, { CQS_SEED_DEMO: 'true', CQS_DEMO_PASSWORD: 'Hoa ban nở trắng Mường Thanh' });
    try {
      const lines = await onFirstStart(t.app);
      expect(lines.join('\n')).toContain(`Danh mục thủ tục mẫu: ${DEMO_CATALOGUE.length} thủ tục`);
      const list = await t.app.inject({ method: 'GET', url: '/api/procedures?level=commune&pageSize=5' });
      expect(list.json().total).toBe(DEMO_CATALOGUE.filter((p) => p.level === 'commune').length);
      expect(list.json().items).toHaveLength(5);
    } finally {
      await t.close();
    }
  });
});
