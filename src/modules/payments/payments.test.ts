import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer } from '../../../test/support/fixtures.js';
import { act, auditActionsOf, expectProblem, fileOnline, getDossier, oneStopProcedure, setUpOneStop, type OneStopWorld } from '../../../test/support/one-stop.js';
import {
  fileAtCounter,
  feeDueDossier,
  feeProcedure,
  fileWithFee,
  FEE_VND,
  getPayment,
  ONLINE_FEE_VND,
  payAtCounter,
  startOnline,
} from '../../../test/support/payments.js';

describe.each(DIALECTS)('fees at filing and counter payments on %s', (dialect) => {
  let t: TestApp;
  let w: OneStopWorld;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await setUpOneStop(t.db, [oneStopProcedure(), feeProcedure()]);
  });
  afterAll(async () => t?.close());

  const dossierRow = (code: string) => t.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const ordersOf = async (code: string) => {
    const row = await dossierRow(code);
    return t.db.selectFrom('payment_orders').selectAll().where('dossier_id', '=', row.id).execute();
  };

  it('starts a dossier with a fee in fee_due with its order, out of the desk’s reach until paid', async () => {
    const response = await fileWithFee(t.app, w.citizen);
    expect(response.statusCode, response.body).toBe(201);
    const detail = response.json();
    expect(detail).toMatchObject({ status: 'fee_due', statusNumber: 6, allowedActions: ['withdraw'] });
    expect(detail.history).toEqual([expect.objectContaining({ action: 'submit', fromStatus: null, toStatus: 'fee_due' })]);
    const row = await dossierRow(detail.code);
    expect(row).toMatchObject({ current_role: null, current_unit_id: null });
    const [order] = await ordersOf(detail.code);
    expect(order).toMatchObject({ status: 'pending', paid_at: null });
    expect(Number(order.amount_vnd)).toBe(ONLINE_FEE_VND);
    expect(JSON.parse(order.lines)).toEqual([
      expect.objectContaining({ code: 'le_phi', amountVnd: FEE_VND, payableVnd: ONLINE_FEE_VND, reduction: expect.objectContaining({ percent: 50, amountVnd: ONLINE_FEE_VND }) }),
    ]);

    const officerView = (await getDossier(t.app, w.officer, detail.code)).json();
    expect(officerView.allowedActions).toEqual([]);
    expectProblem(await act(t.app, w.officer, detail.code, { action: 'receive' }), 409, 'ACTION_NOT_ALLOWED');
    const worklist = await t.app.inject({ method: 'GET', url: '/api/dossiers?view=actionable', headers: bearer(w.officer.token) });
    expect(worklist.json().items.map((i: { code: string }) => i.code)).not.toContain(detail.code);
    const listed = await t.app.inject({ method: 'GET', url: '/api/dossiers?status=fee_due', headers: bearer(w.officer.token) });
    expect(listed.json().items.map((i: { code: string }) => i.code)).toContain(detail.code);

    const mine = (await getPayment(t.app, w.citizen, detail.code)).json();
    expect(mine).toMatchObject({ order: { amountVnd: ONLINE_FEE_VND, status: 'pending', paidAt: null }, payments: [], attempts: [], canPayOnline: false, canRecordCounter: false });
    expect((await getPayment(t.app, w.officer, detail.code)).json()).toMatchObject({ canPayOnline: false, canRecordCounter: true });
    expect(await auditActionsOf(t.db, detail.code)).toEqual(['dossier.submit', 'payment.read']);
    const notice = await t.db.selectFrom('notifications').selectAll().where('user_id', '=', w.citizen.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(notice.subject).toBe(`Hồ sơ ${detail.code} chờ nộp phí, lệ phí`);
    expect(notice.body).toContain('cần nộp 10.000 ₫ phí, lệ phí trước khi Trung tâm Phục vụ hành chính công tỉnh tiếp nhận');
  });

  it('files a free procedure exactly as before: submitted, at the desk, no order', async () => {
    const response = await fileOnline(t.app, w.citizen);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ status: 'submitted', allowedActions: ['withdraw'] });
    expect(await dossierRow(response.json().code)).toMatchObject({ current_role: 'one_stop_officer', current_unit_id: w.units.centre });
    expect(await ordersOf(response.json().code)).toEqual([]);
    const payment = (await getPayment(t.app, w.citizen, response.json().code)).json();
    expect(payment).toEqual({ order: null, payments: [], attempts: [], canPayOnline: false, canRecordCounter: false });
    expectProblem(await startOnline(t.app, w.citizen, response.json().code), 503, 'PAYMENT_UNAVAILABLE');
  });

  it('lets the applicant withdraw while the fee is due, cancelling the order in the same step', async () => {
    const code = await feeDueDossier(t.app, w.citizen);
    const response = await act(t.app, w.citizen, code, { action: 'withdraw' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().status).toBe('withdrawn');
    const [order] = await ordersOf(code);
    expect(order.status).toBe('cancelled');
    expect(order.cancelled_at).not.toBeNull();
    expectProblem(await payAtCounter(t.app, w.officer, code, { method: 'cash', amountVnd: ONLINE_FEE_VND }), 409, 'PAYMENT_NOT_DUE');
    expect(await auditActionsOf(t.db, code)).toEqual(['dossier.submit', 'dossier.withdraw']);
    const withdrawal = await t.db.selectFrom('audit_log').select('summary').where('entity_id', '=', code).where('action', '=', 'dossier.withdraw').executeTakeFirstOrThrow();
    expect(JSON.parse(withdrawal.summary)).toMatchObject({ from: 'fee_due', to: 'withdrawn', paymentOrder: 'cancelled' });
  });

  it('takes the full fee at the desk: receipt, fee_paid, the desk’s list, the applicant told', async () => {
    const code = await feeDueDossier(t.app, w.citizen);
    const partial = expectProblem(await payAtCounter(t.app, w.officer, code, { method: 'cash', amountVnd: 5_000 }), 422, 'PAYMENT_AMOUNT_MISMATCH');
    expect(partial.detail).toContain('10000');
    const noReference = expectProblem(await payAtCounter(t.app, w.officer, code, { method: 'bank_transfer', amountVnd: ONLINE_FEE_VND }), 400, 'VALIDATION_FAILED');
    expect(noReference.errors).toEqual([expect.objectContaining({ path: '/reference' })]);
    const badMethod = expectProblem(await payAtCounter(t.app, w.officer, code, { method: 'card', amountVnd: ONLINE_FEE_VND }), 400, 'VALIDATION_FAILED');
    expect(badMethod.errors.map((e: { path: string }) => e.path)).toContain('/method');
    const fraction = expectProblem(await payAtCounter(t.app, w.officer, code, { method: 'cash', amountVnd: 10_000.5 }), 400, 'VALIDATION_FAILED');
    expect(fraction.errors.map((e: { path: string }) => e.path)).toContain('/amountVnd');
    expectProblem(await payAtCounter(t.app, w.citizen, code, { method: 'cash', amountVnd: ONLINE_FEE_VND }), 403, 'FORBIDDEN');
    expectProblem(await payAtCounter(t.app, w.specialist, code, { method: 'cash', amountVnd: ONLINE_FEE_VND }), 403, 'FORBIDDEN');
    expectProblem(await payAtCounter(t.app, w.otherCitizen, code, { method: 'cash', amountVnd: ONLINE_FEE_VND }), 404, 'NOT_FOUND');
    expectProblem(await payAtCounter(t.app, w.outsider, code, { method: 'cash', amountVnd: ONLINE_FEE_VND }), 404, 'NOT_FOUND');
    expect((await dossierRow(code)).status).toBe('fee_due');

    const key = { 'idempotency-key': `counter-${code}` };
    const paid = await payAtCounter(t.app, w.officer, code, { method: 'bank_transfer', amountVnd: ONLINE_FEE_VND, reference: 'FT2633100042' }, key);
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({
      order: { status: 'paid', amountVnd: ONLINE_FEE_VND },
      payments: [{ channel: 'bank_transfer', amountVnd: ONLINE_FEE_VND, status: 'valid', receiptNo: expect.stringMatching(/^\d{4}-\d{6}$/) }],
      canRecordCounter: false,
    });
    const replay = await payAtCounter(t.app, w.officer, code, { method: 'bank_transfer', amountVnd: ONLINE_FEE_VND, reference: 'FT2633100042' }, key);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const payments = await t.db.selectFrom('payments').selectAll().where('order_id', '=', (await ordersOf(code))[0].id).execute();
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ channel: 'bank_transfer', reference: 'FT2633100042', recorded_by: w.officer.id, unit_id: w.units.centre });

    const detail = (await getDossier(t.app, w.citizen, code)).json();
    expect(detail.status).toBe('submitted');
    expect(detail.history.at(-1)).toMatchObject({
      action: 'fee_paid',
      fromStatus: 'fee_due',
      toStatus: 'submitted',
      actorName: 'Quàng Thị Mai',
      payment: { amountVnd: ONLINE_FEE_VND, channel: 'bank_transfer', receiptNo: payments[0].receipt_no },
    });
    expect(await dossierRow(code)).toMatchObject({ current_role: 'one_stop_officer', current_unit_id: w.units.centre });
    const notice = await t.db.selectFrom('notifications').selectAll().where('user_id', '=', w.citizen.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(notice.subject).toBe(`Đã nhận thanh toán phí, lệ phí hồ sơ ${code}`);
    expect(notice.body).toContain('10.000 ₫');
    expect(notice.body).toContain(payments[0].receipt_no);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'payment.counter').where('entity_id', '=', String(payments[0].id)).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].summary)).toMatchObject({ dossier: code, amountVnd: ONLINE_FEE_VND, channel: 'bank_transfer' });
    expect(await auditActionsOf(t.db, code)).toEqual(['dossier.submit', 'dossier.fee_paid']);

    expectProblem(await payAtCounter(t.app, w.officer, code, { method: 'cash', amountVnd: ONLINE_FEE_VND }), 409, 'PAYMENT_NOT_DUE');
    const received = await act(t.app, w.officer, code, { action: 'receive' });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json().status).toBe('received');
  });

  it('files at the counter with the fee paid at once (received), or leaves it due without a payment', async () => {
    const paid = await fileAtCounter(t.app, w.officer, { payment: { method: 'cash' } });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({ status: 'received', channel: 'counter' });
    expect(paid.json().history.map((e: { action: string }) => e.action)).toEqual(['submit', 'fee_paid', 'receive']);
    const payment = (await getPayment(t.app, w.officer, paid.json().code)).json();
    expect(payment).toMatchObject({ order: { status: 'paid', amountVnd: FEE_VND }, payments: [{ channel: 'cash', amountVnd: FEE_VND, status: 'valid' }] });

    const unpaid = await fileAtCounter(t.app, w.officer);
    expect(unpaid.statusCode, unpaid.body).toBe(201);
    expect(unpaid.json()).toMatchObject({ status: 'fee_due', allowedActions: [] });
    expect((await getPayment(t.app, w.officer, unpaid.json().code)).json()).toMatchObject({ order: { amountVnd: FEE_VND, status: 'pending' }, canRecordCounter: true });
    const later = await payAtCounter(t.app, w.officer, unpaid.json().code, { method: 'cash', amountVnd: FEE_VND });
    expect(later.statusCode, later.body).toBe(201);
    const received = await act(t.app, w.officer, unpaid.json().code, { action: 'receive' });
    expect(received.json().status).toBe('received');

    const noReference = expectProblem(await fileAtCounter(t.app, w.officer, { payment: { method: 'bank_transfer' } }), 400, 'VALIDATION_FAILED');
    expect(noReference.errors).toEqual([expect.objectContaining({ path: '/payment/reference' })]);
    const free = expectProblem(await fileAtCounter(t.app, w.officer, { payment: { method: 'cash' } }, '2.000488'), 400, 'VALIDATION_FAILED');
    expect(free.errors).toEqual([expect.objectContaining({ path: '/payment' })]);
    const online = expectProblem(await fileOnline(t.app, w.citizen, { procedureCode: '2.000999', payment: { method: 'cash' } }), 400, 'VALIDATION_FAILED');
    expect(online.errors).toEqual([expect.objectContaining({ path: '/payment' })]);
    const badMethod = expectProblem(await fileAtCounter(t.app, w.officer, { payment: { method: 'cheque' } }), 400, 'VALIDATION_FAILED');
    expect(badMethod.errors.map((e: { path: string }) => e.path)).toContain('/payment/method');
  });

  it('numbers receipts without gaps per receiving unit and year when the desk takes many fees at once', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) codes.push(await feeDueDossier(t.app, w.citizen));
    const before = await t.db.selectFrom('receipt_counters').selectAll().where('unit_id', '=', w.units.centre).executeTakeFirst();
    const responses = await Promise.all(codes.map((code) => payAtCounter(t.app, w.officer, code, { method: 'cash', amountVnd: ONLINE_FEE_VND })));
    expect(responses.map((r) => r.statusCode)).toEqual(codes.map(() => 201));
    const seqs = (await t.db.selectFrom('payments').select(['receipt_seq', 'receipt_no', 'receipt_year']).where('unit_id', '=', w.units.centre).orderBy('receipt_seq').execute());
    expect(seqs.map((s) => Number(s.receipt_seq))).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.length).toBe(Number(before?.last_seq ?? 0) + codes.length);
    expect(new Set(seqs.map((s) => s.receipt_no)).size).toBe(seqs.length);
    expect(seqs.every((s) => s.receipt_no === `${s.receipt_year}-${String(s.receipt_seq).padStart(6, '0')}`)).toBe(true);
  });

  it('lets exactly one of a withdrawal and a counter payment at the same moment win, leaving no half state', async () => {
    for (let round = 0; round < 3; round++) {
      const code = await feeDueDossier(t.app, w.citizen);
      const [withdrawn, paid] = await Promise.all([
        act(t.app, w.citizen, code, { action: 'withdraw' }),
        payAtCounter(t.app, w.officer, code, { method: 'cash', amountVnd: ONLINE_FEE_VND }),
      ]);
      const row = await dossierRow(code);
      const [order] = await ordersOf(code);
      const payments = await t.db.selectFrom('payments').selectAll().where('order_id', '=', order.id).execute();
      if (withdrawn.statusCode === 200) {
        expect(paid.statusCode, paid.body).toBe(409);
        expect([row.status, order.status, payments.length]).toEqual(['withdrawn', 'cancelled', 0]);
      } else {
        expect(withdrawn.statusCode, withdrawn.body).toBe(409);
        expect(paid.statusCode, paid.body).toBe(201);
        expect([row.status, order.status, payments.map((p) => p.status)]).toEqual(['submitted', 'paid', ['valid']]);
      }
    }
  });

  it('tracks a fee_due dossier publicly like any other', async () => {
    const code = await feeDueDossier(t.app, w.citizen);
    const tracking = await t.app.inject({ method: 'GET', url: `/api/tracking/${encodeURIComponent(code)}` });
    expect(tracking.statusCode, tracking.body).toBe(200);
    expect(tracking.json()).toMatchObject({ code, status: 'fee_due', statusNumber: 6, receivedAt: null, dueAt: null });
  });

  it('answers 404 for another citizen’s dossier payment and 409 for online payment when nothing is owed', async () => {
    const code = await feeDueDossier(t.app, w.citizen);
    expectProblem(await getPayment(t.app, w.otherCitizen, code), 404, 'NOT_FOUND');
    expectProblem(await getPayment(t.app, w.outsider, code), 404, 'NOT_FOUND');
    expectProblem(await startOnline(t.app, w.otherCitizen, code), 404, 'NOT_FOUND');
    expectProblem(await getPayment(t.app, w.citizen, 'KHONG-CO'), 404, 'NOT_FOUND');
  });
});
