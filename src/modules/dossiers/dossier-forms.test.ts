import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer } from '../../../test/support/fixtures.js';
import { act, fileOnline, getDossier, setUpOneStop, uploadFile, type OneStopWorld, type Person } from '../../../test/support/one-stop.js';
import { extractPdfText, findQrCodeOnPage } from '../../../test/support/pdf.js';
import { formatLongDateTime, formatShortDateTime } from '../../platform/pdf/index.js';
import { placeNameOf } from './dossier-forms.js';

const CENTRE = '000.00.30.H18';
const JUSTICE = '000.00.05.H18';
/** A local date (Asia/Ho_Chi_Minh) `offsetDays` from today, as yyyy-MM-dd. */
const localDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
/** Register cells wrap long codes at a dash; compare without white space. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('place name of the forms', () => {
  it('is the province name without its body prefix', () => {
    expect(placeNameOf('UBND tỉnh Điện Biên')).toBe('Điện Biên');
    expect(placeNameOf('Ủy ban nhân dân thành phố Hà Nội')).toBe('Hà Nội');
    expect(placeNameOf('Điện Biên')).toBe('Điện Biên');
  });
});

describe.each(DIALECTS)('one-stop forms of a dossier on %s', (dialect) => {
  let t: TestApp;
  let w: OneStopWorld;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpOneStop(t.db);
  });
  afterAll(async () => t?.close());

  const getForm = (person: Person, code: string, form: string) =>
    t.app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(code)}/forms/${form}`, headers: bearer(person.token) });

  async function pdfOf(person: Person, code: string, form: string): Promise<{ pdf: Buffer; text: string }> {
    const response = await getForm(person, code, form);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`inline; filename="${form}-${code}.pdf"`);
    const pdf = response.rawPayload;
    return { pdf, text: await extractPdfText(pdf) };
  }

  async function filed(): Promise<string> {
    const response = await fileOnline(t.app, w.citizen);
    expect(response.statusCode, response.body).toBe(201);
    return response.json().code;
  }

  async function received(): Promise<string> {
    const code = await filed();
    const response = await act(t.app, w.officer, code, { action: 'receive' });
    expect(response.statusCode, response.body).toBe(200);
    return code;
  }

  function expectNotFound(response: Awaited<ReturnType<typeof getForm>>) {
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().code).toBe('NOT_FOUND');
  }

  it('prints the receipt (form 01) once received: documents, both times, the receiving officer and a QR code to tracking', async () => {
    const code = await filed();
    expectNotFound(await getForm(w.citizen, code, 'receipt'));
    expect((await act(t.app, w.officer, code, { action: 'receive' })).statusCode).toBe(200);
    const detail = (await getDossier(t.app, w.citizen, code)).json();

    const { pdf, text } = await pdfOf(w.citizen, code, 'receipt');
    expect(text).toContain('UBND TỈNH ĐIỆN BIÊN');
    expect(text).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH');
    expect(text).toContain('Điện Biên, ngày');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ: ${code}`);
    expect(text).toContain('Ông/Bà: Lò Thị Thanh');
    expect(text).toContain('Nội dung yêu cầu giải quyết: Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam');
    expect(text).toContain('1 Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp Bản điện tử 1');
    expect(text).toContain('3. Thời gian giải quyết hồ sơ theo quy định: 10 ngày làm việc');
    expect(text).toContain(`4. Thời gian nhận hồ sơ: ${formatLongDateTime(new Date(detail.receivedAt))}`);
    expect(text).toContain(`5. Thời gian trả kết quả giải quyết hồ sơ: ${formatLongDateTime(new Date(detail.originalDueAt))}`);
    expect(text).toContain('Quàng Thị Mai');
    expect(await findQrCodeOnPage(pdf, 1)).toBe(`${t.config.publicUrl}/tracking/${code}`);
  });

  it('lists papers handed in at the counter on the receipt of a counter filing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: bearer(w.officer.token),
      payload: {
        procedureCode: '2.000488',
        channel: 'counter',
        applicant: { fullName: 'Điêu Thị Hồng Nhung', identityNumber: '011195006789', phone: '0912 345 678', address: 'Bản Noong Bua, phường Điện Biên Phủ' },
        form: { hoTen: 'Điêu Thị Hồng Nhung', ngaySinh: '1995-06-01' },
        attachments: [],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { text } = await pdfOf(w.officer, response.json().code, 'receipt');
    expect(text).toContain('Ông/Bà: Điêu Thị Hồng Nhung');
    expect(text).toContain('Địa chỉ: Bản Noong Bua, phường Điện Biên Phủ');
    expect(text).toContain('1 Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp Bản chính 1');
  });

  it('prints the supplement request (form 02) with the items of the latest request', async () => {
    const code = await filed();
    expectNotFound(await getForm(w.citizen, code, 'supplement-request'));
    expect((await act(t.app, w.officer, code, { action: 'request_supplement', items: ['Ảnh chân dung cũ'] })).statusCode).toBe(200);
    expect((await act(t.app, w.citizen, code, { action: 'supplement' })).statusCode).toBe(200);
    const items = ['Tờ khai còn thiếu chữ ký của người yêu cầu.', 'Bổ sung bản chụp Căn cước còn thời hạn.'];
    const requested = await act(t.app, w.officer, code, { action: 'request_supplement', items, note: 'Hồ sơ chưa đủ thành phần theo quy định.' });
    expect(requested.statusCode, requested.body).toBe(200);

    const { text } = await pdfOf(w.citizen, code, 'supplement-request');
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${code}`);
    expect(text).toContain('Hồ sơ của: Lò Thị Thanh');
    expect(text).toContain(`1. ${items[0]}`);
    expect(text).toContain(`2. ${items[1]}`);
    expect(text).not.toContain('Ảnh chân dung cũ');
    expect(text).toContain('Lý do: Hồ sơ chưa đủ thành phần theo quy định.');
    expect(text).toContain('liên hệ với Quàng Thị Mai');
  });

  it('prints the refusal (form 03) with every reason, and has no control sheet for a dossier never received', async () => {
    const code = await filed();
    expectNotFound(await getForm(w.citizen, code, 'refusal'));
    const reasons = ['Thủ tục không thuộc thẩm quyền giải quyết của Sở Tư pháp.', 'Người yêu cầu không thuộc đối tượng được cấp Phiếu lý lịch tư pháp.'];
    expect((await act(t.app, w.officer, code, { action: 'refuse_intake', reasons })).statusCode).toBe(200);

    const { text } = await pdfOf(w.citizen, code, 'refusal');
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${code}`);
    expect(text).toContain('Ông/Bà: Lò Thị Thanh');
    expect(text).toContain(`1. ${reasons[0]}`);
    expect(text).toContain(`2. ${reasons[1]}`);
    expect(text).toContain('Quàng Thị Mai');
    expectNotFound(await getForm(w.citizen, code, 'control-sheet'));
    expectNotFound(await getForm(w.citizen, code, 'receipt'));
  });

  it('prints the apology (form 04) with the reason, the missed and the new appointment', async () => {
    const code = await received();
    expectNotFound(await getForm(w.citizen, code, 'apology'));
    // The appointment has passed (as if the days had gone by): the leader must apologise and set a new one.
    const missed = new Date(Date.now() - 3_600_000);
    await t.db.updateTable('dossiers').set({ due_at: missed.toISOString() }).where('code', '=', code).execute();
    const before = (await getDossier(t.app, w.leader, code)).json();
    expect(before.allowedActions).toContain('apologise');
    expect(before.dueAt).toBe(missed.toISOString());
    const newDueAt = new Date(Date.now() + 3 * 86_400_000);
    const reason = 'Phải xác minh thông tin lý lịch tại Công an tỉnh Điện Biên.';
    const apologised = await act(t.app, w.leader, code, { action: 'apologise', reason, newDueAt: newDueAt.toISOString() });
    expect(apologised.statusCode, apologised.body).toBe(200);

    const { text } = await pdfOf(w.citizen, code, 'apology');
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ: ${code}`);
    expect(text).toContain('Ông/Bà: Lò Thị Thanh');
    expect(text).toContain(`Thời gian hẹn trả kết quả giải quyết hồ sơ: ${formatLongDateTime(new Date(before.dueAt))}`);
    expect(text).toContain(`Lý do: ${reason}`);
    expect(text).toContain(`cho Ông/Bà vào ${formatLongDateTime(newDueAt)}.`);
    expect(text).toContain('Trần Quốc Khánh');
  });

  it('prints the control sheet (form 05): each hand-over, who, when, the step deadline and how it went', async () => {
    const code = await received();
    expect((await act(t.app, w.officer, code, { action: 'forward' })).statusCode).toBe(200);
    // The examination overran its step deadline (as if the days had gone by): its hand-over is late.
    await t.db.updateTable('dossiers').set({ step_due_at: new Date(Date.now() - 3_600_000).toISOString() }).where('code', '=', code).execute();
    expect((await act(t.app, w.specialist, code, { action: 'forward' })).statusCode).toBe(200);
    const detail = (await getDossier(t.app, w.leader, code)).json();
    expect(detail.history.map((e: { timeliness: string | null }) => e.timeliness).filter(Boolean)).toEqual([expect.stringMatching(/^(early|onTime)$/), 'late']);
    const leavingReception = detail.history.find((e: { action: string; stepCode: string }) => e.action === 'forward' && e.stepCode === 'tiep_nhan');

    const { text } = await pdfOf(w.leader, code, 'control-sheet');
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain(`Mã hồ sơ: ${code}`);
    expect(text).toContain('Người nộp hồ sơ: Lò Thị Thanh');
    expect(text).toContain('Cơ quan chủ trì giải quyết: Sở Tư pháp');
    expect(text).toContain(`Thời gian hẹn trả kết quả: ${formatShortDateTime(new Date(detail.dueAt))}`);
    expect(text).toContain('Tiếp nhận hồ sơ');
    expect(text).toContain('Thẩm định hồ sơ');
    expect(text).toContain('Quàng Thị Mai');
    expect(text).toContain('Nguyễn Thị Thu Hà');
    expect(text).toContain(formatShortDateTime(new Date(leavingReception.stepDueAt)));
    expect(text).toMatch(/Trước hạn|Đúng hạn/);
    expect(text).toContain('Quá hạn');
    expect(text).toContain('đang xử lý');
  });

  it('keeps the receipt as it was at receipt when documents come later, and shows the supplement round on the control sheet', async () => {
    const code = await received();
    expect((await act(t.app, w.officer, code, { action: 'forward' })).statusCode).toBe(200);
    const requested = await act(t.app, w.specialist, code, { action: 'request_supplement', items: ['Bổ sung bản chụp giấy tờ tùy thân.'] });
    expect(requested.statusCode, requested.body).toBe(200);
    const fileId = await uploadFile(t.app, w.citizen.token, undefined, 'can-cuoc.pdf');
    const supplemented = await act(t.app, w.citizen, code, { action: 'supplement', attachments: [{ requirement: 'giay_to_tuy_than', fileId }] });
    expect(supplemented.statusCode, supplemented.body).toBe(200);

    const receipt = (await pdfOf(w.citizen, code, 'receipt')).text;
    expect(receipt).toContain('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp');
    expect(receipt).not.toContain('Bản chụp giấy tờ tùy thân');
    expect((await pdfOf(w.citizen, code, 'supplement-request')).text).toContain('1. Bổ sung bản chụp giấy tờ tùy thân.');
    const sheet = (await pdfOf(w.specialist, code, 'control-sheet')).text;
    expect(sheet).toContain('Yêu cầu bổ sung');
    expect(sheet).toContain('Bổ sung hồ sơ');
    expect(sheet).toContain('Người nộp hồ sơ Lò Thị Thanh');
  });

  it('audits an official reading a form, not the applicant reading their own', async () => {
    const code = await received();
    await pdfOf(w.citizen, code, 'receipt');
    const readsBefore = await t.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'dossier.form.read').where('entity_id', '=', code).execute();
    expect(readsBefore).toEqual([]);
    await pdfOf(w.specialist, code, 'receipt');
    const reads = await t.db.selectFrom('audit_log').select(['actor_id', 'summary']).where('action', '=', 'dossier.form.read').where('entity_id', '=', code).execute();
    expect(reads.map((r) => Number(r.actor_id))).toEqual([w.specialist.id]);
  });

  it('answers 404 to another citizen and to an official of another department, 400 to an unknown form', async () => {
    const code = await received();
    expectNotFound(await getForm(w.otherCitizen, code, 'receipt'));
    expectNotFound(await getForm(w.outsider, code, 'receipt'));
    expectNotFound(await getForm(w.citizen, 'KHONG-CO-HO-SO', 'receipt'));
    const unknown = await getForm(w.citizen, code, 'certificate');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.json().code).toBe('VALIDATION_FAILED');
    expect(unknown.json().errors.map((e: { path: string }) => e.path)).toContain('/params/form');
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/dossiers/${code}/forms/receipt` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('documents both routes in the OpenAPI document as PDF responses', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/dossiers/{code}/forms/{form}', '/api/dossiers/register']) {
      expect(Object.keys(doc.paths[path].get.responses['200'].content)).toEqual(['application/pdf']);
    }
  });

  describe('the dossier register (form 06)', () => {
    const register = (person: Person, query: Record<string, string>) =>
      t.app.inject({ method: 'GET', url: `/api/dossiers/register?${new URLSearchParams(query)}`, headers: bearer(person.token) });

    it('lists the dossiers the unit received in the period and no others', async () => {
      const inPeriod = await received();
      const earlier = await received();
      await t.db.updateTable('dossiers').set({ received_at: '2026-01-15T03:00:00.000Z' }).where('code', '=', earlier).execute();
      const notReceived = await filed();

      const response = await register(w.officer, { unit: CENTRE, from: localDay(-1), to: localDay(1) });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const text = await extractPdfText(response.rawPayload);
      expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
      expect(text).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH');
      expect(squeeze(text)).toContain(squeeze(inPeriod));
      expect(squeeze(text)).not.toContain(squeeze(earlier));
      expect(squeeze(text)).not.toContain(squeeze(notReceived));
      expect(text).toContain('Lò Thị Thanh');

      const january = await extractPdfText((await register(w.officer, { unit: CENTRE, from: '2026-01-15', to: '2026-01-15' })).rawPayload);
      expect(january).toContain('Từ ngày 15/01/2026 đến ngày 15/01/2026');
      expect(squeeze(january)).toContain(squeeze(earlier));
      expect(squeeze(january)).not.toContain(squeeze(inPeriod));

      const audit = await t.db.selectFrom('audit_log').select(['actor_id', 'entity_id']).where('action', '=', 'dossier.register.read').execute();
      expect(audit.filter((a) => Number(a.actor_id) === w.officer.id).map((a) => a.entity_id)).toEqual([CENTRE, CENTRE]);
    });

    it('gives the competent unit the dossiers it handles', async () => {
      const code = await received();
      const response = await register(w.leader, { unit: JUSTICE, from: localDay(-1), to: localDay(1) });
      expect(response.statusCode, response.body).toBe(200);
      const text = await extractPdfText(response.rawPayload);
      expect(text).toContain('SỞ TƯ PHÁP');
      expect(squeeze(text)).toContain(squeeze(code));
    });

    it('refuses officials without dossier rights on the unit (403) and unknown units (404)', async () => {
      const forbidden = await register(w.outsider, { unit: JUSTICE, from: localDay(-1), to: localDay(1) });
      expect(forbidden.statusCode).toBe(403);
      expect(forbidden.json().code).toBe('FORBIDDEN');
      expect((await register(w.citizen, { unit: CENTRE, from: localDay(-1), to: localDay(1) })).statusCode).toBe(403);
      const unknown = await register(w.officer, { unit: '999.99.99.H18', from: localDay(-1), to: localDay(1) });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().code).toBe('NOT_FOUND');
    });

    it('answers 400 for a bad period, naming the field', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ unit: CENTRE, from: '2026-03-31', to: '2026-03-01' }, '/query/to'],
        [{ unit: CENTRE, from: '2025-01-01', to: '2026-01-02' }, '/query/to'],
        [{ unit: CENTRE, from: '2026-02-30', to: '2026-03-01' }, '/query/from'],
        [{ unit: CENTRE, from: '01/03/2026', to: '2026-03-01' }, '/query/from'],
        [{ unit: CENTRE, from: '2026-03-01' }, '/query/to'],
      ];
      for (const [query, path] of cases) {
        const response = await register(w.officer, query);
        expect(response.statusCode, JSON.stringify(query)).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json().code).toBe('VALIDATION_FAILED');
        expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
      }
      // A leap year's full 366 days is still one period.
      expect((await register(w.officer, { unit: CENTRE, from: '2024-01-01', to: '2024-12-31' })).statusCode).toBe(200);
    });
  });
});
