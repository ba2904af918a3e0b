import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer, insertReportingSetup, sessionTokenFor } from '../../../test/support/fixtures.js';
import { extractPdfText } from '../../../test/support/pdf.js';
import { REPORT_HEADER_ROW, REPORT_SHEET } from './report-export.js';

const MONTHLY_TEMPLATE = {
  columns: [
    { code: 'c1', name: 'Kỳ này' },
    { code: 'c2', name: 'Lũy kế từ đầu năm' },
  ],
  rows: [
    { code: 'r1', name: 'Số hồ sơ tiếp nhận', unit: 'hồ sơ', type: 'integer', required: true, min: 0, source: 'dossiers.received' },
    { code: 'r2', name: 'Số hồ sơ đã giải quyết', unit: 'hồ sơ', type: 'integer', required: true, min: 0, source: 'dossiers.finished' },
    { code: 'r3', name: 'Số hồ sơ giải quyết đúng hạn', unit: 'hồ sơ', type: 'integer', required: true, min: 0, source: 'dossiers.finished_on_time' },
    { code: 'r4', name: 'Tỷ lệ giải quyết đúng hạn', unit: '%', type: 'percent', formula: 'r3 / r2 * 100' },
    { code: 'r5', name: 'Số công chức bộ phận một cửa', unit: 'người', type: 'integer', aggregate: 'average' },
    { code: 'r6', name: 'Ghi chú, kiến nghị', type: 'text' },
  ],
  rules: [
    { expression: 'r2 <= r1', message: { vi: 'Số đã giải quyết không được lớn hơn số tiếp nhận.', en: 'Finished must not exceed received.' } },
    { expression: 'r3 <= r2', message: { vi: 'Số đúng hạn không được lớn hơn số đã giải quyết.', en: 'On time must not exceed finished.' } },
  ],
};

describe.each(DIALECTS)('periodic reports, the whole cycle, on %s', (dialect) => {
  let t: TestApp;
  let setup: Awaited<ReturnType<typeof insertReportingSetup>>;
  let province: Record<string, string>;
  let communeA: Record<string, string>;
  let communeB: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    setup = await insertReportingSetup(t.db);
    province = bearer(await sessionTokenFor(t.db, setup.officer));
    communeA = bearer(await sessionTokenFor(t.db, setup.officerA));
    communeB = bearer(await sessionTokenFor(t.db, setup.officerB));
    // November 2026 dossier counters of commune A (kept by the service index; read as the report's source).
    const counters = [
      { unit_id: setup.communeA, procedure_code: '1.001', month: '2026-11', received: 7, received_online: 3, finished: 6, finished_early: 1, finished_on_time: 3, finished_late: 2 },
      { unit_id: setup.communeA, procedure_code: '1.002', month: '2026-11', received: 3, finished: 2, finished_on_time: 2 },
      { unit_id: setup.communeA, procedure_code: '1.001', month: '2026-10', received: 50, finished: 50, finished_on_time: 50 },
    ];
    // One row at a time: a multi-row insert would write NULL (not the column default) where a row omits a column.
    for (const row of counters) await t.db.insertInto('service_index_monthly').values(row).execute();
  });
  afterAll(async () => t?.close());

  const call = (headers: Record<string, string>, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('runs template → round → fill, autofill, submit, return, resubmit, accept → aggregate → Excel and PDF', async () => {
    // Template, then a second version; a stale version is refused.
    const created = await call(province, 'POST', '/api/reports/templates', { code: 'BC-TTHC-THANG', name: 'Báo cáo tình hình giải quyết TTHC', regime: 'monthly', document: MONTHLY_TEMPLATE });
    expect(created.statusCode).toBe(201);
    const template = created.json();
    expect(template).toMatchObject({ code: 'BC-TTHC-THANG', version: 1, status: 'active', ownerUnit: { id: setup.province } });
    const renamed = await call(province, 'PUT', `/api/reports/templates/${template.id}`, { name: 'Báo cáo tháng về giải quyết TTHC', regime: 'monthly', document: MONTHLY_TEMPLATE, expectedVersion: 1 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ version: 2, name: 'Báo cáo tháng về giải quyết TTHC' });
    expect(renamed.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const stale = await call(province, 'PUT', `/api/reports/templates/${template.id}`, { name: 'X', regime: 'monthly', document: MONTHLY_TEMPLATE, expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('REPORT_CHANGED');

    // A round for the two communes.
    const roundResponse = await call(province, 'POST', '/api/reports/rounds', { templateId: template.id, periodFrom: '2026-11-01', periodTo: '2026-11-30', dueDate: '2026-12-05', unitIds: [setup.communeA, setup.communeB] });
    expect(roundResponse.statusCode).toBe(201);
    const round = roundResponse.json();
    expect(round.round).toMatchObject({ periodLabel: 'Tháng 11/2026', total: 2, counts: { pending: 2 }, template: { version: 2 } });
    const assignmentA = round.assignments.find((a: { unit: { id: number } }) => a.unit.id === setup.communeA).id;
    const assignmentB = round.assignments.find((a: { unit: { id: number } }) => a.unit.id === setup.communeB).id;

    // Commune A sees its report, filled from the platform's figures for November only.
    const mine = (await call(communeA, 'GET', '/api/reports/assignments')).json();
    expect(mine.items.map((a: { id: number }) => a.id)).toEqual([assignmentA]);
    const opened = (await call(communeA, 'GET', `/api/reports/assignments/${assignmentA}`)).json();
    expect(opened.autofilled).toEqual({ r1: { c1: 10 }, r2: { c1: 8 }, r3: { c1: 6 } });
    expect(opened.data.r1).toEqual({ c1: 10, c2: null });
    expect(opened.computed.r4).toEqual({ c1: 75, c2: null });
    expect(opened.problems.map((p: { path: string }) => p.path)).toEqual(['/data/r1/c2', '/data/r2/c2', '/data/r3/c2']);
    expect(opened).toMatchObject({ status: 'pending', currentVersion: 0, canEdit: true, canReview: false });

    // Save a draft: the client's formula value is ignored.
    const figuresA = { r1: { c1: 10, c2: 110 }, r2: { c1: 8, c2: 100 }, r3: { c1: 6, c2: 90 }, r4: { c1: 999 }, r5: { c1: 3 }, r6: { c1: 'Đề nghị bổ sung máy quét' } };
    const saved = await call(communeA, 'PUT', `/api/reports/assignments/${assignmentA}`, { data: figuresA, expectedVersion: 0, note: 'Nhập lần đầu' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft', currentVersion: 1, problems: [] });
    expect(saved.json().data.r4).toBeUndefined();
    expect(saved.json().computed.r4).toEqual({ c1: 75, c2: 90 });

    // A submission breaking a rule and the integer type is refused with the cells' paths; nothing changes.
    const bad = await call(communeA, 'POST', `/api/reports/assignments/${assignmentA}/submit`, { data: { ...figuresA, r1: { c1: 7.5, c2: 110 } }, expectedVersion: 1 });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().code).toBe('REPORT_INVALID');
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['/data/r1/c1', '/data/r2/c1']);
    expect(bad.json().errors[1].message).toBe('Số đã giải quyết không được lớn hơn số tiếp nhận.');
    expect((await t.db.selectFrom('report_assignments').select(['status', 'current_version']).where('id', '=', assignmentA).executeTakeFirstOrThrow())).toEqual({ status: 'draft', current_version: 1 });

    // Submit; the province officer is told.
    const submitted = await call(communeA, 'POST', `/api/reports/assignments/${assignmentA}/submit`, { data: figuresA, expectedVersion: 1 });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', currentVersion: 2, canEdit: false });
    const toProvince = await t.db.selectFrom('notifications').select(['subject', 'link']).where('user_id', '=', setup.officer.id).execute();
    expect(toProvince).toEqual([{ subject: 'Phường Điện Biên Phủ đã gửi báo cáo Tháng 11/2026', link: `${t.config.publicUrl}/office/reports/assignments/${assignmentA}` }]);
    expect((await call(communeA, 'PUT', `/api/reports/assignments/${assignmentA}`, { data: figuresA, expectedVersion: 2 })).json().code).toBe('REPORT_NOT_EDITABLE');

    // Returned with a comment (required), then corrected and resubmitted, then accepted.
    const noComment = await call(province, 'POST', `/api/reports/assignments/${assignmentA}/review`, { decision: 'return', expectedVersion: 2 });
    expect(noComment.statusCode).toBe(422);
    expect(noComment.json()).toMatchObject({ code: 'REPORT_COMMENT_REQUIRED', errors: [{ path: '/comment' }] });
    const returned = await call(province, 'POST', `/api/reports/assignments/${assignmentA}/review`, { decision: 'return', comment: 'Số lũy kế chưa khớp với tháng 10.', expectedVersion: 2 });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: 'Số lũy kế chưa khớp với tháng 10.' });
    const toCommune = await t.db.selectFrom('notifications').select(['subject', 'body']).where('user_id', '=', setup.officerA.id).execute();
    expect(toCommune).toHaveLength(1);
    expect(toCommune[0]).toMatchObject({ subject: 'Báo cáo Tháng 11/2026 bị trả lại' });
    expect(toCommune[0]!.body).toContain('Số lũy kế chưa khớp với tháng 10.');
    const corrected = { ...figuresA, r1: { c1: 10, c2: 60 }, r2: { c1: 8, c2: 58 }, r3: { c1: 6, c2: 56 } };
    expect((await call(communeA, 'POST', `/api/reports/assignments/${assignmentA}/submit`, { data: corrected, expectedVersion: 2 })).json()).toMatchObject({ status: 'submitted', currentVersion: 3 });
    const accepted = await call(province, 'POST', `/api/reports/assignments/${assignmentA}/review`, { decision: 'accept', expectedVersion: 3 });
    expect(accepted.json()).toMatchObject({ status: 'accepted', canReview: false });

    // Before commune B is accepted the aggregate says who is missing.
    const partial = (await call(province, 'GET', `/api/reports/rounds/${round.round.id}/aggregate`)).json();
    expect(partial.includedUnits.map((u: { id: number }) => u.id)).toEqual([setup.communeA]);
    expect(partial.pendingUnits).toEqual([{ id: setup.communeB, code: '000.02.50.H18', name: 'Phường Mường Thanh', status: 'pending' }]);

    const figuresB = { r1: { c1: 20, c2: 140 }, r2: { c1: 12, c2: 102 }, r3: { c1: 9, c2: 80 }, r5: { c1: 5 } };
    expect((await call(communeB, 'POST', `/api/reports/assignments/${assignmentB}/submit`, { data: figuresB, expectedVersion: 0 })).json()).toMatchObject({ status: 'submitted', currentVersion: 1 });
    expect((await call(province, 'POST', `/api/reports/assignments/${assignmentB}/review`, { decision: 'accept', expectedVersion: 1 })).statusCode).toBe(200);

    // The aggregate: sums, an average, formula rows recomputed from the sums (not summed), text not aggregated.
    const aggregate = (await call(province, 'GET', `/api/reports/rounds/${round.round.id}/aggregate`)).json();
    expect(aggregate.values).toEqual({
      r1: { c1: 30, c2: 200 },
      r2: { c1: 20, c2: 160 },
      r3: { c1: 15, c2: 136 },
      r4: { c1: 75, c2: 85 },
      r5: { c1: 4, c2: null },
      r6: { c1: null, c2: null },
    });
    expect(aggregate.includedUnits.map((u: { id: number }) => u.id)).toEqual([setup.communeA, setup.communeB]);
    expect(aggregate.pendingUnits).toEqual([]);
    const ofCommune = (await call(province, 'GET', `/api/reports/rounds/${round.round.id}/aggregate?unit=${setup.communeB}`)).json();
    expect(ofCommune.values.r1).toEqual({ c1: 20, c2: 140 });

    // History: every version and every event.
    const history = (await call(province, 'GET', `/api/reports/assignments/${assignmentA}`)).json();
    expect(history.versions.map((v: { version: number; kind: string }) => `${v.version}:${v.kind}`)).toEqual(['3:submitted', '2:submitted', '1:draft']);
    expect(history.events.map((e: { action: string }) => e.action)).toEqual(['assigned', 'saved', 'submitted', 'returned', 'submitted', 'accepted']);
    const first = (await call(communeA, 'GET', `/api/reports/assignments/${assignmentA}/versions/1`)).json();
    expect(first).toMatchObject({ version: 1, kind: 'draft', note: 'Nhập lần đầu', createdBy: 'Quàng Văn Phường', computed: { r4: { c1: 75, c2: 90 } } });
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'report%').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['report_template.create', 'report_template.update', 'report_round.create', 'report.saved', 'report.submitted', 'report.returned', 'report.accepted']));

    // Excel of the aggregate, read back.
    const xlsx = await call(province, 'GET', `/api/reports/rounds/${round.round.id}/aggregate.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(REPORT_SHEET)!;
    expect(sheet.getCell('A1').value).toBe('BÁO CÁO THÁNG VỀ GIẢI QUYẾT TTHC — TỔNG HỢP (BC-TTHC-THANG)');
    expect(sheet.getCell('A2').value).toBe('Đơn vị: UBND tỉnh Điện Biên');
    expect(sheet.getCell('A3').value).toBe('Kỳ báo cáo: Tháng 11/2026 (từ ngày 01/11/2026 đến ngày 30/11/2026)');
    expect(sheet.getCell('A4').value).toBe('Hạn gửi: 05/12/2026');
    expect(sheet.getCell('A5').value).toBe('Tình trạng: Tổng hợp 2/2 đơn vị đã được chấp nhận');
    expect(sheet.getRow(REPORT_HEADER_ROW).values).toEqual([undefined, 'STT', 'Mã', 'Chỉ tiêu', 'Đơn vị tính', 'Kỳ này', 'Lũy kế từ đầu năm']);
    expect(sheet.getRow(REPORT_HEADER_ROW + 4).values).toEqual([undefined, 4, 'r4', 'Tỷ lệ giải quyết đúng hạn', '%', 75, 85]);

    // PDF of commune A's report, text read back with pdf.js.
    const pdf = await call(communeA, 'GET', `/api/reports/assignments/${assignmentA}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await extractPdfText(pdf.rawPayload);
    for (const expected of ['BÁO CÁO THÁNG VỀ GIẢI QUYẾT TTHC', 'Phường Điện Biên Phủ', 'Tháng 11/2026', 'Hạn gửi: 05/12/2026', 'Số hồ sơ giải quyết đúng hạn', 'Tỷ lệ giải quyết đúng hạn', 'Đề nghị bổ sung máy quét', 'Tình trạng: Đã chấp nhận — phiên bản 3']) {
      expect(text).toContain(expected);
    }
    const aggregatePdf = await call(province, 'GET', `/api/reports/rounds/${round.round.id}/aggregate.pdf`);
    expect(await extractPdfText(aggregatePdf.rawPayload)).toContain('Đơn vị đã tổng hợp: Phường Điện Biên Phủ; Phường Mường Thanh');
  });
});
