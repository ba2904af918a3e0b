import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { startGatewaySandbox, type RunningGatewaySandbox } from '../../../test/support/gateway-sandbox.js';
import { act, expectProblem, getDossier, oneStopProcedure, setUpOneStop, type OneStopWorld } from '../../../test/support/one-stop.js';
import { feeDueDossier, feeProcedure, getPayment, ONLINE_FEE_VND, startOnline } from '../../../test/support/payments.js';
import { freePort } from '../../../test/support/smtp-server.js';
import { paramsFromQuery, toQueryString, verifyParams, withSignature } from '../../platform/payment-gateway/protocol.js';

const MERCHANT = 'CQSDB001';
const SECRET = 'bi-mat-cong-thanh-toan-thu-nghiem-2026';
const PUBLIC_URL = 'https://dichvucong.dienbien.example';

interface SandboxAnswer {
  transactionNo: string;
  responses: { RspCode: string | null; Message: string }[];
}

/*
 * The gateway side for real: the sandbox runs as its own process (cqs gateway-sandbox) and calls the platform's IPN
 * over HTTP, so the test app listens on a real port (the merchant's IPN URL) instead of answering app.inject only.
 */
describe.each(DIALECTS)('online payment through the sandbox gateway on %s', (dialect) => {
  let t: TestApp;
  let w: OneStopWorld;
  let sandbox: RunningGatewaySandbox;
  beforeAll(async () => {
    const port = await freePort();
    sandbox = await startGatewaySandbox({ merchants: [{ code: MERCHANT, secret: SECRET, ipnUrl: `http://127.0.0.1:${port}/api/payments/gateway/ipn` }] });
    t = await createTestApp(dialect, { PAYMENT_GATEWAY_URL: sandbox.payUrl, PAYMENT_MERCHANT_CODE: MERCHANT, PAYMENT_HASH_SECRET: SECRET, PUBLIC_URL });
    await t.app.listen({ port, host: '127.0.0.1' });
    w = await setUpOneStop(t.db, [oneStopProcedure(), feeProcedure()]);
  }, 90_000);
  afterAll(async () => {
    await t?.close();
    await sandbox?.close();
  });

  /** The applicant starts paying and the browser opens the gateway's page (the sandbox remembers the request). */
  async function openAtGateway(code: string): Promise<{ txnRef: string; paymentUrl: string }> {
    const started = await startOnline(t.app, w.citizen, code);
    expect(started.statusCode, started.body).toBe(201);
    const { paymentUrl, txnRef } = started.json();
    const page = await fetch(paymentUrl);
    expect(page.status, await page.clone().text()).toBe(200);
    return { txnRef, paymentUrl };
  }

  async function sandboxIpn(body: Record<string, unknown>): Promise<SandboxAnswer> {
    const response = await fetch(`${sandbox.url}/sandbox/ipn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    return (await response.json()) as SandboxAnswer;
  }

  /** The payer presses a button on the gateway's page; the answer is the redirect to the platform's return URL. */
  async function decide(paymentUrl: string, outcome: 'approve' | 'decline', scenario: string): Promise<URL> {
    const query = new URL(paymentUrl).search.slice(1);
    const response = await fetch(`${sandbox.url}/pay/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query, outcome, scenario }).toString(),
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location')!);
  }

  const readReturn = async (url: URL) => (await t.app.inject({ method: 'GET', url: `/api/payments/gateway/return${url.search}` })).json();
  const dossierRow = (code: string) => t.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const paymentsOf = async (code: string) => {
    const row = await dossierRow(code);
    return t.db
      .selectFrom('payments')
      .innerJoin('payment_orders', 'payment_orders.id', 'payments.order_id')
      .selectAll('payments')
      .where('payment_orders.dossier_id', '=', row.id)
      .orderBy('payments.id')
      .execute();
  };
  const feePaidEvents = async (code: string) => {
    const row = await dossierRow(code);
    return t.db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', row.id).where('action', '=', 'fee_paid').execute();
  };
  const callbacks = (txnRef: string) => t.db.selectFrom('gateway_callbacks').select(['rsp_code', 'txn_ref']).where('txn_ref', 'like', `${txnRef}%`).orderBy('id').execute();

  it('gives the applicant a signed URL of the gateway’s page: amount ×100, return URL, a safe reference', async () => {
    const code = await feeDueDossier(t.app, w.citizen);
    expect((await getPayment(t.app, w.citizen, code)).json()).toMatchObject({ canPayOnline: true });
    const key = { 'idempotency-key': `online-${code}` };
    const started = await startOnline(t.app, w.citizen, code, key);
    expect(started.statusCode, started.body).toBe(201);
    const { paymentUrl, txnRef, expiresAt } = started.json();
    expect(paymentUrl.startsWith(`${sandbox.payUrl}?`)).toBe(true);
    const params = paramsFromQuery(new URL(paymentUrl).search.slice(1));
    expect(verifyParams(params, SECRET)).toBe(true);
    expect(verifyParams(params, `${SECRET}x`)).toBe(false);
    expect(params).toMatchObject({
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_TmnCode: MERCHANT,
      vnp_Amount: String(ONLINE_FEE_VND * 100),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: txnRef,
      vnp_ReturnUrl: `${PUBLIC_URL}/portal/payments/return`,
      vnp_Locale: 'vn',
    });
    expect(txnRef).toMatch(/^[A-Za-z0-9-]+-1$/);
    const minutes = (new Date(expiresAt).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const replay = await startOnline(t.app, w.citizen, code, key);
    expect(replay.json().txnRef).toBe(txnRef);
    expect((await fetch(paymentUrl)).status).toBe(200);
    const attempts = await t.db.selectFrom('payment_attempts').selectAll().where('txn_ref', 'like', `${txnRef.slice(0, -2)}%`).execute();
    expect(attempts.map((a) => [a.status, Number(a.amount_vnd)])).toEqual([['started', ONLINE_FEE_VND]]);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', code).execute();
    expect(audit.map((a) => a.action)).toContain('payment.start');

    expectProblem(await startOnline(t.app, w.otherCitizen, code), 404, 'NOT_FOUND');
    expectProblem(await startOnline(t.app, w.officer, code), 403, 'FORBIDDEN');
  });

  it('refuses a forged checksum (97), another merchant (99), an unknown order (01) and a wrong amount (04), changing nothing', async () => {
    const code = await feeDueDossier(t.app, w.citizen);
    const { txnRef } = await openAtGateway(code);
    expect((await sandboxIpn({ txnRef, outcome: 'approve', tamper: 'hash' })).responses).toEqual([{ RspCode: '97', Message: 'Invalid Checksum' }]);
    expect((await sandboxIpn({ txnRef, outcome: 'approve', tamper: 'merchant' })).responses[0].RspCode).toBe('99');
    expect((await sandboxIpn({ txnRef, outcome: 'approve', tamper: 'order' })).responses).toEqual([{ RspCode: '01', Message: 'Order not found' }]);
    expect((await sandboxIpn({ txnRef, outcome: 'approve', tamper: 'amount' })).responses).toEqual([{ RspCode: '04', Message: 'Invalid amount' }]);
    expect((await dossierRow(code)).status).toBe('fee_due');
    expect(await paymentsOf(code)).toEqual([]);
    // Signed but incomplete (no transaction number, no status): not applied, answered 99 so the gateway retries.
    const incomplete = withSignature({ vnp_TmnCode: MERCHANT, vnp_Amount: String(ONLINE_FEE_VND * 100), vnp_TxnRef: txnRef, vnp_ResponseCode: '00' }, SECRET);
    const partial = await t.app.inject({ method: 'GET', url: `/api/payments/gateway/ipn?${toQueryString(incomplete)}` });
    expect(partial.json()).toEqual({ RspCode: '99', Message: 'Unknown error' });
    expect((await dossierRow(code)).status).toBe('fee_due');
    // Not even a malformed call gets an HTTP error: the gateway only reads RspCode.
    const bare = await t.app.inject({ method: 'GET', url: '/api/payments/gateway/ipn?vnp_TxnRef=x&vnp_TxnRef=y' });
    expect(bare.statusCode).toBe(200);
    expect(bare.json()).toEqual({ RspCode: '97', Message: 'Invalid Checksum' });
    expect((await callbacks(txnRef)).map((c) => c.rsp_code)).toEqual(['97', '99', '01', '04', '99']);
  });

  it('confirms once and answers a repeated IPN with 02; the return URL only reads', async () => {
    const code = await feeDueDossier(t.app, w.citizen);
    const { txnRef, paymentUrl } = await openAtGateway(code);
    const returnUrl = await decide(paymentUrl, 'approve', 'ipn_first');
    expect(`${returnUrl.origin}${returnUrl.pathname}`).toBe(`${PUBLIC_URL}/portal/payments/return`);
    const [payment] = await paymentsOf(code);
    expect(payment).toMatchObject({ channel: 'gateway', status: 'valid', unit_id: w.units.centre });
    expect(Number(payment.amount_vnd)).toBe(ONLINE_FEE_VND);
    expect(payment.reference).toBe(returnUrl.searchParams.get('vnp_TransactionNo'));
    const returned = await readReturn(returnUrl);
    expect(returned).toEqual({ valid: true, dossierCode: code, txnRef, approved: true, orderStatus: 'paid', amountVnd: ONLINE_FEE_VND, receiptId: Number(payment.id) });
    expect((await readReturn(returnUrl)).orderStatus).toBe('paid');

    expect((await sandboxIpn({ txnRef, outcome: 'approve' })).responses).toEqual([{ RspCode: '02', Message: 'Order already confirmed' }]);
    expect(await paymentsOf(code)).toHaveLength(1);
    expect(await feePaidEvents(code)).toHaveLength(1);
    expect((await callbacks(txnRef)).map((c) => c.rsp_code)).toEqual(['00', '02']);

    const detail = (await getDossier(t.app, w.citizen, code)).json();
    expect(detail.status).toBe('submitted');
    expect(detail.history.at(-1)).toMatchObject({ action: 'fee_paid', actorName: 'Cổng thanh toán trực tuyến', payment: { channel: 'gateway', receiptNo: payment.receipt_no } });
    const confirmAudit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'payment.confirm').where('entity_id', '=', String(payment.id)).execute();
    expect(confirmAudit).toHaveLength(1);
    expect(confirmAudit[0].actor_id).toBeNull();
    const forged = new URL(returnUrl);
    forged.searchParams.set('vnp_Amount', '100');
    expect(await readReturn(forged)).toMatchObject({ valid: false, dossierCode: null });
  });

  it('shows a return that comes before the IPN as waiting, changing nothing, until the IPN pays', async () => {
    const code = await feeDueDossier(t.app, w.citizen);
    const { txnRef, paymentUrl } = await openAtGateway(code);
    const returnUrl = await decide(paymentUrl, 'approve', 'redirect_first');
    const early = await readReturn(returnUrl);
    expect(early).toMatchObject({ valid: true, approved: true, txnRef, orderStatus: 'pending', receiptId: null });
    expect((await dossierRow(code)).status).toBe('fee_due');
    expect(await paymentsOf(code)).toEqual([]);
    await expect.poll(async () => (await dossierRow(code)).status, { timeout: 10_000, interval: 200 }).toBe('submitted');
    expect(await readReturn(returnUrl)).toMatchObject({ orderStatus: 'paid', receiptId: expect.any(Number) });
  });

  it('lets exactly one of 50 concurrent IPNs pay: one payment, one receipt number, one fee_paid event, 49 × 02', async () => {
    const code = await feeDueDossier(t.app, w.citizen);
    const { txnRef } = await openAtGateway(code);
    const counterBefore = await t.db.selectFrom('receipt_counters').select('last_seq').where('unit_id', '=', w.units.centre).executeTakeFirst();
    const { responses } = await sandboxIpn({ txnRef, outcome: 'approve', copies: 50 });
    expect(responses.filter((r) => r.RspCode === '00')).toHaveLength(1);
    expect(responses.filter((r) => r.RspCode === '02')).toHaveLength(49);
    const payments = await paymentsOf(code);
    expect(payments).toHaveLength(1);
    expect(payments[0].status).toBe('valid');
    expect(await feePaidEvents(code)).toHaveLength(1);
    const counterAfter = await t.db.selectFrom('receipt_counters').select('last_seq').where('unit_id', '=', w.units.centre).executeTakeFirstOrThrow();
    expect(Number(counterAfter.last_seq)).toBe(Number(counterBefore?.last_seq ?? 0) + 1);
    expect(await t.db.selectFrom('audit_log').select('seq').where('action', '=', 'payment.confirm').where('entity_id', '=', String(payments[0].id)).execute()).toHaveLength(1);
    expect((await callbacks(txnRef)).map((c) => c.rsp_code).sort()).toEqual(['00', ...Array(49).fill('02')]);
  });

  it('keeps the dossier fee_due after a declined payment, and lets the applicant pay again', async () => {
    const code = await feeDueDossier(t.app, w.citizen);
    const first = await openAtGateway(code);
    const returnUrl = await decide(first.paymentUrl, 'decline', 'ipn_first');
    expect(await readReturn(returnUrl)).toMatchObject({ valid: true, approved: false, orderStatus: 'pending', receiptId: null });
    expect((await dossierRow(code)).status).toBe('fee_due');
    expect(await paymentsOf(code)).toEqual([]);
    const view = (await getPayment(t.app, w.citizen, code)).json();
    expect(view).toMatchObject({ order: { status: 'pending' }, attempts: [{ txnRef: first.txnRef, status: 'declined', responseCode: '24' }], canPayOnline: true });
    expect((await callbacks(first.txnRef)).map((c) => c.rsp_code)).toEqual(['00']);
    expect((await sandboxIpn({ txnRef: first.txnRef, outcome: 'decline' })).responses[0].RspCode).toBe('02');
    const declineAudit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', first.txnRef).execute();
    expect(declineAudit.map((a) => a.action)).toEqual(['payment.decline']);

    const second = await openAtGateway(code);
    expect(second.txnRef).toMatch(/-2$/);
    await decide(second.paymentUrl, 'approve', 'ipn_first');
    expect((await dossierRow(code)).status).toBe('submitted');
  });

  it('still takes a success that arrives after the attempt expired, while the order is unpaid', async () => {
    const code = await feeDueDossier(t.app, w.citizen);
    const { txnRef } = await openAtGateway(code);
    await t.db.updateTable('payment_attempts').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('txn_ref', '=', txnRef).execute();
    expect((await sandboxIpn({ txnRef, outcome: 'approve' })).responses[0].RspCode).toBe('00');
    expect((await dossierRow(code)).status).toBe('submitted');
  });

  it('keeps money taken after the applicant withdrew as a duplicate to refund; the dossier stays withdrawn', async () => {
    const code = await feeDueDossier(t.app, w.citizen);
    const { txnRef } = await openAtGateway(code);
    const withdrawn = await act(t.app, w.citizen, code, { action: 'withdraw' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await sandboxIpn({ txnRef, outcome: 'approve' })).responses[0].RspCode).toBe('02');
    expect((await paymentsOf(code)).map((p) => p.status)).toEqual(['duplicate']);
    expect((await dossierRow(code)).status).toBe('withdrawn');
    expect(await feePaidEvents(code)).toEqual([]);
  });

  it('records a late success after another attempt paid as a duplicate payment with its receipt, answering 02', async () => {
    const code = await feeDueDossier(t.app, w.citizen);
    const first = await openAtGateway(code);
    const second = await openAtGateway(code);
    expect((await sandboxIpn({ txnRef: second.txnRef, outcome: 'approve' })).responses[0].RspCode).toBe('00');
    expect((await sandboxIpn({ txnRef: first.txnRef, outcome: 'approve' })).responses).toEqual([{ RspCode: '02', Message: 'Order already confirmed' }]);
    const payments = await paymentsOf(code);
    expect(payments.map((p) => p.status)).toEqual(['valid', 'duplicate']);
    expect(payments[1].receipt_no).not.toBe(payments[0].receipt_no);
    expect(await feePaidEvents(code)).toHaveLength(1);
    const attempts = await t.db.selectFrom('payment_attempts').select(['txn_ref', 'status']).where('txn_ref', 'in', [first.txnRef, second.txnRef]).orderBy('id').execute();
    expect(attempts.map((a) => a.status)).toEqual(['succeeded', 'succeeded']);
    expect((await getPayment(t.app, w.citizen, code)).json().payments.map((p: { status: string }) => p.status)).toEqual(['valid', 'duplicate']);
    expectProblem(await startOnline(t.app, w.citizen, code), 409, 'PAYMENT_NOT_DUE');
  });
});
