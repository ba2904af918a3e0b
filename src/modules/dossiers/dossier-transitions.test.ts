import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import {
  act,
  auditActionsOf,
  dossierAt,
  expectProblem,
  getDossier,
  ONE_STOP_PROCEDURE,
  setUpOneStop,
  submittedDossier,
  uploadFile,
  VALID_FORM,
  type OneStopWorld,
  type Person,
} from '../../../test/support/one-stop.js';
import { bearer } from '../../../test/support/fixtures.js';
import { getWorkingCalendar } from '../calendar/unit-calendar.js';

interface HistoryEntry {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  stepCode: string | null;
  at: string;
  reasons?: string[];
  items?: string[];
  newDueAt?: string;
  timeliness: string | null;
  files: { fileId: string; name: string }[];
}

const lastEvent = (detail: { history: HistoryEntry[] }) => detail.history[detail.history.length - 1];

describe.each(DIALECTS)('dossier transitions on %s', (dialect) => {
  let t: TestApp;
  let w: OneStopWorld;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpOneStop(t.db);
  });
  afterAll(async () => t?.close());

  const detailOf = async (person: Person, code: string) => {
    const response = await getDossier(t.app, person, code);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  /** The action is refused with 409, and the problem lists exactly what GET offers the same person. */
  const expectNotAllowed = async (person: Person, code: string, body: Record<string, unknown>) => {
    const problem = expectProblem(await act(t.app, person, code, body), 409, 'ACTION_NOT_ALLOWED');
    expect(problem.allowedActions).toEqual((await detailOf(person, code)).allowedActions);
    return problem;
  };

  const notificationsOf = (userId: number) =>
    t.db.selectFrom('notifications').select(['subject', 'body']).where('user_id', '=', userId).orderBy('id').execute();

  describe('intake', () => {
    it('receive: submitted → received at the first step, with the deadline, receipt, event and audit entry', async () => {
      const code = await submittedDossier(t.app, w.citizen);
      const response = await act(t.app, w.officer, code, { action: 'receive' });
      expect(response.statusCode, response.body).toBe(200);
      const detail = response.json();
      expect(detail).toMatchObject({ status: 'received', statusNumber: 2, currentStep: { code: 'tiep_nhan', role: 'one_stop_officer' } });
      expect(detail.receivedAt).not.toBeNull();
      expect(detail.dueAt).not.toBeNull();
      expect(detail.originalDueAt).toBe(detail.dueAt);
      expect(detail.forms).toEqual(expect.arrayContaining(['receipt', 'control-sheet']));
      expect(lastEvent(detail)).toMatchObject({ action: 'receive', fromStatus: 'submitted', toStatus: 'received' });
      expect(await auditActionsOf(t.db, code)).toEqual(['dossier.submit', 'dossier.receive']);
      expect((await notificationsOf(w.citizen.id)).some((n) => n.subject === `Hồ sơ ${code} đã được tiếp nhận`)).toBe(true);
    });

    it('receive: refused in the wrong status, for the wrong role (specialist) and for someone who may not read (404)', async () => {
      const code = await dossierAt(t.app, w, 'received');
      const problem = await expectNotAllowed(w.officer, code, { action: 'receive' });
      expect(problem.allowedActions).toEqual(expect.arrayContaining(['forward', 'stop']));
      expect(problem.allowedActions).not.toContain('receive');

      const fresh = await submittedDossier(t.app, w.citizen);
      expect((await expectNotAllowed(w.specialist, fresh, { action: 'receive' })).allowedActions).toEqual([]);
      expectProblem(await act(t.app, w.outsider, fresh, { action: 'receive' }), 404, 'NOT_FOUND');
      expectProblem(await act(t.app, w.otherCitizen, fresh, { action: 'receive' }), 404, 'NOT_FOUND');
      expect(await auditActionsOf(t.db, fresh)).toEqual(['dossier.submit']);
    });

    it('refuse_intake: needs reasons; then refused_intake with the reasons, refusal slip and a notification', async () => {
      const code = await submittedDossier(t.app, w.citizen);
      const missing = expectProblem(await act(t.app, w.officer, code, { action: 'refuse_intake' }), 400, 'VALIDATION_FAILED');
      expect(missing.errors).toEqual([{ path: '/reasons', message: 'Bắt buộc nhập lý do.' }]);
      const empty = expectProblem(await act(t.app, w.officer, code, { action: 'refuse_intake', reasons: [] }), 400, 'VALIDATION_FAILED');
      expect(empty.errors[0].path).toBe('/reasons');

      const reasons = ['Thủ tục không thuộc thẩm quyền của Sở Tư pháp'];
      const response = await act(t.app, w.officer, code, { action: 'refuse_intake', reasons });
      expect(response.statusCode, response.body).toBe(200);
      const detail = response.json();
      expect(detail).toMatchObject({ status: 'refused_intake', statusNumber: 3, currentStep: null, allowedActions: [] });
      expect(detail.finishedAt).not.toBeNull();
      expect(detail.forms).toContain('refusal');
      expect(lastEvent(detail)).toMatchObject({ action: 'refuse_intake', fromStatus: 'submitted', toStatus: 'refused_intake', reasons });
      expect(await auditActionsOf(t.db, code)).toEqual(['dossier.submit', 'dossier.refuse_intake']);
      const notice = (await notificationsOf(w.citizen.id)).find((n) => n.subject === `Hồ sơ ${code} không được tiếp nhận`);
      expect(notice?.body).toContain(reasons[0]);
      // Finished: nobody may act any more, not even the applicant.
      expect((await expectNotAllowed(w.citizen, code, { action: 'withdraw' })).allowedActions).toEqual([]);
    });

    it('refuse_intake: not by the specialist, not after reception', async () => {
      const code = await submittedDossier(t.app, w.citizen);
      await expectNotAllowed(w.specialist, code, { action: 'refuse_intake', reasons: ['Thiếu giấy tờ'] });
      await act(t.app, w.officer, code, { action: 'receive' });
      await expectNotAllowed(w.officer, code, { action: 'refuse_intake', reasons: ['Thiếu giấy tờ'] });
    });
  });

  describe('supplements', () => {
    it('request_supplement at intake needs items, pauses and counts; the citizen supplements back to submitted', async () => {
      const code = await submittedDossier(t.app, w.citizen);
      const missing = expectProblem(await act(t.app, w.officer, code, { action: 'request_supplement' }), 400, 'VALIDATION_FAILED');
      expect(missing.errors.map((e: { path: string }) => e.path)).toEqual(['/items']);

      const items = ['Bản chụp căn cước công dân còn hiệu lực'];
      const requested = await act(t.app, w.officer, code, { action: 'request_supplement', items });
      expect(requested.statusCode, requested.body).toBe(200);
      expect(requested.json()).toMatchObject({ status: 'supplement_requested', statusNumber: 5, supplementRequests: 1 });
      expect(requested.json().pausedAt).not.toBeNull();
      expect(requested.json().forms).toContain('supplement-request');
      expect(lastEvent(requested.json())).toMatchObject({ action: 'request_supplement', items });
      expect((await detailOf(w.citizen, code)).allowedActions).toEqual(['supplement', 'withdraw']);

      const fileId = await uploadFile(t.app, w.citizen.token, undefined, 'can-cuoc.pdf');
      const supplemented = await act(t.app, w.citizen, code, { action: 'supplement', attachments: [{ requirement: 'giay_to_tuy_than', fileId }] });
      expect(supplemented.statusCode, supplemented.body).toBe(200);
      expect(supplemented.json()).toMatchObject({ status: 'submitted', pausedAt: null, supplementRequests: 1 });
      expect(await auditActionsOf(t.db, code)).toEqual(['dossier.submit', 'dossier.request_supplement', 'dossier.supplement']);
    });

    it('request_supplement during processing: the clock pauses; the supplement resumes at the target step with the deadline moved by the pause', async () => {
      const code = await dossierAt(t.app, w, 'tham_dinh');
      const before = await detailOf(w.specialist, code);
      const requested = await act(t.app, w.specialist, code, { action: 'request_supplement', items: ['Tờ khai ký đủ chữ ký'] });
      expect(requested.statusCode, requested.body).toBe(200);
      expect(requested.json()).toMatchObject({ status: 'supplement_requested', supplementRequests: 1 });
      expect(requested.json().pausedAt).not.toBeNull();
      expect(lastEvent(requested.json())).toMatchObject({ action: 'request_supplement', fromStatus: 'processing', stepCode: 'tham_dinh' });
      // Wrong status: the specialist cannot forward a dossier that waits for the citizen; the citizen cannot forward at all.
      await expectNotAllowed(w.specialist, code, { action: 'forward' });
      await expectNotAllowed(w.citizen, code, { action: 'forward' });
      // The test runs at any hour: a pause of a few milliseconds, or one outside office hours, lasts no working
      // time. Moving the start of the pause three weeks back in the database gives it working days even across Tết.
      const pausedAt = new Date(Date.now() - 21 * 24 * 3_600_000);
      await t.db.updateTable('dossiers').set({ paused_at: pausedAt.toISOString() }).where('code', '=', code).execute();

      const fileId = await uploadFile(t.app, w.citizen.token, undefined, 'to-khai-moi.pdf');
      const supplemented = await act(t.app, w.citizen, code, { action: 'supplement', attachments: [{ requirement: 'to_khai', fileId }] });
      expect(supplemented.statusCode, supplemented.body).toBe(200);
      const detail = supplemented.json();
      expect(detail).toMatchObject({ status: 'processing', pausedAt: null, currentStep: { code: 'tiep_nhan' }, supplementRequests: 1 });
      const calendar = await getWorkingCalendar(t.db, w.units.justice);
      const resumedAt = new Date(lastEvent(detail).at);
      const paused = calendar.workingMsBetween(pausedAt, resumedAt);
      expect(paused).toBeGreaterThan(0);
      expect(detail.dueAt).toBe(calendar.addWorkingMs(new Date(before.dueAt), paused).toISOString());
      expect(new Date(detail.dueAt).getTime()).toBeGreaterThan(new Date(before.dueAt).getTime());
      expect(detail.originalDueAt).toBe(before.originalDueAt);
      expect(lastEvent(detail)).toMatchObject({ action: 'supplement', fromStatus: 'supplement_requested', toStatus: 'processing' });
      expect(lastEvent(detail).files.map((f: { fileId: string }) => f.fileId)).toEqual([fileId]);
      expect(detail.components.map((c: { fileId: string }) => c.fileId)).toContain(fileId);
      expect(await auditActionsOf(t.db, code)).toEqual(expect.arrayContaining(['dossier.request_supplement', 'dossier.supplement']));
      // The one-stop desk acts again at the target step.
      expect((await detailOf(w.officer, code)).allowedActions).toContain('forward');
    });

    it('supplement: by the applicant or the receiving desk, only while requested, and with files they may use', async () => {
      const code = await submittedDossier(t.app, w.citizen);
      await expectNotAllowed(w.citizen, code, { action: 'supplement' });
      await act(t.app, w.officer, code, { action: 'request_supplement', items: ['Tờ khai'] });
      expect(expectProblem(await act(t.app, w.specialist, code, { action: 'supplement' }), 409, 'ACTION_NOT_ALLOWED').allowedActions).toEqual([]);
      const foreign = await uploadFile(t.app, w.otherCitizen.token);
      const problem = expectProblem(
        await act(t.app, w.citizen, code, { action: 'supplement', attachments: [{ requirement: 'to_khai', fileId: foreign }] }),
        400,
        'VALIDATION_FAILED',
      );
      expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['/attachments/0/fileId']);
      const badForm = expectProblem(await act(t.app, w.citizen, code, { action: 'supplement', form: { hoTen: 'L' } }), 400, 'VALIDATION_FAILED');
      expect(badForm.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/form/hoTen', '/form/ngaySinh']);
      expect((await detailOf(w.citizen, code)).status).toBe('supplement_requested');
      const corrected = await act(t.app, w.citizen, code, { action: 'supplement', form: { hoTen: 'Lò Thị Thanh', ngaySinh: '1990-04-13' } });
      expect(corrected.statusCode, corrected.body).toBe(200);
      expect(corrected.json().form).toEqual({ hoTen: 'Lò Thị Thanh', ngaySinh: '1990-04-13' });
    });
  });

  describe('processing', () => {
    it('forward: the one-stop desk hands over to the specialist (event with the step left, audit)', async () => {
      const code = await dossierAt(t.app, w, 'received');
      const response = await act(t.app, w.officer, code, { action: 'forward', note: 'Hồ sơ đầy đủ' });
      expect(response.statusCode, response.body).toBe(200);
      const detail = response.json();
      expect(detail).toMatchObject({ status: 'processing', statusNumber: 4, currentStep: { code: 'tham_dinh', role: 'specialist' } });
      expect(lastEvent(detail)).toMatchObject({ action: 'forward', fromStatus: 'received', toStatus: 'processing', stepCode: 'tiep_nhan' });
      expect(await auditActionsOf(t.db, code)).toEqual(['dossier.submit', 'dossier.receive', 'dossier.forward']);
      expect((await detailOf(w.specialist, code)).allowedActions).toEqual(['forward', 'request_supplement', 'stop']);
    });

    it('forward: not by the citizen, not twice from the same step, not to a step the workflow does not offer', async () => {
      const code = await dossierAt(t.app, w, 'tham_dinh');
      expect((await expectNotAllowed(w.citizen, code, { action: 'forward' })).allowedActions).toEqual(['withdraw']);
      expect((await expectNotAllowed(w.officer, code, { action: 'forward' })).allowedActions).toEqual([]);
      const wrongStep = expectProblem(await act(t.app, w.specialist, code, { action: 'forward', toStep: 'tra_ket_qua' }), 400, 'VALIDATION_FAILED');
      expect(wrongStep.errors[0].path).toBe('/toStep');
    });

    it('return: the leader sends the dossier back to the examination step', async () => {
      const code = await dossierAt(t.app, w, 'phe_duyet');
      await expectNotAllowed(w.specialist, code, { action: 'return' });
      const response = await act(t.app, w.leader, code, { action: 'return', note: 'Thẩm định lại' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ status: 'processing', currentStep: { code: 'tham_dinh' } });
      expect(lastEvent(response.json())).toMatchObject({ action: 'return', stepCode: 'phe_duyet' });
      expect(await auditActionsOf(t.db, code)).toContain('dossier.return');
      await expectNotAllowed(w.leader, code, { action: 'return' });
    });

    it('approve: an electronic result needs its file; then result_ready, granted, with the result and a notice', async () => {
      const code = await dossierAt(t.app, w, 'phe_duyet');
      const missing = expectProblem(await act(t.app, w.leader, code, { action: 'approve' }), 400, 'VALIDATION_FAILED');
      expect(missing.errors.map((e: { path: string }) => e.path)).toEqual(['/resultFileId']);
      // Officer trying to approve: reads the dossier (receiving unit) but holds no role at the approval step.
      expect((await expectNotAllowed(w.officer, code, { action: 'approve' })).allowedActions).toEqual([]);
      const someoneElses = await uploadFile(t.app, w.specialist.token, undefined, 'khong-phai-cua-toi.pdf');
      const foreign = expectProblem(await act(t.app, w.leader, code, { action: 'approve', resultFileId: someoneElses }), 400, 'VALIDATION_FAILED');
      expect(foreign.errors[0].path).toBe('/resultFileId');

      const resultFileId = await uploadFile(t.app, w.leader.token, undefined, 'phieu-ly-lich.pdf');
      const response = await act(t.app, w.leader, code, { action: 'approve', resultFileId });
      expect(response.statusCode, response.body).toBe(200);
      const detail = response.json();
      expect(detail).toMatchObject({ status: 'result_ready', statusNumber: 9, outcome: 'granted', resultFileId, currentStep: { code: 'tra_ket_qua' } });
      expect(detail.finishedAt).not.toBeNull();
      expect(lastEvent(detail)).toMatchObject({ action: 'approve', fromStatus: 'processing', toStatus: 'result_ready' });
      expect(await auditActionsOf(t.db, code)).toContain('dossier.approve');
      expect((await notificationsOf(w.citizen.id)).some((n) => n.subject === `Hồ sơ ${code} đã có kết quả`)).toBe(true);
    });

    it('refuse: needs reasons; then result_ready with outcome refused', async () => {
      const code = await dossierAt(t.app, w, 'phe_duyet');
      const missing = expectProblem(await act(t.app, w.leader, code, { action: 'refuse' }), 400, 'VALIDATION_FAILED');
      expect(missing.errors.map((e: { path: string }) => e.path)).toEqual(['/reasons']);
      await expectNotAllowed(w.specialist, code, { action: 'refuse', reasons: ['Không đủ điều kiện'] });
      const reasons = ['Người yêu cầu không đủ điều kiện cấp Phiếu'];
      const response = await act(t.app, w.leader, code, { action: 'refuse', reasons });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ status: 'result_ready', outcome: 'refused', resultFileId: null });
      expect(lastEvent(response.json())).toMatchObject({ action: 'refuse', reasons });
      expect(await auditActionsOf(t.db, code)).toContain('dossier.refuse');
    });

    it('stop: a leader of the competent unit stops a dossier with reasons; not the citizen, not without reasons', async () => {
      const code = await dossierAt(t.app, w, 'tham_dinh');
      // The leader supervises the competent unit although the step is the specialist's.
      expect((await detailOf(w.leader, code)).allowedActions).toEqual(['stop']);
      const missing = expectProblem(await act(t.app, w.leader, code, { action: 'stop' }), 400, 'VALIDATION_FAILED');
      expect(missing.errors.map((e: { path: string }) => e.path)).toEqual(['/reasons']);
      await expectNotAllowed(w.citizen, code, { action: 'stop', reasons: ['Tự dừng'] });
      const reasons = ['Cơ quan có thẩm quyền yêu cầu dừng giải quyết'];
      const response = await act(t.app, w.leader, code, { action: 'stop', reasons });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ status: 'stopped', statusNumber: 8, currentStep: null, allowedActions: [] });
      expect(lastEvent(response.json())).toMatchObject({ action: 'stop', fromStatus: 'processing', toStatus: 'stopped', reasons });
      expect(await auditActionsOf(t.db, code)).toContain('dossier.stop');
      expect((await notificationsOf(w.citizen.id)).some((n) => n.subject === `Hồ sơ ${code} đã dừng xử lý`)).toBe(true);
      await expectNotAllowed(w.leader, code, { action: 'stop', reasons });
    });

    it('return_result: the one-stop desk hands over the result; only once the result is ready', async () => {
      const open = await dossierAt(t.app, w, 'tham_dinh');
      await expectNotAllowed(w.officer, open, { action: 'return_result' });
      const code = await dossierAt(t.app, w, 'result_ready');
      await expectNotAllowed(w.leader, code, { action: 'return_result' });
      await expectNotAllowed(w.citizen, code, { action: 'return_result' });
      const response = await act(t.app, w.officer, code, { action: 'return_result' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ status: 'returned', statusNumber: 10, currentStep: null, allowedActions: [] });
      expect(response.json().returnedAt).not.toBeNull();
      expect(lastEvent(response.json())).toMatchObject({ action: 'return_result', fromStatus: 'result_ready', toStatus: 'returned' });
      expect(await auditActionsOf(t.db, code)).toContain('dossier.return_result');
      await expectNotAllowed(w.officer, code, { action: 'return_result' });
    });
  });

  describe('while waiting for the citizen', () => {
    it('stop by the leader ends the pause; withdraw by the applicant too', async () => {
      const stopped = await dossierAt(t.app, w, 'tham_dinh');
      await act(t.app, w.specialist, stopped, { action: 'request_supplement', items: ['Tờ khai'] });
      expect((await detailOf(w.leader, stopped)).allowedActions).toEqual(['stop']);
      const response = await act(t.app, w.leader, stopped, { action: 'stop', reasons: ['Quá thời hạn bổ sung'] });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ status: 'stopped', pausedAt: null, currentStep: null });
      expect(lastEvent(response.json())).toMatchObject({ fromStatus: 'supplement_requested', toStatus: 'stopped' });

      const withdrawn = await dossierAt(t.app, w, 'tham_dinh');
      await act(t.app, w.specialist, withdrawn, { action: 'request_supplement', items: ['Tờ khai'] });
      const byCitizen = await act(t.app, w.citizen, withdrawn, { action: 'withdraw' });
      expect(byCitizen.statusCode, byCitizen.body).toBe(200);
      expect(byCitizen.json()).toMatchObject({ status: 'withdrawn', pausedAt: null });
      expect(await auditActionsOf(t.db, withdrawn)).toContain('dossier.withdraw');
    });
  });

  describe('apology with a chosen date', () => {
    it('takes the new appointment the leader sets, if it is later than the current one and now', async () => {
      const code = await dossierAt(t.app, w, 'phe_duyet');
      // Made late in the database, as above.
      const lateDue = new Date(Date.now() - 3_600_000).toISOString();
      await t.db.updateTable('dossiers').set({ due_at: lateDue }).where('code', '=', code).execute();
      const past = expectProblem(
        await act(t.app, w.leader, code, { action: 'apologise', reason: 'Chậm', newDueAt: new Date(Date.now() - 60_000).toISOString() }),
        400,
        'VALIDATION_FAILED',
      );
      expect(past.errors).toEqual([{ path: '/newDueAt', message: 'Bắt buộc nhập ngày hẹn trả mới (sau ngày hẹn hiện tại).' }]);
      const newDueAt = new Date(Date.now() + 5 * 24 * 3_600_000).toISOString();
      const response = await act(t.app, w.leader, code, { action: 'apologise', reason: 'Chờ ý kiến của Sở Công an', newDueAt });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().dueAt).toBe(newDueAt);
      expect(response.json().originalDueAt).not.toBe(newDueAt);
      expect(lastEvent(response.json())).toMatchObject({ action: 'apologise', newDueAt, reason: 'Chờ ý kiến của Sở Công an' });
    });
  });

  describe('supplement at the one-stop desk', () => {
    let code = '';

    it('a counter dossier of someone without a portal account waits for a supplement', async () => {
      const scan = await uploadFile(t.app, w.officer.token, undefined, 'scan-to-khai.pdf');
      const filed = await t.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        headers: bearer(w.officer.token),
        payload: { procedureCode: ONE_STOP_PROCEDURE, channel: 'counter', applicant: { fullName: 'Mùa A Sử', identityNumber: '001099007777' }, form: VALID_FORM, attachments: [{ requirement: 'to_khai', fileId: scan }] },
      });
      expect(filed.statusCode, filed.body).toBe(201);
      code = filed.json().code;
      expect((await act(t.app, w.officer, code, { action: 'forward' })).statusCode).toBe(200);
      expect((await act(t.app, w.specialist, code, { action: 'request_supplement', items: ['Bản sao giấy khai sinh'] })).statusCode).toBe(200);
      expect((await detailOf(w.officer, code)).status).toBe('supplement_requested');
    });

    // The supplement notice tells the applicant to bring the papers "tại Bộ phận Một cửa": the desk records them,
    // also for a counter dossier of someone without a portal account.
    it('the one-stop officer may record the supplement the applicant brings to the desk', async () => {
      expect(code).not.toBe('');
      expect((await detailOf(w.officer, code)).allowedActions).toContain('supplement');
    });

    it('the desk records it with a scan and the dossier resumes at the workflow target step', async () => {
      expect(code).not.toBe('');
      const scan = await uploadFile(t.app, w.officer.token, undefined, 'scan-giay-khai-sinh.pdf');
      const response = await act(t.app, w.officer, code, { action: 'supplement', attachments: [{ requirement: 'giay_to_tuy_than', fileId: scan }] });
      expect(response.statusCode, response.body).toBe(200);
      const detail = response.json();
      expect(detail).toMatchObject({ status: 'processing', pausedAt: null, currentStep: { code: 'tiep_nhan' } });
      expect(detail.components).toContainEqual(expect.objectContaining({ requirementCode: 'giay_to_tuy_than', fileId: scan, source: 'scan' }));
      expect(lastEvent(detail)).toMatchObject({ action: 'supplement', fromStatus: 'supplement_requested', toStatus: 'processing' });
      expect(await auditActionsOf(t.db, code)).toContain('dossier.supplement');
    });
  });

  describe('timeliness', () => {
    it('a result approved after the appointment is late, and so is the step it leaves', async () => {
      const code = await dossierAt(t.app, w, 'phe_duyet');
      // Both deadlines are moved into the past in the database rather than waiting for them.
      const past = new Date(Date.now() - 3_600_000).toISOString();
      await t.db.updateTable('dossiers').set({ due_at: past, step_due_at: past }).where('code', '=', code).execute();
      const resultFileId = await uploadFile(t.app, w.leader.token, undefined, 'ket-qua-muon.pdf');
      const response = await act(t.app, w.leader, code, { action: 'approve', resultFileId });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().timeliness).toBe('late');
      expect(lastEvent(response.json())).toMatchObject({ action: 'approve', timeliness: 'late' });
    });
  });

  describe('applicant', () => {
    it('withdraw from submitted', async () => {
      const code = await submittedDossier(t.app, w.citizen);
      await expectNotAllowed(w.officer, code, { action: 'withdraw' });
      const response = await act(t.app, w.citizen, code, { action: 'withdraw', note: 'Tôi không cần nữa' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ status: 'withdrawn', statusNumber: 7, allowedActions: [] });
      expect(response.json().finishedAt).not.toBeNull();
      expect(lastEvent(response.json())).toMatchObject({ action: 'withdraw', fromStatus: 'submitted', toStatus: 'withdrawn' });
      expect(await auditActionsOf(t.db, code)).toEqual(['dossier.submit', 'dossier.withdraw']);
    });

    it('withdraw from processing leaves the workflow; not after the result is ready', async () => {
      const code = await dossierAt(t.app, w, 'tham_dinh');
      const response = await act(t.app, w.citizen, code, { action: 'withdraw' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ status: 'withdrawn', currentStep: null });
      expect(lastEvent(response.json())).toMatchObject({ action: 'withdraw', fromStatus: 'processing', stepCode: 'tham_dinh' });
      expect(await auditActionsOf(t.db, code)).toContain('dossier.withdraw');
      expect((await expectNotAllowed(w.specialist, code, { action: 'forward' })).allowedActions).toEqual([]);

      const ready = await dossierAt(t.app, w, 'result_ready');
      expect((await expectNotAllowed(w.citizen, ready, { action: 'withdraw' })).allowedActions).toEqual([]);
    });
  });

  describe('apology', () => {
    // The catalogue counts a working day as 8 hours (validate-procedure.ts) while the default office day is 7.5 hours:
    // the sample workflow (4 h + 7 d + 2 d + 4 h) is 75.5 real hours against 75. Step budgets are shares of the legal
    // time (deadlines.ts stepBudgetMs), so a freshly received dossier is on track.
    it('is not predicted late the moment it is received when the workflow fits the processing time', async () => {
      const code = await dossierAt(t.app, w, 'received');
      const detail = await detailOf(w.officer, code);
      expect(detail.proposedDueAt).toBeNull();
      expect(detail.allowedActions).toEqual(['forward', 'stop']);
    });

    it('is not offered while the dossier is on track', async () => {
      const code = await dossierAt(t.app, w, 'tham_dinh');
      const detail = await detailOf(w.leader, code);
      expect(detail.proposedDueAt).toBeNull();
      await expectNotAllowed(w.leader, code, { action: 'apologise', reason: 'Chậm' });
    });

    it('a late dossier gets a proposed new appointment; apologise needs a reason, moves the deadline and tells the citizen', async () => {
      const code = await dossierAt(t.app, w, 'tham_dinh');
      // Lateness without waiting ten working days: the deadline and the step's start are moved into the past in the
      // database, so the forecast (remaining budgets from now) falls after the appointment.
      const longAgo = new Date(Date.now() - 30 * 24 * 3_600_000).toISOString();
      const lateDue = new Date(Date.now() - 3_600_000).toISOString();
      await t.db.updateTable('dossiers').set({ due_at: lateDue, step_started_at: longAgo }).where('code', '=', code).execute();

      const before = await detailOf(w.leader, code);
      expect(before.proposedDueAt).not.toBeNull();
      expect(new Date(before.proposedDueAt).getTime()).toBeGreaterThan(Date.now());
      expect(before.allowedActions).toContain('apologise');
      expect((await detailOf(w.specialist, code)).allowedActions).toContain('apologise');
      await expectNotAllowed(w.citizen, code, { action: 'apologise', reason: 'Chậm' });

      const missing = expectProblem(await act(t.app, w.leader, code, { action: 'apologise' }), 400, 'VALIDATION_FAILED');
      expect(missing.errors.map((e: { path: string }) => e.path)).toEqual(['/reason']);
      const earlier = expectProblem(await act(t.app, w.leader, code, { action: 'apologise', reason: 'Chậm', newDueAt: lateDue }), 400, 'VALIDATION_FAILED');
      expect(earlier.errors[0].path).toBe('/newDueAt');

      const mailsBefore = await t.db.selectFrom('outbox').select('id').where('topic', '=', 'mail.send').execute();
      const reason = 'Cần xác minh thêm thông tin tại cơ quan công an';
      const response = await act(t.app, w.leader, code, { action: 'apologise', reason });
      expect(response.statusCode, response.body).toBe(200);
      const detail = response.json();
      expect(detail.status).toBe('processing');
      expect(new Date(detail.dueAt).getTime()).toBeGreaterThanOrEqual(new Date(before.proposedDueAt).getTime());
      expect(detail.forms).toContain('apology');
      expect(lastEvent(detail)).toMatchObject({ action: 'apologise', fromStatus: 'processing', toStatus: 'processing', newDueAt: detail.dueAt });
      expect(await auditActionsOf(t.db, code)).toContain('dossier.apologise');

      const subject = `Xin lỗi về việc chậm trả kết quả hồ sơ ${code}`;
      const notice = (await notificationsOf(w.citizen.id)).find((n) => n.subject === subject);
      expect(notice?.body).toContain(reason);
      const mails = await t.db.selectFrom('outbox').select(['id', 'payload']).where('topic', '=', 'mail.send').execute();
      expect(mails.length).toBe(mailsBefore.length + 1);
      expect(mails.some((m) => JSON.parse(m.payload).subject === subject)).toBe(true);
    });
  });
});
