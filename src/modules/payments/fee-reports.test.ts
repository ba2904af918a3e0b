import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertPayment } from '../../../test/support/fixtures.js';
import { expectProblem } from '../../../test/support/one-stop.js';
import { setUpAccountants, type AccountantWorld } from '../../../test/support/accountant.js';

const local = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+07:00`).toISOString();
const NOVEMBER = 'from=2026-11-01&to=2026-11-30';

describe.each(DIALECTS)('collected-fee reports on %s', (dialect) => {
  let t: TestApp;
  let w: AccountantWorld;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpAccountants(t.db);
    const centre = w.units.centre;
    const thuongTru = { procedureCode: '1.004222', procedureName: 'Đăng ký thường trú' };
    const lyLich = { procedureCode: '2.000488', procedureName: 'Cấp Phiếu lý lịch tư pháp' };
    await insertPayment(t.db, { unitId: centre, amountVnd: 20000, paidAt: local('2026-11-10', '09:00'), ...thuongTru });
    // 23:30 and 00:30 local fall on the 10th and the 11th, though both are the 10th in UTC.
    await insertPayment(t.db, { unitId: centre, amountVnd: 10000, paidAt: local('2026-11-10', '23:30'), channel: 'cash', ...thuongTru });
    await insertPayment(t.db, { unitId: centre, amountVnd: 5000, paidAt: local('2026-11-11', '00:30'), channel: 'bank_transfer', ...lyLich });
    const duplicate = await insertPayment(t.db, { unitId: centre, amountVnd: 20000, paidAt: local('2026-11-12', '08:00'), status: 'duplicate', ...thuongTru });
    // Outside the period by a few minutes, in local time.
    await insertPayment(t.db, { unitId: centre, amountVnd: 7000, paidAt: local('2026-12-01', '00:30'), ...lyLich });
    await insertPayment(t.db, { unitId: centre, amountVnd: 3000, paidAt: local('2026-10-31', '23:59'), ...lyLich });
    await insertPayment(t.db, { unitId: w.units.finance, amountVnd: 50000, paidAt: local('2026-11-10', '10:00'), channel: 'cash', ...thuongTru });
    const refunded = await t.app.inject({
      method: 'POST',
      url: `/api/payments/${duplicate.paymentId}/refunds`,
      headers: bearer(w.accountant),
      payload: { amountVnd: 20000, reason: 'Thanh toán trùng' },
    });
    expect(refunded.statusCode, refunded.body).toBe(201);
  });
  afterAll(async () => t?.close());

  const report = (token: string | undefined, query: string, path = '/api/payments/reports/collected') =>
    t.app.inject({ method: 'GET', url: `${path}?${query}`, headers: token ? bearer(token) : {} });
  const rowsOf = (body: any) => body.rows.map((r: any) => ({ key: r.key, count: r.count, amountVnd: r.amountVnd, refundedVnd: r.refundedVnd, netVnd: r.netVnd }));

  it('sums per channel, day and procedure over local days, refunds beside the amounts', async () => {
    const byChannel = await report(w.accountant, `${NOVEMBER}&groupBy=channel`);
    expect(byChannel.statusCode, byChannel.body).toBe(200);
    expect(rowsOf(byChannel.json())).toEqual([
      { key: 'gateway', count: 2, amountVnd: 40000, refundedVnd: 20000, netVnd: 20000 },
      { key: 'cash', count: 1, amountVnd: 10000, refundedVnd: 0, netVnd: 10000 },
      { key: 'bank_transfer', count: 1, amountVnd: 5000, refundedVnd: 0, netVnd: 5000 },
    ]);
    expect(byChannel.json()).toMatchObject({ count: 4, totalVnd: 55000, refundedVnd: 20000, netVnd: 35000 });
    expect(byChannel.json().rows[1].label).toBe('Tiền mặt');

    const byDay = (await report(w.accountant, `${NOVEMBER}&groupBy=day`)).json();
    expect(rowsOf(byDay)).toEqual([
      { key: '2026-11-10', count: 2, amountVnd: 30000, refundedVnd: 0, netVnd: 30000 },
      { key: '2026-11-11', count: 1, amountVnd: 5000, refundedVnd: 0, netVnd: 5000 },
      { key: '2026-11-12', count: 1, amountVnd: 20000, refundedVnd: 20000, netVnd: 0 },
    ]);
    expect(byDay.rows[0].label).toBe('10/11/2026');

    const byProcedure = (await report(w.accountant, `${NOVEMBER}&groupBy=procedure`)).json();
    expect(rowsOf(byProcedure)).toEqual([
      { key: '1.004222', count: 3, amountVnd: 50000, refundedVnd: 20000, netVnd: 30000 },
      { key: '2.000488', count: 1, amountVnd: 5000, refundedVnd: 0, netVnd: 5000 },
    ]);
    expect(byProcedure.rows[1].label).toBe('2.000488 — Cấp Phiếu lý lịch tư pháp');
  });

  it('counts only the units where the caller holds payment.report', async () => {
    const centreOnly = (await report(w.accountant, NOVEMBER)).json();
    expect(centreOnly.groupBy).toBe('unit');
    expect(rowsOf(centreOnly)).toEqual([{ key: String(w.units.centre), count: 4, amountVnd: 55000, refundedVnd: 20000, netVnd: 35000 }]);
    expect(centreOnly.rows[0].label).toBe('Trung tâm Phục vụ hành chính công tỉnh');

    const province = (await report(w.provinceLeader, `${NOVEMBER}&groupBy=unit`)).json();
    expect(rowsOf(province)).toEqual([
      { key: String(w.units.centre), count: 4, amountVnd: 55000, refundedVnd: 20000, netVnd: 35000 },
      { key: String(w.units.finance), count: 1, amountVnd: 50000, refundedVnd: 0, netVnd: 50000 },
    ].sort((a, b) => b.amountVnd - a.amountVnd));
    expect(province.totalVnd).toBe(105000);

    const financeOnly = (await report(w.provinceLeader, `${NOVEMBER}&unit=${w.units.finance}`)).json();
    expect(financeOnly).toMatchObject({ count: 1, totalVnd: 50000 });
    expect((await report(w.financeAccountant, NOVEMBER)).json()).toMatchObject({ count: 1, totalVnd: 50000 });
    expectProblem(await report(w.accountant, `${NOVEMBER}&unit=${w.units.finance}`), 404, 'NOT_FOUND');
  });

  it('exports the same report as an Excel workbook with Vietnamese headers, đồng format and a total row', async () => {
    const response = await report(w.provinceLeader, `${NOVEMBER}&groupBy=channel`, '/api/payments/reports/collected.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('bao-cao-thu-phi-2026-11-01-2026-11-30.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Thu phí')!;
    expect(sheet).toBeDefined();
    expect(sheet.getCell('A2').value).toBe('Từ ngày 01/11/2026 đến ngày 30/11/2026');
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      'STT',
      'Hình thức thanh toán',
      'Số giao dịch',
      'Số tiền đã thu (đồng)',
      'Đã hoàn trả (đồng)',
      'Thực thu (đồng)',
    ]);
    expect(sheet.getRow(5).values).toEqual([undefined, 1, 'Tiền mặt', 2, 60000, 0, 60000]);
    const total = sheet.getRow(8);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect([total.getCell(3).value, total.getCell(4).value, total.getCell(5).value, total.getCell(6).value]).toEqual([5, 105000, 20000, 85000]);
    expect(total.getCell(4).numFmt).toBe('#,##0');
    expect(sheet.getRow(5).getCell(4).numFmt).toBe('#,##0');
    const dataSum = [5, 6, 7].reduce((sum, r) => sum + Number(sheet.getRow(r).getCell(4).value), 0);
    expect(dataSum).toBe(105000);
  });

  it('refuses bad periods and callers without payment.report', async () => {
    const paths = (response: Awaited<ReturnType<typeof report>>, status = 400) =>
      expectProblem(response, status, 'VALIDATION_FAILED').errors.map((e: any) => e.path);
    expect(paths(await report(w.accountant, 'from=2026-11-30&to=2026-11-01'))).toEqual(['/to']);
    expect(paths(await report(w.accountant, 'from=2026-02-30&to=2026-03-01'))).toEqual(['/from']);
    expect(paths(await report(w.accountant, 'from=2024-01-01&to=2026-01-01'))).toEqual(['/to']);
    expectProblem(await report(w.accountant, 'from=01/11/2026&to=2026-11-30'), 400, 'VALIDATION_FAILED');
    expectProblem(await report(w.accountant, `${NOVEMBER}&groupBy=month`), 400, 'VALIDATION_FAILED');
    expectProblem(await report(w.accountant, 'to=2026-11-30'), 400, 'VALIDATION_FAILED');
    expectProblem(await report(undefined, NOVEMBER), 401, 'UNAUTHENTICATED');
    expectProblem(await report(w.specialist, NOVEMBER), 403, 'FORBIDDEN');
    expectProblem(await report(w.specialist, NOVEMBER, '/api/payments/reports/collected.xlsx'), 403, 'FORBIDDEN');
  });
});
