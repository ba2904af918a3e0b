import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { seedDemo } from '../demo/seed-demo.js';

describe.each(DIALECTS)('demo dossiers on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('fills each worklist of the demo through the real workflow, with an intact audit chain', { timeout: 120_000 }, async () => {
    const result = await seedDemo(t.db, { password: 'Mật-khẩu-demo-2026', auditContext: { actorId: null, actorUsername: 'test', ip: null, requestId: null }, config: t.config });
    expect(result.dossiers).toBe(6);
    const rows = await t.db.selectFrom('dossiers').select(['id', 'procedure_code', 'status', 'channel', 'applicant_name']).orderBy('id').execute();
    expect(rows.map((r) => [r.procedure_code, r.status, r.channel])).toEqual([
      ['2.000488', 'submitted', 'online'],
      ['2.000488', 'supplement_requested', 'online'],
      ['2.000488', 'processing', 'counter'],
      ['1.001193', 'submitted', 'online'],
      ['1.001193', 'returned', 'online'],
      ['2.000488', 'fee_due', 'online'],
    ]);
    // The judicial record fee (200.000 đồng): twice through the gateway's confirmation, once in cash at the desk;
    // the birth registrations are free; the last dossier still owes it.
    const payments = await t.db
      .selectFrom('payments')
      .innerJoin('payment_orders', 'payment_orders.id', 'payments.order_id')
      .select(['payment_orders.dossier_id', 'payments.channel', 'payments.status', 'payments.amount_vnd', 'payments.receipt_no'])
      .orderBy('payments.id')
      .execute();
    expect(payments.map((p) => [Number(p.dossier_id), p.channel, p.status, Number(p.amount_vnd)])).toEqual([
      [Number(rows[0].id), 'gateway', 'valid', 200_000],
      [Number(rows[1].id), 'gateway', 'valid', 200_000],
      [Number(rows[2].id), 'cash', 'valid', 200_000],
    ]);
    expect(payments.map((p) => p.receipt_no.slice(5))).toEqual(['000001', '000002', '000003']);
    const orders = await t.db.selectFrom('payment_orders').select(['dossier_id', 'status']).orderBy('id').execute();
    expect(orders.map((o) => [Number(o.dossier_id), o.status])).toEqual([...rows.slice(0, 3).map((r) => [Number(r.id), 'paid']), [Number(rows[5].id), 'pending']]);
    expect(rows[2].applicant_name).toBe('Giàng A Páo');
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const notices = await t.db.selectFrom('notifications').select('subject').execute();
    expect(notices.map((n) => n.subject)).toEqual(expect.arrayContaining([expect.stringContaining('cần bổ sung'), expect.stringContaining('đã có kết quả')]));
  });
});
