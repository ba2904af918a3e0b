import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer, insertReportingSetup, sessionTokenFor } from '../../../test/support/fixtures.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.js';
import { loadConfig } from '../../platform/config.js';
import { runMaintenance } from '../../platform/maintenance.js';
import { createOutboxWorker } from '../../platform/outbox/start-worker.js';
import { reminderKindFor, sendReportReminders } from './report-reminders.js';

const silent = { info() {}, warn() {}, error() {} };
const TEMPLATE = { columns: [{ code: 'c1', name: 'Số liệu' }], rows: [{ code: 'r1', name: 'Số hồ sơ tiếp nhận', unit: 'hồ sơ', type: 'integer', required: true }] };

describe('reminderKindFor', () => {
  it('names the reminder of each local day around the due date', () => {
    expect(reminderKindFor('2026-12-01', '2026-12-05')).toBeUndefined();
    expect(reminderKindFor('2026-12-02', '2026-12-05')).toBe('before_3d');
    expect(reminderKindFor('2026-12-04', '2026-12-05')).toBe('before_3d');
    expect(reminderKindFor('2026-12-05', '2026-12-05')).toBe('due_day');
    expect(reminderKindFor('2026-12-06', '2026-12-05')).toBe('overdue_1d');
    expect(reminderKindFor('2027-01-06', '2026-12-05')).toBe('overdue_1d');
  });
});

describe.each(DIALECTS)('report reminders on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let setup: Awaited<ReturnType<typeof insertReportingSetup>>;
  let assignmentA: number;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(dialect);
    setup = await insertReportingSetup(t.db);
    const province = bearer(await sessionTokenFor(t.db, setup.officer));
    const template = (await t.app.inject({ method: 'POST', url: '/api/reports/templates', headers: province, payload: { code: 'BC-NHAC', name: 'Báo cáo nhắc hạn', regime: 'monthly', document: TEMPLATE } })).json();
    const round = (
      await t.app.inject({ method: 'POST', url: '/api/reports/rounds', headers: province, payload: { templateId: template.id, periodFrom: '2026-11-01', periodTo: '2026-11-30', dueDate: '2026-12-05', unitIds: [setup.communeA, setup.communeB] } })
    ).json();
    assignmentA = round.assignments.find((a: { unit: { id: number } }) => a.unit.id === setup.communeA).id;
    const assignmentB = round.assignments.find((a: { unit: { id: number } }) => a.unit.id === setup.communeB).id;
    // Commune B has submitted: it is reminded of nothing.
    const communeB = bearer(await sessionTokenFor(t.db, setup.officerB));
    const submitted = await t.app.inject({ method: 'POST', url: `/api/reports/assignments/${assignmentB}/submit`, headers: communeB, payload: { data: { r1: { c1: 4 } }, expectedVersion: 0 } });
    expect(submitted.statusCode).toBe(200);
    await t.db.deleteFrom('notifications').execute();
    await t.db.deleteFrom('outbox').execute();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('reminds the unit that still owes the report 3 days before, on the due date and after it, once each, by inbox and e-mail', async () => {
    const at = (iso: string) => sendReportReminders(t.db, new Date(iso), t.config.publicUrl);
    expect(await at('2026-12-01T03:00:00Z')).toBe(0);
    expect(await at('2026-12-02T03:00:00Z')).toBe(1);
    expect(await at('2026-12-02T09:00:00Z')).toBe(0);
    expect(await at('2026-12-03T03:00:00Z')).toBe(0);
    // 00:30 on 5 December in Viet Nam is still 4 December in UTC: the due day is the local one.
    expect(await at('2026-12-04T17:30:00Z')).toBe(1);
    expect(await at('2026-12-05T10:00:00Z')).toBe(0);
    // The maintenance schedule runs the same job.
    const report = await runMaintenance(t.db, t.config, new Date('2026-12-06T02:00:00Z'));
    expect(report.reportReminders).toBe(1);
    expect(await at('2026-12-09T02:00:00Z')).toBe(0);

    const reminders = await t.db.selectFrom('report_reminders').select(['assignment_id', 'kind']).orderBy('sent_at').execute();
    expect(reminders).toEqual([
      { assignment_id: assignmentA, kind: 'before_3d' },
      { assignment_id: assignmentA, kind: 'due_day' },
      { assignment_id: assignmentA, kind: 'overdue_1d' },
    ]);
    // Only the commune's own officer: not commune B's, not the province officer holding the permission through the tree.
    const inbox = await t.db.selectFrom('notifications').select(['user_id', 'subject']).orderBy('id').execute();
    expect(inbox).toEqual([
      { user_id: setup.officerA.id, subject: 'Nhắc gửi báo cáo Tháng 11/2026: còn 3 ngày' },
      { user_id: setup.officerA.id, subject: 'Hôm nay là hạn gửi báo cáo Tháng 11/2026' },
      { user_id: setup.officerA.id, subject: 'Báo cáo Tháng 11/2026 đã quá hạn' },
    ]);
    const events = await t.db.selectFrom('report_events').select('note').where('assignment_id', '=', assignmentA).where('action', '=', 'reminded').orderBy('id').execute();
    expect(events.map((e) => e.note)).toEqual(['before_3d', 'due_day', 'overdue_1d']);
    expect(await t.db.selectFrom('audit_log').select('action').where('action', '=', 'report.remind').execute()).toHaveLength(3);

    const worker = createOutboxWorker(t.db, loadConfig({ SMTP_URL: smtp.url }), silent);
    expect(await worker.runOnce()).toMatchObject({ done: 3 });
    const mails = await smtp.waitFor(3);
    expect(mails.map((m) => m.to)).toEqual([[`${setup.officerA.username}@example.test`], [`${setup.officerA.username}@example.test`], [`${setup.officerA.username}@example.test`]]);
    const overdue = mails.find((m) => m.parsed.subject === 'Báo cáo Tháng 11/2026 đã quá hạn')!;
    expect(overdue.parsed.text).toContain('Phường Điện Biên Phủ chưa gửi báo cáo "Báo cáo nhắc hạn" kỳ Tháng 11/2026, hạn gửi 05/12/2026 đã qua.');
    expect(overdue.parsed.text).toContain(`${t.config.publicUrl}/office/reports/assignments/${assignmentA}`);
  });
});
