import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { act, fileOnline, getDossier, setUpOneStop, uploadFile, type OneStopWorld } from '../../../test/support/one-stop.js';

describe.each(DIALECTS)('dossier lifecycle on %s', (dialect) => {
  let t: TestApp;
  let w: OneStopWorld;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpOneStop(t.db);
  });
  afterAll(async () => t?.close());

  it('goes from online filing to a returned, rated result through the whole workflow', async () => {
    const filed = await fileOnline(t.app, w.citizen);
    expect(filed.statusCode, filed.body).toBe(201);
    const dossier = filed.json();
    expect(dossier.code).toMatch(/^000\.00\.30\.H18-\d{6}-0001$/);
    expect(dossier).toMatchObject({ status: 'submitted', statusNumber: 1, channel: 'online', dueAt: null, unit: { code: '000.00.05.H18' } });
    expect(dossier.receivingUnit.code).toBe('000.00.30.H18');
    expect(dossier.allowedActions).toEqual(['withdraw']);
    expect(dossier.components).toHaveLength(1);

    const officerView = (await getDossier(t.app, w.officer, dossier.code)).json();
    expect(officerView.allowedActions).toEqual(['receive', 'request_supplement', 'refuse_intake']);

    const received = await act(t.app, w.officer, dossier.code, { action: 'receive' });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json()).toMatchObject({ status: 'received', currentStep: { code: 'tiep_nhan' } });
    expect(received.json().dueAt).not.toBeNull();
    expect(received.json().forms).toContain('receipt');

    expect((await act(t.app, w.officer, dossier.code, { action: 'forward' })).json().currentStep.code).toBe('tham_dinh');
    expect((await act(t.app, w.specialist, dossier.code, { action: 'forward', note: 'Hồ sơ hợp lệ' })).json().currentStep.code).toBe('phe_duyet');
    const resultFile = await uploadFile(t.app, w.leader.token, undefined, 'phieu-ly-lich-tu-phap.pdf');
    const approved = await act(t.app, w.leader, dossier.code, { action: 'approve', resultFileId: resultFile });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'result_ready', outcome: 'granted', resultFileId: resultFile });
    expect(['early', 'onTime']).toContain(approved.json().timeliness);
    const returned = await act(t.app, w.officer, dossier.code, { action: 'return_result' });
    expect(returned.json().status).toBe('returned');

    const mine = (await getDossier(t.app, w.citizen, dossier.code)).json();
    expect(mine.history.map((e: { action: string }) => e.action)).toEqual(['submit', 'receive', 'forward', 'forward', 'approve', 'return_result']);
    const file = await t.app.inject({ method: 'GET', url: `/api/files/${resultFile}`, headers: { authorization: `Bearer ${w.citizen.token}` } });
    expect(file.statusCode).toBe(200);
  });
});
