import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertUser, tokenFor } from '../../../test/support/fixtures.js';
import { setUpStatisticsWorld, STAT_PROCEDURE_A, STAT_PROCEDURE_B, type StatisticsWorld } from '../../../test/support/statistics.js';

const Q1 = 'from=2026-01-01&to=2026-03-31';

describe.each(DIALECTS)('leader dashboard on %s', (dialect) => {
  let t: TestApp;
  let w: StatisticsWorld;
  let province: string;
  const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(token) });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpStatisticsWorld(t.db);
    province = await tokenFor(t.app, await insertUser(t.db, { unitId: w.province, roles: [{ role: 'reporting_officer', unitId: w.province, includeSubtree: true }] }));
  }, 60_000);
  afterAll(async () => t?.close());

  it("sums the province's subtree over the period's months, with pending and overdue as they are now", async () => {
    const response = await get(province, `/api/statistics/dashboard?${Q1}`);
    expect(response.statusCode).toBe(200);
    const d = response.json();
    expect(d.unit).toEqual({ id: w.province, code: '000.00.00.H18', name: 'UBND tỉnh Điện Biên' });
    expect([d.from, d.to]).toEqual(['2026-01-01', '2026-03-31']);
    expect(d.totals).toEqual({
      received: 20, finished: 16, pending: 5, overdue: 3, onTime: 11, late: 5,
      onTimeRate: 11 / 16, onlineShare: 0.5, paidOnlineShare: 0.5, satisfaction: 1 - 6 / 16,
    });
    expect(d.byUnit).toEqual([
      { unit: { id: w.justice, code: '000.00.05.H18', name: 'Sở Tư pháp' }, received: 14, finished: 10, pending: 3, overdue: 2, onTime: 8, late: 2, onTimeRate: 0.8 },
      { unit: { id: w.finance, code: '000.00.07.H18', name: 'Sở Tài chính' }, received: 0, finished: 0, pending: 0, overdue: 0, onTime: 0, late: 0, onTimeRate: null },
      { unit: { id: w.commune, code: '000.01.50.H18', name: 'Phường Điện Biên Phủ' }, received: 6, finished: 6, pending: 2, overdue: 1, onTime: 3, late: 3, onTimeRate: 0.5 },
    ]);
    expect(d.byProcedure).toEqual([
      { procedureCode: STAT_PROCEDURE_A, procedureName: 'Cấp Phiếu lý lịch tư pháp', received: 14, finished: 10, pending: 3, onTimeRate: 0.8 },
      { procedureCode: STAT_PROCEDURE_B, procedureName: 'Chứng thực bản sao', received: 6, finished: 6, pending: 2, onTimeRate: 0.5 },
    ]);
    expect(d.trend).toEqual([
      { month: '2026-01', received: 10, finished: 8, onTime: 6, late: 2, onTimeRate: 0.75 },
      { month: '2026-02', received: 10, finished: 8, onTime: 5, late: 3, onTimeRate: 5 / 8 },
      { month: '2026-03', received: 0, finished: 0, onTime: 0, late: 0, onTimeRate: null },
    ]);
    expect(d.channels).toEqual({ online: 10, counter: 9, postal: 1 });
    expect(d.payments).toEqual({ feeRequired: 7, paid: 6, paidOnline: 3, paidOnlineShare: 0.5 });
    expect(d.satisfaction).toEqual({ rated: 5, negative: 1, index: 1 - 6 / 16 });
    expect(d.documents).toEqual({
      trend: [
        { month: '2026-01', incoming: 2, outgoing: 0 },
        { month: '2026-02', incoming: 1, outgoing: 1 },
        { month: '2026-03', incoming: 0, outgoing: 0 },
      ],
      overdue: 2,
      overdueByUnit: [
        { unit: { id: w.justice, code: '000.00.05.H18', name: 'Sở Tư pháp' }, count: 1 },
        { unit: { id: w.finance, code: '000.00.07.H18', name: 'Sở Tài chính' }, count: 0 },
        { unit: { id: w.commune, code: '000.01.50.H18', name: 'Phường Điện Biên Phủ' }, count: 1 },
      ],
    });
  });

  it("shows a department's own dossiers beside its divisions'", async () => {
    const d = (await get(province, `/api/statistics/dashboard?unit=${w.justice}&${Q1}`)).json();
    expect(d.totals).toMatchObject({ received: 14, finished: 10, pending: 3, overdue: 2, onTime: 8, late: 2 });
    expect(d.byUnit).toEqual([
      { unit: { id: w.justice, code: '000.00.05.H18', name: 'Sở Tư pháp' }, own: true, received: 10, finished: 8, pending: 2, overdue: 1, onTime: 6, late: 2, onTimeRate: 0.75 },
      { unit: { id: w.division, code: '000.05.05.H18', name: 'Phòng Hành chính tư pháp' }, received: 4, finished: 2, pending: 1, overdue: 1, onTime: 2, late: 0, onTimeRate: 1 },
    ]);
    expect(d.documents.overdueByUnit).toEqual([
      { unit: { id: w.justice, code: '000.00.05.H18', name: 'Sở Tư pháp' }, own: true, count: 1 },
      { unit: { id: w.division, code: '000.05.05.H18', name: 'Phòng Hành chính tư pháp' }, count: 0 },
    ]);
  });

  it('widens the dates to whole months and leaves months outside the period out', async () => {
    const d = (await get(province, '/api/statistics/dashboard?from=2026-02-15&to=2026-02-16')).json();
    expect(d.trend.map((m: { month: string }) => m.month)).toEqual(['2026-02']);
    expect(d.totals).toMatchObject({ received: 10, finished: 8, onTime: 5, late: 3 });
    const withApril = (await get(province, '/api/statistics/dashboard?from=2025-12-01&to=2026-04-30')).json();
    expect(withApril.totals.received).toBe(170);
  });

  it('lists the overdue dossiers of the subtree, most overdue first, with their step and no applicant data', async () => {
    const response = await get(province, '/api/statistics/overdue');
    expect(response.statusCode).toBe(200);
    const list = response.json();
    expect(list.total).toBe(3);
    expect(list.items.map((i: { code: string }) => i.code)).toEqual(w.overdueCodes);
    expect(list.items[0]).toEqual({
      code: w.overdueCodes[0], procedureCode: STAT_PROCEDURE_A, procedureName: 'Cấp Phiếu lý lịch tư pháp',
      unit: { id: w.division, name: 'Phòng Hành chính tư pháp' }, status: 'processing', dueAt: expect.any(String), daysLate: 6,
      currentStep: { code: 'tham_dinh', name: 'Thẩm định' },
    });
    expect(list.items.map((i: { daysLate: number }) => i.daysLate)).toEqual([6, 3, 1]);
    expect(response.body).not.toContain('Lò Văn Thống');
    expect(response.body).not.toContain('011090001234');

    const commune = (await get(province, `/api/statistics/overdue?unit=${w.commune}`)).json();
    expect(commune.items.map((i: { code: string }) => i.code)).toEqual([w.overdueCodes[1]]);
    const page2 = (await get(province, '/api/statistics/overdue?page=2&pageSize=2')).json();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((i: { code: string }) => i.code)).toEqual([w.overdueCodes[2]]);
  });

  it('exports every chart as a sheet with Vietnamese headers and dd/MM/yyyy dates', async () => {
    const response = await get(province, `/api/statistics/dashboard.xlsx?${Q1}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('bang-dieu-hanh-tat-ca-2026-01-01-2026-03-31.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Theo đơn vị', 'Theo thủ tục', 'Theo tháng', 'Kênh tiếp nhận', 'Thanh toán', 'Văn bản']);
    const byUnit = book.getWorksheet('Theo đơn vị')!;
    expect(byUnit.getCell('A2').value).toBe('Đơn vị: UBND tỉnh Điện Biên');
    expect(byUnit.getCell('A3').value).toBe('Từ ngày 01/01/2026 đến ngày 31/03/2026');
    expect((byUnit.getRow(5).values as unknown[]).slice(1)).toEqual(['STT', 'Đơn vị', 'Tiếp nhận', 'Đã giải quyết', 'Đang giải quyết', 'Quá hạn', 'Đúng hạn', 'Trễ hạn', 'Tỉ lệ đúng hạn']);
    expect((byUnit.getRow(6).values as unknown[]).slice(1)).toEqual([1, 'Sở Tư pháp', 14, 10, 3, 2, 8, 2, 0.8]);
    expect(byUnit.getRow(6).getCell(9).numFmt).toBe('0.0%');
    expect((byUnit.getRow(7).values as unknown[]).slice(1)).toEqual([2, 'Sở Tài chính', 0, 0, 0, 0, 0, 0, '']);
    const trend = book.getWorksheet('Theo tháng')!;
    expect((trend.getRow(6).values as unknown[]).slice(1)).toEqual(['01/2026', 10, 8, 6, 2, 0.75]);
    const channels = book.getWorksheet('Kênh tiếp nhận')!;
    expect((channels.getRow(6).values as unknown[]).slice(1)).toEqual(['Trực tuyến', 10, 0.5]);
    expect((channels.getRow(9).values as unknown[]).slice(1)).toEqual(['Tổng cộng', 20, 1]);
    const documents = book.getWorksheet('Văn bản')!;
    expect((documents.getRow(7).values as unknown[]).slice(1)).toEqual(['02/2026', 1, 1]);
  });

  it('exports one chart when asked', async () => {
    const response = await get(province, `/api/statistics/dashboard.xlsx?${Q1}&chart=byProcedure`);
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Theo thủ tục']);
    const sheet = book.getWorksheet('Theo thủ tục')!;
    expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual(['STT', 'Mã thủ tục', 'Tên thủ tục', 'Tiếp nhận', 'Đã giải quyết', 'Đang giải quyết', 'Tỉ lệ đúng hạn']);
    expect((sheet.getRow(6).values as unknown[]).slice(1)).toEqual([1, STAT_PROCEDURE_A, 'Cấp Phiếu lý lịch tư pháp', 14, 10, 3, 0.8]);
  });
});
