import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { bearer, insertPayment } from '../../../test/support/fixtures.js';
import { expectProblem } from '../../../test/support/one-stop.js';
import { setUpAccountants, type AccountantWorld } from '../../../test/support/accountant.js';

describe.each(DIALECTS)('refunds on %s', (dialect) => {
  let t: TestApp;
  let w: AccountantWorld;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpAccountants(t.db);
  });
  afterAll(async () => t?.close());

  const refund = (token: string | undefined, paymentId: number, body: unknown) =>
    t.app.inject({
      method: 'POST',
      url: `/api/payments/${paymentId}/refunds`,
      headers: token ? bearer(token) : {},
      payload: body as any,
    });

  it('records refunds up to the amount paid, lists them with the payment, and refuses one đồng more (409)', async () => {
    const payment = await insertPayment(t.db, { unitId: w.units.centre, amountVnd: 20000, paidAt: '2026-11-20T02:00:00.000Z', status: 'duplicate' });
    const first = await refund(w.accountant, payment.paymentId, { amountVnd: 15000, reason: 'Thanh toán trùng qua cổng', reference: 'HT-0001' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      id: payment.paymentId,
      dossierCode: payment.dossierCode,
      txnRef: payment.txnRef,
      amountVnd: 20000,
      refundedVnd: 15000,
      refundableVnd: 5000,
      refunds: [{ amountVnd: 15000, reason: 'Thanh toán trùng qua cổng', reference: 'HT-0001', recordedBy: 'Lường Thị Kim' }],
    });

    const tooMuch = expectProblem(await refund(w.accountant, payment.paymentId, { amountVnd: 5001, reason: 'Hoàn phần còn lại' }), 409, 'REFUND_EXCEEDS_PAYMENT');
    expect(tooMuch.detail).toContain('5000');
    const rest = await refund(w.accountant, payment.paymentId, { amountVnd: 5000, reason: 'Hoàn phần còn lại' });
    expect(rest.statusCode, rest.body).toBe(201);
    expect(rest.json()).toMatchObject({ refundedVnd: 20000, refundableVnd: 0 });
    expectProblem(await refund(w.accountant, payment.paymentId, { amountVnd: 1, reason: 'Thêm' }), 409, 'REFUND_EXCEEDS_PAYMENT');

    const stored = await t.db.selectFrom('payment_refunds').select(['amount_vnd']).where('payment_id', '=', payment.paymentId).execute();
    expect(stored.map((r) => Number(r.amount_vnd))).toEqual([15000, 5000]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('entity_type', '=', 'payment')
      .where('entity_id', '=', String(payment.paymentId))
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['payment.refund', 'payment.refund']);
    expect(JSON.parse(audit[0].summary)).toMatchObject({ amountVnd: 15000, reason: 'Thanh toán trùng qua cổng' });

    const detail = await t.app.inject({ method: 'GET', url: `/api/payments/${payment.paymentId}`, headers: bearer(w.provinceLeader) });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().refunds).toHaveLength(2);
  });

  it('never lets concurrent refunds exceed the payment', async () => {
    const payment = await insertPayment(t.db, { unitId: w.units.centre, amountVnd: 10000, paidAt: '2026-11-20T03:00:00.000Z' });
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => refund(w.accountant, payment.paymentId, { amountVnd: 4000, reason: 'Hoàn song song' })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 409, 409]);
    const stored = await t.db.selectFrom('payment_refunds').select('amount_vnd').where('payment_id', '=', payment.paymentId).execute();
    expect(stored.reduce((sum, r) => sum + Number(r.amount_vnd), 0)).toBe(8000);
  });

  it('records a refund once per Idempotency-Key: a retry replays the answer, another body under the key is refused', async () => {
    const payment = await insertPayment(t.db, { unitId: w.units.centre, amountVnd: 10000, paidAt: '2026-11-20T05:00:00.000Z' });
    const send = (body: unknown) =>
      t.app.inject({
        method: 'POST',
        url: `/api/payments/${payment.paymentId}/refunds`,
        headers: { ...bearer(w.accountant), 'idempotency-key': `refund-${payment.paymentId}` },
        payload: body as any,
      });
    const body = { amountVnd: 6000, reason: 'Hồ sơ bị từ chối trước khi xử lý' };
    const first = await send(body);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await send(body);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expectProblem(await send({ ...body, amountVnd: 4000 }), 422, 'IDEMPOTENCY_KEY_REUSED');
    const stored = await t.db.selectFrom('payment_refunds').select('amount_vnd').where('payment_id', '=', payment.paymentId).execute();
    expect(stored.map((r) => Number(r.amount_vnd))).toEqual([6000]);
  });

  it('validates the body, and answers 401 / 403 / 404 to those who may not refund', async () => {
    const payment = await insertPayment(t.db, { unitId: w.units.centre, amountVnd: 10000, paidAt: '2026-11-20T04:00:00.000Z' });
    const body = { amountVnd: 1000, reason: 'Hồ sơ bị từ chối' };
    for (const bad of [{ ...body, amountVnd: 0 }, { ...body, amountVnd: 10.5 }, { ...body, amountVnd: '1000' }, { amountVnd: 1000 }, { ...body, reason: '' }, { ...body, x: 1 }]) {
      const problem = expectProblem(await refund(w.accountant, payment.paymentId, bad), 400, 'VALIDATION_FAILED');
      expect(problem.errors.length).toBeGreaterThan(0);
    }
    expectProblem(await refund(undefined, payment.paymentId, body), 401, 'UNAUTHENTICATED');
    expectProblem(await refund(w.specialist, payment.paymentId, body), 403, 'FORBIDDEN');
    // Reports, not refunds: the leader reads payments but may not hand money back.
    expectProblem(await refund(w.provinceLeader, payment.paymentId, body), 403, 'FORBIDDEN');
    // Another unit's accountant may not learn that the payment exists.
    expectProblem(await refund(w.financeAccountant, payment.paymentId, body), 404, 'NOT_FOUND');
    expectProblem(await refund(w.accountant, 999999, body), 404, 'NOT_FOUND');
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/payments/${payment.paymentId}`, headers: bearer(w.financeAccountant) }), 404, 'NOT_FOUND');
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/payments/${payment.paymentId}`, headers: bearer(w.specialist) }), 403, 'FORBIDDEN');
    const none = await t.db.selectFrom('payment_refunds').select('id').where('payment_id', '=', payment.paymentId).execute();
    expect(none).toEqual([]);
  });
});
