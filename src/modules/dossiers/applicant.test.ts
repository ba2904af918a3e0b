import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer } from '../../../test/support/fixtures.js';
import { act, fileOnline, ONE_STOP_PROCEDURE, setUpOneStop, uploadFile, type OneStopWorld } from '../../../test/support/one-stop.js';

describe.each(DIALECTS)('tracking, rating, drafts and the data store on %s', (dialect) => {
  let t: TestApp;
  let w: OneStopWorld;

  /** A dossier taken through the whole workflow to "returned". */
  async function returnedDossier(): Promise<string> {
    const code = (await fileOnline(t.app, w.citizen)).json().code as string;
    await act(t.app, w.officer, code, { action: 'receive' });
    await act(t.app, w.officer, code, { action: 'forward' });
    await act(t.app, w.specialist, code, { action: 'forward' });
    const resultFileId = await uploadFile(t.app, w.leader.token, undefined, 'ket-qua.pdf');
    await act(t.app, w.leader, code, { action: 'approve', resultFileId });
    expect((await act(t.app, w.officer, code, { action: 'return_result' })).json().status).toBe('returned');
    return code;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpOneStop(t.db);
  });
  afterAll(async () => t?.close());

  it('tracks a dossier publicly by code, showing the name only with the matching identity number', async () => {
    const code = (await fileOnline(t.app, w.citizen)).json().code;
    await act(t.app, w.officer, code, { action: 'receive' });
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/tracking/${code}` });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toMatchObject({ code, status: 'received', statusNumber: 2, verified: false, currentStepName: 'Tiếp nhận hồ sơ', canRate: false });
    expect(anonymous.json().applicant).toBeUndefined();
    expect(anonymous.body).not.toContain('Lò Thị Thanh');
    expect(anonymous.json().timeline.map((e: { status: string }) => e.status)).toEqual(['submitted', 'received']);

    const wrong = await t.app.inject({ method: 'GET', url: `/api/tracking/${code}?identityNumber=011190009999` });
    expect(wrong.json()).toMatchObject({ verified: false });
    expect(wrong.body).not.toContain('Lò Thị Thanh');
    const right = await t.app.inject({ method: 'GET', url: `/api/tracking/${code}?identityNumber=${w.citizenIdentity}` });
    expect(right.json()).toMatchObject({ verified: true, applicant: { fullName: 'Lò Thị Thanh' } });

    const unknown = await t.app.inject({ method: 'GET', url: '/api/tracking/000.00.30.H18-000101-9999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
  });

  it('lets the applicant rate once, only after the result is returned, and records it in the history', async () => {
    const code = (await fileOnline(t.app, w.citizen)).json().code;
    const early = await t.app.inject({ method: 'POST', url: `/api/dossiers/${code}/rating`, headers: bearer(w.citizen.token), payload: { score: 5 } });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('RATING_NOT_OPEN');

    const returned = await returnedDossier();
    const other = await t.app.inject({ method: 'POST', url: `/api/dossiers/${returned}/rating`, headers: bearer(w.otherCitizen.token), payload: { score: 1 } });
    expect(other.statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'POST', url: `/api/dossiers/${returned}/rating`, headers: bearer(w.citizen.token), payload: { score: 6 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('/score');

    const rated = await t.app.inject({ method: 'POST', url: `/api/dossiers/${returned}/rating`, headers: bearer(w.citizen.token), payload: { score: 4, comment: 'Cán bộ hướng dẫn tận tình' } });
    expect(rated.statusCode).toBe(201);
    expect(rated.json()).toMatchObject({ score: 4, comment: 'Cán bộ hướng dẫn tận tình' });
    const again = await t.app.inject({ method: 'POST', url: `/api/dossiers/${returned}/rating`, headers: bearer(w.citizen.token), payload: { score: 1 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_RATED');

    const detail = (await t.app.inject({ method: 'GET', url: `/api/dossiers/${returned}`, headers: bearer(w.citizen.token) })).json();
    expect(detail.rating).toMatchObject({ score: 4 });
    expect(detail.history.at(-1)).toMatchObject({ action: 'rate', note: 'Cán bộ hướng dẫn tận tình' });
    const tracked = (await t.app.inject({ method: 'GET', url: `/api/tracking/${returned}` })).json();
    expect(tracked).toMatchObject({ canRate: false, rating: { score: 4 } });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', returned).where('action', '=', 'dossier.rate').execute();
    expect(audit).toHaveLength(1);
  });

  it('keeps drafts private to their owner and removes a draft when it is filed', async () => {
    const fileId = await uploadFile(t.app, w.citizen.token);
    const body = { procedureCode: ONE_STOP_PROCEDURE, form: { hoTen: 'Lò Thị' }, attachments: [{ requirement: 'to_khai', fileId }] };
    const created = await t.app.inject({ method: 'POST', url: '/api/dossier-drafts', headers: bearer(w.citizen.token), payload: body });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const updated = await t.app.inject({ method: 'PUT', url: `/api/dossier-drafts/${id}`, headers: bearer(w.citizen.token), payload: { ...body, form: { hoTen: 'Lò Thị Thanh' } } });
    expect(updated.json().form).toEqual({ hoTen: 'Lò Thị Thanh' });
    expect((await t.app.inject({ method: 'GET', url: `/api/dossier-drafts/${id}`, headers: bearer(w.otherCitizen.token) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/dossier-drafts', headers: bearer(w.citizen.token) })).json().items.map((d: { id: number }) => d.id)).toContain(id);
    const unknownProcedure = await t.app.inject({ method: 'POST', url: '/api/dossier-drafts', headers: bearer(w.citizen.token), payload: { ...body, procedureCode: 'khong-co' } });
    expect(unknownProcedure.statusCode).toBe(404);

    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: bearer(w.citizen.token),
      payload: { procedureCode: ONE_STOP_PROCEDURE, channel: 'online', form: { hoTen: 'Lò Thị Thanh', ngaySinh: '1990-04-12' }, attachments: body.attachments, draftId: id },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: `/api/dossier-drafts/${id}`, headers: bearer(w.citizen.token) })).statusCode).toBe(404);
  });

  it('offers earlier documents and results from the data store, prefills the form and records reuse', async () => {
    const returned = await returnedDossier();
    const store = await t.app.inject({ method: 'GET', url: `/api/me/data-store?procedure=${ONE_STOP_PROCEDURE}`, headers: bearer(w.citizen.token) });
    expect(store.statusCode).toBe(200);
    const data = store.json();
    expect(data.profile).toMatchObject({ fullName: 'Lò Thị Thanh', identityNumber: w.citizenIdentity });
    expect(data.prefill).toEqual({ hoTen: 'Lò Thị Thanh', ngaySinh: '1990-04-12' });
    const result = data.documents.find((d: { source: string; dossierCode: string }) => d.source === 'result' && d.dossierCode === returned);
    const upload = data.documents.find((d: { source: string; requirementCode: string }) => d.source === 'upload' && d.requirementCode === 'to_khai');
    expect(result).toBeDefined();
    expect(upload).toBeDefined();

    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: bearer(w.citizen.token),
      payload: { procedureCode: ONE_STOP_PROCEDURE, channel: 'online', form: data.prefill, attachments: [{ requirement: 'to_khai', fileId: upload.fileId }, { requirement: 'giay_to_tuy_than', fileId: result.fileId }] },
    });
    expect(reused.statusCode, reused.body).toBe(201);
    expect(reused.json().components.map((c: { source: string; digitised: boolean }) => [c.source, c.digitised])).toEqual([
      ['data_store', true],
      ['data_store', true],
    ]);
    // Another citizen can neither read nor attach these files.
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${result.fileId}`, headers: bearer(w.otherCitizen.token) })).statusCode).toBe(404);
    const stolen = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: bearer(w.otherCitizen.token),
      payload: { procedureCode: ONE_STOP_PROCEDURE, channel: 'online', form: data.prefill, attachments: [{ requirement: 'to_khai', fileId: upload.fileId }] },
    });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().errors.map((e: { path: string }) => e.path)).toContain('/attachments/0/fileId');
  });
});
