import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { DIALECTS } from '../../../../test/support/databases.js';
import { bearer, insertDocumentFixture } from '../../../../test/support/fixtures.js';
import { insertDocumentsWorld, type DocPerson, type DocumentsWorld } from '../../../../test/support/documents.js';
import { expectProblem } from '../../../../test/support/one-stop.js';
import { REGISTER_HEADER_ROW } from './register-workbook.js';

async function rowsOf(xlsx: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as never);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row, number) => {
    if (number >= REGISTER_HEADER_ROW) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe.each(DIALECTS)('registers to Excel on %s', (dialect) => {
  let t: TestApp;
  let w: DocumentsWorld;
  let secret: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await insertDocumentsWorld(t.db);
    const incoming = (subject: string, arrivalNumber: number | null, arrivalDate: string, extra: Record<string, unknown> = {}) =>
      insertDocumentFixture(t.db, { unitId: w.units.justice, subject, arrivalNumber, arrivalDate, organName: 'UBND tỉnh Điện Biên', codeNumber: String(100 + (arrivalNumber ?? 0)), codeNotation: 'UBND-KT', issuedDate: '2026-02-01', ...extra });
    await incoming('Về việc kiểm tra công tác hộ tịch', 2, '2026-02-03T03:00:00.000Z');
    await incoming('Về việc tổng kết năm 2025', 1, '2026-02-02T03:00:00.000Z');
    secret = await incoming('Về việc bảo vệ bí mật nhà nước', 3, '2026-02-04T03:00:00.000Z', { confidentiality: 'mat' });
    await incoming('Chưa vào sổ', null, '2026-02-05T03:00:00.000Z', { status: 'received' });
    await incoming('Tháng trước', 9, '2026-01-10T03:00:00.000Z');
    const issued = await insertDocumentFixture(t.db, { unitId: w.units.justice, direction: 'outgoing', status: 'issued', typeCode: 'QD', subject: 'Ban hành quy chế làm việc', codeNumber: '5', codeNotation: 'QĐ-STP', issuedDate: '2026-02-10', signerName: 'Trần Quốc Khánh' });
    await t.db.updateTable('documents').set({ number: 5, to_places: JSON.stringify(['Văn phòng UBND tỉnh', 'Lưu: VT']), issued_amount: 3 }).where('id', '=', issued).execute();
    await insertDocumentFixture(t.db, { unitId: w.units.justice, direction: 'outgoing', status: 'drafting', subject: 'Dự thảo chưa phát hành' });
  });
  afterAll(async () => t?.close());

  const exportAs = (person: DocPerson, query: string) => t.app.inject({ method: 'GET', url: `/api/documents/register.xlsx?${query}`, headers: bearer(person.token) });

  it('exports the incoming register with the Appendix IV columns, in arrival order, within the period', async () => {
    const response = await exportAs(w.clerk, `kind=incoming&unitId=${w.units.justice}&from=2026-02-01&to=2026-02-28`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const [header, ...rows] = await rowsOf(response.rawPayload);
    expect(header).toEqual(['Số đến', 'Ngày đến', 'Tác giả', 'Số, ký hiệu', 'Ngày tháng', 'Tên loại và trích yếu nội dung', 'Đơn vị hoặc người nhận', 'Ký nhận', 'Ghi chú']);
    expect(rows.map((r) => r.slice(0, 6))).toEqual([
      [1, '02/02/2026', 'UBND tỉnh Điện Biên', '101/UBND-KT', '01/02/2026', 'Công văn: Về việc tổng kết năm 2025'],
      [2, '03/02/2026', 'UBND tỉnh Điện Biên', '102/UBND-KT', '01/02/2026', 'Công văn: Về việc kiểm tra công tác hộ tịch'],
    ]);
    const audit = await t.db.selectFrom('audit_log').select('summary').where('action', '=', 'document.register_export').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.summary!)).toMatchObject({ kind: 'incoming', count: 2, confidentialIds: [] });
  });

  it('lists a confidential document only for a holder of its grant', async () => {
    await t.db.insertInto('document_access').values({ document_id: secret, user_id: w.clerk.id, granted_by: null, granted_at: new Date().toISOString() }).execute();
    const [, ...rows] = await rowsOf((await exportAs(w.clerk, `kind=incoming&unitId=${w.units.justice}&from=2026-02-01`)).rawPayload);
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3]);
    const [, ...leaderRows] = await rowsOf((await exportAs(w.leader, `kind=incoming&unitId=${w.units.justice}&from=2026-02-01`)).rawPayload);
    expect(leaderRows.map((r) => r[0])).toEqual([1, 2]);
  });

  it('exports the outgoing register: number and notation, date, subject, signer, recipients, copies', async () => {
    const [header, ...rows] = await rowsOf((await exportAs(w.leader, `kind=outgoing&unitId=${w.units.justice}`)).rawPayload);
    expect(header).toEqual(['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản', 'Số lượng bản', 'Ghi chú']);
    expect(rows).toEqual([['5/QĐ-STP', '10/02/2026', 'Quyết định: Ban hành quy chế làm việc', 'Trần Quốc Khánh', 'Văn phòng UBND tỉnh; Lưu: VT', 3]]);
  });

  it('refuses officials of other units and bad input', async () => {
    expectProblem(await exportAs(w.outsider, `kind=incoming&unitId=${w.units.justice}`), 403, 'FORBIDDEN');
    expect(expectProblem(await exportAs(w.clerk, `kind=sideways&unitId=${w.units.justice}`), 400, 'VALIDATION_FAILED').errors.map((e: { path: string }) => e.path)).toContain('/query/kind');
    expect(expectProblem(await exportAs(w.clerk, 'kind=incoming'), 400, 'VALIDATION_FAILED').errors.map((e: { path: string }) => e.path)).toContain('/query/unitId');
    expect(expectProblem(await exportAs(w.clerk, `kind=incoming&unitId=${w.units.justice}&to=31/12/2026`), 400, 'VALIDATION_FAILED').errors.map((e: { path: string }) => e.path)).toContain('/query/to');
  });
});
