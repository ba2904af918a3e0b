import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer } from '../../../test/support/fixtures.js';
import { act, fileOnline, setUpOneStop, uploadFile, type OneStopWorld } from '../../../test/support/one-stop.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.js';
import { createOutboxWorker } from '../../platform/outbox/start-worker.js';
import type { OutboxWorker } from '../../platform/outbox/worker.js';
import { moveOpenDossiers } from './dossier-merge.js';

const silent = { info() {}, warn() {}, error() {} };

describe.each(DIALECTS)('dossier notices and unit merges on %s', (dialect) => {
  let t: TestApp;
  let w: OneStopWorld;
  let smtp: TestSmtpServer;
  let worker: OutboxWorker;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(dialect, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://dichvucong.dienbien.gov.vn' });
    w = await setUpOneStop(t.db);
    worker = createOutboxWorker(t.db, t.config, silent);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('e-mails the applicant on receipt, supplement request, apology and result, and lists each in the inbox', async () => {
    const code = (await fileOnline(t.app, w.citizen)).json().code as string;
    await act(t.app, w.officer, code, { action: 'receive' });
    await act(t.app, w.officer, code, { action: 'forward' });
    await act(t.app, w.specialist, code, { action: 'request_supplement', items: ['Bản chụp Căn cước còn hạn', 'Tờ khai có chữ ký'] });
    const fileId = await uploadFile(t.app, w.citizen.token, undefined, 'can-cuoc.pdf');
    await act(t.app, w.citizen, code, { action: 'supplement', attachments: [{ requirement: 'giay_to_tuy_than', fileId }] });
    // Overdue in the database: the appointment passed yesterday (the apology is offered for late dossiers).
    await t.db.updateTable('dossiers').set({ due_at: new Date(Date.now() - 86_400_000).toISOString() }).where('code', '=', code).execute();
    const apology = await act(t.app, w.leader, code, { action: 'apologise', reason: 'Cần xác minh thêm với cơ quan công an' });
    expect(apology.statusCode, apology.body).toBe(200);
    // The supplemented dossier went back to reception (the workflow's request_supplement target).
    expect((await act(t.app, w.officer, code, { action: 'forward' })).statusCode).toBe(200);
    expect((await act(t.app, w.specialist, code, { action: 'forward' })).statusCode).toBe(200);
    const resultFileId = await uploadFile(t.app, w.leader.token, undefined, 'ket-qua.pdf');
    expect((await act(t.app, w.leader, code, { action: 'approve', resultFileId })).statusCode).toBe(200);

    while ((await worker.runOnce()).claimed > 0);
    const mails = await smtp.waitFor(4);
    const address = `${await username(w.citizen.id)}@example.test`;
    const subjects = mails.filter((m) => m.to.includes(address)).map((m) => m.parsed.subject);
    expect(subjects).toEqual([
      `Hồ sơ ${code} đã được tiếp nhận`,
      `Hồ sơ ${code} cần bổ sung`,
      `Xin lỗi về việc chậm trả kết quả hồ sơ ${code}`,
      `Hồ sơ ${code} đã có kết quả`,
    ]);
    // The desk that took the dossier in announces the receipt; the competent department apologises.
    expect(mails.find((m) => m.parsed.subject?.includes('đã được tiếp nhận'))!.parsed.text).toMatch(/^Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận hồ sơ/);
    expect(mails.find((m) => m.parsed.subject?.startsWith('Xin lỗi'))!.parsed.text).toMatch(/^Sở Tư pháp xin lỗi/);
    const supplementMail = mails.find((m) => m.parsed.subject?.includes('cần bổ sung'))!;
    expect(supplementMail.parsed.text).toContain('1. Bản chụp Căn cước còn hạn');
    expect(supplementMail.parsed.text).toContain('2. Tờ khai có chữ ký');
    expect(supplementMail.parsed.text).toContain(`https://dichvucong.dienbien.gov.vn/portal/dossiers/${code}`);

    const inbox = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(w.citizen.token) });
    const inboxSubjects = (inbox.json().items as { subject: string }[]).map((n) => n.subject);
    expect(inboxSubjects).toEqual(expect.arrayContaining(subjects));
  });

  it('moves open dossiers to the surviving unit on a merge and leaves finished ones with their unit', async () => {
    const open = (await fileOnline(t.app, w.citizen)).json().code as string;
    const finished = (await fileOnline(t.app, w.citizen)).json().code as string;
    await act(t.app, w.citizen, finished, { action: 'withdraw' });
    const moved = await t.db.transaction().execute((tx) =>
      moveOpenDossiers(tx, { mergedId: w.units.justice, survivorId: w.units.finance, context: { actorId: null, actorUsername: 'test', ip: null, requestId: null } }),
    );
    expect(moved).toBeGreaterThanOrEqual(1);
    const unitOf = async (code: string) => Number((await t.db.selectFrom('dossiers').select('unit_id').where('code', '=', code).executeTakeFirstOrThrow()).unit_id);
    expect(await unitOf(open)).toBe(w.units.finance);
    expect(await unitOf(finished)).toBe(w.units.justice);
  });

  async function username(id: number) {
    return (await t.db.selectFrom('users').select('username').where('id', '=', id).executeTakeFirstOrThrow()).username;
  }
});
