import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer, insertDocumentFixture, insertPayment, insertReportingSetup, insertUnit, sessionTokenFor } from '../../../test/support/fixtures.js';

const SOURCES = [
  'dossiers.received',
  'dossiers.finished',
  'dossiers.finished_on_time',
  'dossiers.finished_late',
  'dossiers.on_time_rate',
  'dossiers.received_online',
  'dossiers.pending_end',
  'payments.amount_vnd',
  'documents.incoming',
  'documents.outgoing',
] as const;

const DOCUMENT = {
  columns: [{ code: 'c1', name: 'Kỳ này' }],
  rows: SOURCES.map((source, i) => ({ code: `s${i + 1}`, name: source, type: source === 'dossiers.on_time_rate' ? 'percent' : 'integer', source })),
};

describe.each(DIALECTS)('report autofill from the platform on %s', (dialect) => {
  let t: TestApp;
  let setup: Awaited<ReturnType<typeof insertReportingSetup>>;
  let province: Record<string, string>;
  let desk: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    setup = await insertReportingSetup(t.db);
    province = bearer(await sessionTokenFor(t.db, setup.officer));
    // A unit below commune A: the commune's figures include it.
    desk = await insertUnit(t.db, { code: '000.01.51.H18', name: 'Bộ phận Một cửa phường Điện Biên Phủ', type: 'division', parentId: setup.communeA });
    const counters = [
      { unit_id: setup.communeA, procedure_code: '1.001', month: '2026-11', received: 10, received_online: 4, finished: 8, finished_early: 1, finished_on_time: 5, finished_late: 2 },
      { unit_id: desk, procedure_code: '1.001', month: '2026-11', received: 2, received_online: 2 },
      { unit_id: setup.communeA, procedure_code: '1.001', month: '2026-12', received: 40, finished: 40, finished_on_time: 40 },
      { unit_id: setup.communeB, procedure_code: '1.001', month: '2026-11', received: 99, finished: 99, finished_on_time: 99 },
    ];
    for (const row of counters) await t.db.insertInto('service_index_monthly').values(row).execute();

    // Fees: local dates decide (00:00 on 1 November in Viet Nam is 17:00 UTC on 31 October).
    const inNovember = await insertPayment(t.db, { unitId: setup.communeA, amountVnd: 50_000, paidAt: '2026-10-31T17:00:00.000Z' });
    await insertPayment(t.db, { unitId: desk, amountVnd: 30_000, paidAt: '2026-11-30T16:59:59.000Z', channel: 'cash' });
    const october = await insertPayment(t.db, { unitId: setup.communeA, amountVnd: 7_000, paidAt: '2026-10-31T16:59:59.000Z' });
    await insertPayment(t.db, { unitId: setup.communeA, amountVnd: 50_000, paidAt: '2026-11-12T03:00:00.000Z', status: 'duplicate' });
    await insertPayment(t.db, { unitId: setup.communeB, amountVnd: 1_000_000, paidAt: '2026-11-12T03:00:00.000Z' });
    // Pending at the end of November: received by then and not finished by then.
    const dossier = (id: number, received: string | null, finished: string | null) =>
      t.db.updateTable('dossiers').set({ received_at: received, finished_at: finished }).where('id', '=', id).execute();
    await dossier(inNovember.dossierId, '2026-11-03T02:00:00.000Z', null);
    await dossier(october.dossierId, '2026-10-20T02:00:00.000Z', '2026-12-02T02:00:00.000Z');

    const document = async (unitId: number, direction: 'incoming' | 'outgoing', at: string) => {
      const id = await insertDocumentFixture(t.db, { unitId, direction, subject: `Văn bản ${direction} ${at}` });
      await t.db.updateTable('documents').set(direction === 'incoming' ? { registered_at: at } : { issued_at: at }).where('id', '=', id).execute();
    };
    await document(setup.communeA, 'incoming', '2026-11-15T02:00:00.000Z');
    await document(desk, 'incoming', '2026-11-16T02:00:00.000Z');
    await document(setup.communeA, 'incoming', '2026-11-30T17:00:00.000Z');
    await document(desk, 'outgoing', '2026-11-20T02:00:00.000Z');
    await document(setup.communeB, 'outgoing', '2026-11-20T02:00:00.000Z');
  });
  afterAll(async () => t?.close());

  it('lists the sources with Vietnamese and English names', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/reports/sources', headers: province })).json();
    expect(list.items.map((s: { code: string }) => s.code)).toEqual([...SOURCES]);
    expect(list.items[4]).toEqual({ code: 'dossiers.on_time_rate', name: { vi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', en: 'On-time rate of finished dossiers' }, unit: '%', type: 'percent' });
  });

  it('fills every source for the unit with its subtree over the round’s local period; the round keeps its template version', async () => {
    const template = (await t.app.inject({ method: 'POST', url: '/api/reports/templates', headers: province, payload: { code: 'BC-NGUON', name: 'Số liệu tự động', regime: 'monthly', document: DOCUMENT } })).json();
    const round = (
      await t.app.inject({ method: 'POST', url: '/api/reports/rounds', headers: province, payload: { templateId: template.id, periodFrom: '2026-11-01', periodTo: '2026-11-30', dueDate: '2026-12-05', unitIds: [setup.communeA] } })
    ).json();
    // A later version of the template changes nothing in the round already issued.
    const edited = { ...DOCUMENT, rows: [{ code: 'x1', name: 'Chỉ tiêu mới', type: 'integer' }] };
    expect((await t.app.inject({ method: 'PUT', url: `/api/reports/templates/${template.id}`, headers: province, payload: { name: 'Số liệu tự động (mới)', regime: 'monthly', document: edited, expectedVersion: 1 } })).json().version).toBe(2);

    const detail = (await t.app.inject({ method: 'GET', url: `/api/reports/assignments/${round.assignments[0].id}`, headers: province })).json();
    expect(detail.template.version).toBe(1);
    expect(detail.template.document.rows).toHaveLength(SOURCES.length);
    expect(detail.autofilled).toEqual({
      s1: { c1: 12 },
      s2: { c1: 8 },
      s3: { c1: 6 },
      s4: { c1: 2 },
      s5: { c1: 75 },
      s6: { c1: 6 },
      s7: { c1: 2 },
      s8: { c1: 80_000 },
      s9: { c1: 2 },
      s10: { c1: 1 },
    });
    expect(detail.data).toEqual(detail.autofilled);
    const roundDetail = (await t.app.inject({ method: 'GET', url: `/api/reports/rounds/${round.round.id}`, headers: province })).json();
    expect(roundDetail.template).toMatchObject({ version: 1, name: 'Số liệu tự động (mới)' });
    expect(roundDetail.template.document.rows[0].code).toBe('s1');
  });
});
