import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer, multipartBody } from '../../../test/support/fixtures.js';
import {
  act,
  auditActionsOf,
  expectProblem,
  getDossier,
  ONE_STOP_PROCEDURE,
  oneStopProcedure,
  SAMPLE_PDF,
  setUpOneStop,
  submittedDossier,
  uploadFile,
  VALID_FORM,
  type OneStopWorld,
  type Person,
} from '../../../test/support/one-stop.js';
import { retireProcedure } from '../procedures/procedures.service.js';
import { SYSTEM } from '../users/performer.js';

const RETIRED_PROCEDURE = '2.000489';
const COUNTER_ONLY_PROCEDURE = '2.000490';
// Small enough to exceed with a few kilobytes; the sample PDF is far below it.
const UPLOAD_MAX_BYTES = 4096;

const pathsOf = (problem: { errors?: { path: string }[] }) => (problem.errors ?? []).map((e) => e.path);

describe.each(DIALECTS)('dossier input and access on %s', (dialect) => {
  let t: TestApp;
  let w: OneStopWorld;

  beforeAll(async () => {
    t = await createTestApp(dialect, { UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES) });
    w = await setUpOneStop(t.db, [
      oneStopProcedure(),
      oneStopProcedure(RETIRED_PROCEDURE, { name: 'Cấp Phiếu lý lịch tư pháp số 2 (đã bãi bỏ)' }),
      oneStopProcedure(COUNTER_ONLY_PROCEDURE, { name: 'Thủ tục chỉ nộp trực tiếp', onlineLevel: 'none' }),
    ]);
    await retireProcedure(t.db, { actorId: null, actorUsername: 'test', ip: null, requestId: null }, SYSTEM, RETIRED_PROCEDURE);
  });
  afterAll(async () => t?.close());

  const file = (person: Person, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/dossiers', headers: { ...bearer(person.token), ...headers }, payload });

  const online = async (person: Person, overrides: Record<string, unknown> = {}) => {
    const fileId = await uploadFile(t.app, person.token);
    return { procedureCode: ONE_STOP_PROCEDURE, channel: 'online', form: VALID_FORM, attachments: [{ requirement: 'to_khai', fileId }], ...overrides };
  };

  const countDossiers = async () => (await t.db.selectFrom('dossiers').select('id').execute()).length;

  describe('filing online', () => {
    it('lists every invalid form field under /form with Vietnamese messages, with the missing document, and stores nothing', async () => {
      const before = await countDossiers();
      const response = await file(w.citizen, await online(w.citizen, { form: { hoTen: 'L', ngaySinh: '12/04/1990', ghiChu: 'x' }, attachments: [] }));
      const problem = expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(pathsOf(problem)).toEqual(expect.arrayContaining(['/form/hoTen', '/form/ngaySinh', '/form/ghiChu', '/attachments']));
      const message = (path: string) => problem.errors.find((e: { path: string }) => e.path === path).message;
      expect(message('/form/hoTen')).toBe('Phải có ít nhất 2 ký tự.');
      expect(message('/form/ngaySinh')).toBe('Không đúng định dạng ngày (yyyy-MM-dd).');
      expect(message('/form/ghiChu')).toBe('Trường này không được phép.');
      expect(message('/attachments')).toBe('Thiếu thành phần hồ sơ bắt buộc: Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp.');
      expect(await countDossiers()).toBe(before);
    });

    it('answers in English with accept-language: en, naming missing fields', async () => {
      const response = await file(w.citizen, await online(w.citizen, { form: {} }), { 'accept-language': 'en' });
      const problem = expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual([
        { path: '/form/hoTen', message: 'This field is required.' },
        { path: '/form/ngaySinh', message: 'This field is required.' },
      ]);
      expect(problem.detail).toBe('The request data is invalid.');
    });

    it('refuses a missing mandatory document under /attachments', async () => {
      const fileId = await uploadFile(t.app, w.citizen.token);
      const response = await file(w.citizen, await online(w.citizen, { attachments: [{ requirement: 'giay_to_tuy_than', fileId }] }));
      const problem = expectProblem(response, 400, 'VALIDATION_FAILED');
      expect(pathsOf(problem)).toEqual(['/attachments']);
    });

    it('refuses an unknown requirement and someone else\'s file by their index', async () => {
      const mine = await uploadFile(t.app, w.citizen.token);
      const theirs = await uploadFile(t.app, w.otherCitizen.token);
      const attachments = [
        { requirement: 'to_khai', fileId: mine },
        { requirement: 'giay_khai_sinh', fileId: mine },
        { requirement: 'giay_to_tuy_than', fileId: theirs },
      ];
      const problem = expectProblem(await file(w.citizen, await online(w.citizen, { attachments })), 400, 'VALIDATION_FAILED');
      expect(pathsOf(problem)).toEqual(['/attachments/1/requirement', '/attachments/2/fileId']);
      expect(problem.errors[0].message).toBe('Thủ tục không có thành phần hồ sơ "giay_khai_sinh".');
    });

    it('refuses a file id that does not exist, and a body that breaks the request schema', async () => {
      const unknown = await online(w.citizen, { attachments: [{ requirement: 'to_khai', fileId: '6f1c2f0e-8a53-4f7e-9a54-1b2c3d4e5f60' }] });
      expect(pathsOf(expectProblem(await file(w.citizen, unknown), 400, 'VALIDATION_FAILED'))).toEqual(['/attachments/0/fileId']);
      const badChannel = expectProblem(await file(w.citizen, await online(w.citizen, { channel: 'fax' })), 400, 'VALIDATION_FAILED');
      expect(pathsOf(badChannel)).toContain('/channel');
      const noForm = await online(w.citizen);
      delete (noForm as Record<string, unknown>).form;
      expect(pathsOf(expectProblem(await file(w.citizen, noForm), 400, 'VALIDATION_FAILED'))).toContain('/form');
    });

    it('answers 404 for an unknown procedure, 409 for a retired one or one not offered online, 400 for a unit that is not competent', async () => {
      expectProblem(await file(w.citizen, await online(w.citizen, { procedureCode: '9.999999' })), 404, 'NOT_FOUND');
      const retired = expectProblem(await file(w.citizen, await online(w.citizen, { procedureCode: RETIRED_PROCEDURE })), 409, 'PROCEDURE_RETIRED');
      expect(retired.detail).toBe(`Thủ tục ${RETIRED_PROCEDURE} đã ngừng áp dụng.`);
      expectProblem(await file(w.citizen, await online(w.citizen, { procedureCode: COUNTER_ONLY_PROCEDURE })), 409, 'NOT_FILEABLE_ONLINE');
      expectProblem(await file(w.citizen, await online(w.citizen, { unitCode: '000.00.07.H18' })), 400, 'UNIT_NOT_COMPETENT');
    });

    it('refuses an official filing online with 403', async () => {
      const fileId = await uploadFile(t.app, w.officer.token);
      const response = await file(w.officer, { procedureCode: ONE_STOP_PROCEDURE, channel: 'online', form: VALID_FORM, attachments: [{ requirement: 'to_khai', fileId }] });
      expectProblem(response, 403, 'FORBIDDEN');
    });
  });

  describe('uploads', () => {
    const upload = async (content: Buffer, fileName: string) => {
      const body = await multipartBody({ file: { content, fileName, type: 'application/pdf' } });
      return t.app.inject({ method: 'POST', url: '/api/files', payload: body.payload, headers: { ...body.headers, ...bearer(w.citizen.token) } });
    };

    it('refuses a text file named .pdf with 415', async () => {
      const problem = expectProblem(await upload(Buffer.from('Đây không phải là tệp PDF.\n'.repeat(10)), 'to-khai.pdf'), 415, 'UNSUPPORTED_FILE_TYPE');
      expect(problem.detail).toContain('PDF, JPEG hoặc PNG');
    });

    it('refuses a file over UPLOAD_MAX_BYTES with 413', async () => {
      const big = Buffer.concat([SAMPLE_PDF, Buffer.alloc(2 * UPLOAD_MAX_BYTES, 0x20)]);
      expectProblem(await upload(big, 'qua-lon.pdf'), 413, 'FILE_TOO_LARGE');
    });
  });

  describe('who may see and act', () => {
    it('another citizen gets 404 on GET and on actions; the owner reads without an audit entry', async () => {
      const code = await submittedDossier(t.app, w.citizen);
      expectProblem(await getDossier(t.app, w.otherCitizen, code), 404, 'NOT_FOUND');
      expectProblem(await act(t.app, w.otherCitizen, code, { action: 'withdraw' }), 404, 'NOT_FOUND');
      expect((await getDossier(t.app, w.citizen, code)).statusCode).toBe(200);
      const reads = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', code).where('action', '=', 'dossier.read').execute();
      expect(reads).toHaveLength(0);
      expect(await auditActionsOf(t.db, code)).toEqual(['dossier.submit']);
    });

    it('an official of another department gets 404; an official of the dossier reads it, audited', async () => {
      const code = await submittedDossier(t.app, w.citizen);
      expectProblem(await getDossier(t.app, w.outsider, code), 404, 'NOT_FOUND');
      expectProblem(await act(t.app, w.outsider, code, { action: 'receive' }), 404, 'NOT_FOUND');
      expect((await getDossier(t.app, w.officer, code)).statusCode).toBe(200);
      const reads = await t.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', code).where('action', '=', 'dossier.read').execute();
      expect(reads.map((r) => Number(r.actor_id))).toEqual([w.officer.id]);
    });

    it('answers 404 for an unknown dossier code and 400 for a malformed one', async () => {
      expectProblem(await getDossier(t.app, w.officer, '000.00.30.H18-000101-9999'), 404, 'NOT_FOUND');
      expectProblem(await act(t.app, w.officer, '000.00.30.H18-000101-9999', { action: 'receive' }), 404, 'NOT_FOUND');
      expect((await getDossier(t.app, w.officer, '-bad code-')).statusCode).toBe(400);
    });

    it('refuses an unknown action with 400 on /action', async () => {
      const code = await submittedDossier(t.app, w.citizen);
      const problem = expectProblem(await act(t.app, w.officer, code, { action: 'approve_all' }), 400, 'VALIDATION_FAILED');
      expect(pathsOf(problem)).toContain('/action');
    });
  });

  describe('filing at the counter', () => {
    const counterBody = async (officer: Person, identityNumber: string, fullName = 'Lò Thị Thanh') => ({
      procedureCode: ONE_STOP_PROCEDURE,
      channel: 'counter',
      applicant: { fullName, identityNumber, phone: '0912 345 678' },
      form: VALID_FORM,
      attachments: [{ requirement: 'to_khai', fileId: await uploadFile(t.app, officer.token, undefined, 'scan-to-khai.pdf') }],
    });

    it('is received at once with the receipt, and shows in the list of the citizen with the same identity number', async () => {
      const response = await file(w.officer, await counterBody(w.officer, w.citizenIdentity));
      expect(response.statusCode, response.body).toBe(201);
      const detail = response.json();
      expect(detail).toMatchObject({ status: 'received', channel: 'counter', currentStep: { code: 'tiep_nhan' } });
      expect(detail.forms).toContain('receipt');
      expect(detail.dueAt).not.toBeNull();
      expect(detail.components).toEqual([expect.objectContaining({ requirementCode: 'to_khai', source: 'scan', digitised: true })]);
      expect(detail.history.map((e: { action: string }) => e.action)).toEqual(['submit', 'receive']);
      expect(await auditActionsOf(t.db, detail.code)).toEqual(['dossier.submit', 'dossier.receive']);

      const mine = await t.app.inject({ method: 'GET', url: '/api/dossiers', headers: bearer(w.citizen.token) });
      expect(mine.json().items.map((i: { code: string }) => i.code)).toContain(detail.code);
      expect((await getDossier(t.app, w.citizen, detail.code)).json().allowedActions).toEqual(['withdraw']);
      const theirs = await t.app.inject({ method: 'GET', url: '/api/dossiers', headers: bearer(w.otherCitizen.token) });
      expect(theirs.json().items.map((i: { code: string }) => i.code)).not.toContain(detail.code);
    });

    it('belongs to no account when no citizen has the identity number, and records unscanned papers', async () => {
      const body = await counterBody(w.officer, '001099009999', 'Mùa A Sử');
      body.attachments = [];
      const response = await file(w.officer, body);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().components).toEqual([expect.objectContaining({ requirementCode: 'to_khai', source: 'paper', fileId: null, digitised: false })]);
      const row = await t.db.selectFrom('dossiers').select('owner_user_id').where('code', '=', response.json().code).executeTakeFirstOrThrow();
      expect(row.owner_user_id).toBeNull();
    });

    it('needs the applicant (400 /applicant) and the counter role (403)', async () => {
      const body = await counterBody(w.officer, w.citizenIdentity);
      delete (body as Record<string, unknown>).applicant;
      expect(pathsOf(expectProblem(await file(w.officer, body), 400, 'VALIDATION_FAILED'))).toEqual(['/applicant']);
      expectProblem(await file(w.specialist, await counterBody(w.specialist, w.citizenIdentity)), 403, 'FORBIDDEN');
      expectProblem(await file(w.citizen, await counterBody(w.citizen, w.citizenIdentity)), 403, 'FORBIDDEN');
    });
  });
});
