import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { bearer, insertUser, multipartBody, sessionTokenFor } from '../../../test/support/fixtures.js';
import { startGatewaySandbox, type RunningGatewaySandbox } from '../../../test/support/gateway-sandbox.js';
import { oneStopProcedure, setUpOneStop, type OneStopWorld } from '../../../test/support/one-stop.js';
import { feeDueDossier, feeProcedure, ONLINE_FEE_VND, startOnline } from '../../../test/support/payments.js';
import { freePort } from '../../../test/support/smtp-server.js';
import { localDateOf, VIETNAM_TIME_ZONE } from '../../platform/calendar/local-time.js';

const MERCHANT = 'CQSRC001';
const SECRET = 'bi-mat-doi-soat-thu-nghiem-2026';

/*
 * Reconciliation against the real thing: payments made through the sandbox gateway process and its IPN, then the
 * sandbox's own daily file (the format the contract fixes) imported as the accountant would.
 */
describe.each(DIALECTS)('reconciling the sandbox gateway’s daily file on %s', (dialect) => {
  let t: TestApp;
  let w: OneStopWorld;
  let sandbox: RunningGatewaySandbox;
  let accountant: string;
  beforeAll(async () => {
    const port = await freePort();
    sandbox = await startGatewaySandbox({ merchants: [{ code: MERCHANT, secret: SECRET, ipnUrl: `http://127.0.0.1:${port}/api/payments/gateway/ipn` }] });
    t = await createTestApp(dialect, { PAYMENT_GATEWAY_URL: sandbox.payUrl, PAYMENT_MERCHANT_CODE: MERCHANT, PAYMENT_HASH_SECRET: SECRET });
    await t.app.listen({ port, host: '127.0.0.1' });
    w = await setUpOneStop(t.db, [oneStopProcedure(), feeProcedure()]);
    const user = await insertUser(t.db, { unitId: w.units.centre, roles: [{ role: 'accountant', unitId: w.units.centre, includeSubtree: true }] });
    accountant = await sessionTokenFor(t.db, user);
  }, 90_000);
  afterAll(async () => {
    await t?.close();
    await sandbox?.close();
  });

  async function payOnline(outcome: 'approve' | 'decline'): Promise<string> {
    const code = await feeDueDossier(t.app, w.citizen);
    const started = await startOnline(t.app, w.citizen, code);
    expect(started.statusCode, started.body).toBe(201);
    const { paymentUrl, txnRef } = started.json();
    expect((await fetch(paymentUrl)).status).toBe(200);
    const answer = await fetch(`${sandbox.url}/sandbox/ipn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ txnRef, outcome }),
    });
    expect((await answer.json()).responses).toEqual([{ RspCode: '00', Message: 'Confirm Success' }]);
    return txnRef;
  }

  it('matches every transaction paid through the gateway that day, and reports none', async () => {
    const paid = [await payOnline('approve'), await payOnline('approve')];
    await payOnline('decline');
    const today = localDateOf(new Date(), VIETNAM_TIME_ZONE);
    const file = Buffer.from(await (await fetch(`${sandbox.url}/sandbox/transactions?date=${today}`)).arrayBuffer());
    const body = await multipartBody({ date: today, file: { content: file, fileName: `vnpay-${today}.csv`, type: 'text/csv' } });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/payments/reconciliations',
      payload: body.payload,
      headers: { ...body.headers, ...bearer(accountant) },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ gatewayDate: today, gatewayRows: 2, platformRows: 2, matched: 2, totalItems: 0, items: [] });
    const payments = await t.db
      .selectFrom('payments')
      .innerJoin('payment_attempts', 'payment_attempts.id', 'payments.attempt_id')
      .select(['payment_attempts.txn_ref', 'payments.amount_vnd'])
      .execute();
    expect(payments.map((p) => [p.txn_ref, Number(p.amount_vnd)]).sort()).toEqual(paid.map((ref) => [ref, ONLINE_FEE_VND]).sort());
  });
});
