import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localDateOf, VIETNAM_TIME_ZONE } from '../platform/calendar/local-time.js';
import { buildPaymentUrl, paramsFromQuery, verifyParams, withSignature, type GatewayParams } from '../platform/payment-gateway/protocol.js';
import { startGatewaySandbox, type RunningGatewaySandbox } from '../../test/support/gateway-sandbox.js';

const SECRET = 'bi-mat-thu-nghiem-0123456789';
const MERCHANT = 'CQSTEST';
const RETURN_URL = 'http://localhost:3999/portal/payments/return';

/**
 * The merchant's IPN receiver: the counterpart the sandbox talks to. It checks the signature as the platform does
 * and answers the way the contract says ('97' bad checksum, '00' otherwise), recording every callback.
 */
class IpnReceiver {
  readonly calls: GatewayParams[] = [];
  private readonly server = http.createServer((req, res) => {
    const params = paramsFromQuery(new URL(req.url ?? '/', 'http://x').search);
    this.calls.push(params);
    const valid = verifyParams(params, SECRET);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(valid ? { RspCode: '00', Message: 'Confirm Success' } : { RspCode: '97', Message: 'Invalid Checksum' }));
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/payments/gateway/ipn`;
  }

  async waitForCalls(count: number, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.calls.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

let receiver: IpnReceiver;
let sandbox: RunningGatewaySandbox;
let seq = 0;

beforeAll(async () => {
  receiver = new IpnReceiver();
  const ipnUrl = await receiver.start();
  sandbox = await startGatewaySandbox({ merchants: [{ code: MERCHANT, secret: SECRET, ipnUrl }] });
}, 90_000);

afterAll(async () => {
  await sandbox?.close();
  await receiver?.stop();
});

beforeEach(() => {
  receiver.calls.length = 0;
});

function payUrl(overrides: Partial<Parameters<typeof buildPaymentUrl>[0]> = {}): { url: string; txnRef: string } {
  seq += 1;
  const txnRef = `H18-260101-${String(seq).padStart(4, '0')}-1`;
  const now = new Date();
  const url = buildPaymentUrl({
    gatewayUrl: sandbox.payUrl,
    merchantCode: MERCHANT,
    secret: SECRET,
    amountVnd: 10_000,
    txnRef,
    orderInfo: `Nộp lệ phí hồ sơ ${txnRef}`,
    returnUrl: RETURN_URL,
    ipAddr: '127.0.0.1',
    createdAt: now,
    expiresAt: new Date(now.getTime() + 15 * 60_000),
    locale: 'vn',
    ...overrides,
  });
  return { url, txnRef };
}

/** Opens the payment page and presses a button with a scenario, as the payer's browser does (no redirect followed). */
async function pay(url: string, outcome: 'approve' | 'decline', scenario = 'ipn_first'): Promise<{ status: number; location: string }> {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const html = await page.text();
  const query = /name="query" value="([^"]*)"/.exec(html)![1].replace(/&amp;/g, '&');
  const decided = await fetch(`${sandbox.url}/pay/decide`, {
    method: 'POST',
    body: new URLSearchParams({ query, scenario, outcome }),
    redirect: 'manual',
  });
  return { status: decided.status, location: decided.headers.get('location') ?? '' };
}

function returnedParams(location: string): GatewayParams {
  expect(location.startsWith(`${RETURN_URL}?`)).toBe(true);
  return paramsFromQuery(new URL(location).search);
}

describe('sandbox gateway: the payment page', { timeout: 30_000 }, () => {
  it('shows the order, the amount as 10.000 ₫, the merchant, both buttons and the test scenarios', async () => {
    const { url, txnRef } = payUrl();
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('lang="vi"');
    expect(html).toContain(`Nộp lệ phí hồ sơ ${txnRef}`);
    expect(html).toContain('10.000 ₫');
    expect(html).toContain(MERCHANT);
    expect(html).toContain('>Thanh toán</button>');
    expect(html).toContain('>Hủy giao dịch</button>');
    expect(html).toContain('Kịch bản thử nghiệm');
    for (const scenario of ['ipn_first', 'redirect_first', 'no_ipn', 'ipn_twice']) expect(html).toContain(`value="${scenario}"`);
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it.each([
    ['a wrong signature', () => payUrl().url.replace(/vnp_SecureHash=[0-9a-f]{4}/, 'vnp_SecureHash=0000'), 'Sai chữ ký'],
    ['a changed amount', () => payUrl().url.replace('vnp_Amount=1000000', 'vnp_Amount=100000'), 'Sai chữ ký'],
    ['an unknown merchant', () => payUrl({ merchantCode: 'KHONGCO' }).url, 'Mã đơn vị không tồn tại'],
    ['another secret', () => payUrl({ secret: 'other' }).url, 'Sai chữ ký'],
    ['an expired request', () => payUrl({ createdAt: new Date(Date.now() - 30 * 60_000), expiresAt: new Date(Date.now() - 60_000) }).url, 'hết hạn'],
    ['a zero amount', () => payUrl({ amountVnd: 0 }).url, 'Số tiền không hợp lệ'],
    ['missing parameters', () => `${sandbox.payUrl}?vnp_TmnCode=${MERCHANT}`, 'Thiếu tham số'],
  ])('refuses %s with a 400 page saying what is wrong', async (_case, url, message) => {
    const response = await fetch(url());
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('Yêu cầu thanh toán không hợp lệ');
    expect(html).toContain(message);
    expect(receiver.calls).toHaveLength(0);
  });

  it('refuses an amount that is not a multiple of 100 even when correctly signed', async () => {
    const { url } = payUrl();
    const params = paramsFromQuery(new URL(url).search);
    const resigned = withSignature({ ...params, vnp_Amount: '1000050' }, SECRET);
    const response = await fetch(`${sandbox.payUrl}?${new URLSearchParams(resigned)}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Số tiền không hợp lệ');
  });

  it('refuses a decision whose request was tampered with after the page was shown', async () => {
    const { url } = payUrl();
    const query = new URL(url).search.slice(1).replace('vnp_Amount=1000000', 'vnp_Amount=100');
    const response = await fetch(`${sandbox.url}/pay/decide`, { method: 'POST', body: new URLSearchParams({ query, outcome: 'approve' }), redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(receiver.calls).toHaveLength(0);
  });
});

describe('sandbox gateway: deciding a payment', { timeout: 30_000 }, () => {
  it('approve: sends a correctly signed IPN (00/00, amount ×100) first, then redirects with the same verifiable params', async () => {
    const { url, txnRef } = payUrl({ amountVnd: 25_000 });
    const { status, location } = await pay(url, 'approve');
    expect(status).toBe(302);
    expect(receiver.calls).toHaveLength(1);
    const ipn = receiver.calls[0];
    expect(verifyParams(ipn, SECRET)).toBe(true);
    expect(ipn).toMatchObject({
      vnp_TmnCode: MERCHANT,
      vnp_Amount: '2500000',
      vnp_BankCode: 'NCB',
      vnp_CardType: 'ATM',
      vnp_ResponseCode: '00',
      vnp_TransactionStatus: '00',
      vnp_TxnRef: txnRef,
      vnp_OrderInfo: `Nộp lệ phí hồ sơ ${txnRef}`,
    });
    expect(ipn.vnp_TransactionNo).toMatch(/^\d+$/);
    expect(ipn.vnp_PayDate).toMatch(/^\d{14}$/);
    const returned = returnedParams(location);
    expect(verifyParams(returned, SECRET)).toBe(true);
    expect(returned).toEqual(ipn);
  });

  it('decline: sends 24/02 and redirects with the same', async () => {
    const { url, txnRef } = payUrl();
    const { status, location } = await pay(url, 'decline');
    expect(status).toBe(302);
    expect(receiver.calls).toHaveLength(1);
    expect(receiver.calls[0]).toMatchObject({ vnp_ResponseCode: '24', vnp_TransactionStatus: '02', vnp_TxnRef: txnRef, vnp_Amount: '1000000' });
    expect(verifyParams(receiver.calls[0], SECRET)).toBe(true);
    expect(returnedParams(location)).toMatchObject({ vnp_ResponseCode: '24', vnp_TransactionStatus: '02' });
  });

  it('transaction numbers increase from one payment to the next', async () => {
    await pay(payUrl().url, 'approve');
    await pay(payUrl().url, 'approve');
    const [first, second] = receiver.calls.map((c) => Number(c.vnp_TransactionNo));
    expect(second).toBeGreaterThan(first);
  });

  it('ipn_twice: sends the same signed IPN twice', async () => {
    const { location } = await pay(payUrl().url, 'approve', 'ipn_twice');
    expect(receiver.calls).toHaveLength(2);
    expect(receiver.calls[0]).toEqual(receiver.calls[1]);
    expect(returnedParams(location)).toEqual(receiver.calls[0]);
  });

  it('redirect_first: redirects before the IPN, which follows about a second later', async () => {
    const { status } = await pay(payUrl().url, 'approve', 'redirect_first');
    expect(status).toBe(302);
    expect(receiver.calls).toHaveLength(0);
    await receiver.waitForCalls(1);
    expect(receiver.calls).toHaveLength(1);
    expect(verifyParams(receiver.calls[0], SECRET)).toBe(true);
  });

  it('no_ipn: redirects and never calls the merchant (a lost callback)', async () => {
    const { status, location } = await pay(payUrl().url, 'approve', 'no_ipn');
    expect(status).toBe(302);
    expect(verifyParams(returnedParams(location), SECRET)).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.calls).toHaveLength(0);
  });
});

describe('sandbox gateway: testing API', { timeout: 30_000 }, () => {
  async function sandboxIpn(body: object): Promise<{ status: number; body: { responses?: { RspCode: string | null; Message: string }[]; message?: string } }> {
    const response = await fetch(`${sandbox.url}/sandbox/ipn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as never };
  }

  it('copies=5 sends five IPNs for a transaction opened with /pay and answers with the merchant\'s five responses', async () => {
    const { url, txnRef } = payUrl();
    expect((await fetch(url)).status).toBe(200);
    const { status, body } = await sandboxIpn({ txnRef, outcome: 'approve', copies: 5 });
    expect(status).toBe(200);
    expect(body.responses).toEqual(Array.from({ length: 5 }, () => ({ RspCode: '00', Message: 'Confirm Success' })));
    expect(receiver.calls).toHaveLength(5);
    expect(new Set(receiver.calls.map((c) => c.vnp_TransactionNo)).size).toBe(1);
    expect(receiver.calls.every((c) => c.vnp_TxnRef === txnRef && c.vnp_ResponseCode === '00')).toBe(true);
  });

  it('reuses the transaction already decided on the payment page', async () => {
    const { url, txnRef } = payUrl();
    await pay(url, 'approve');
    const transactionNo = receiver.calls[0].vnp_TransactionNo;
    await sandboxIpn({ txnRef, outcome: 'approve', copies: 2 });
    expect(receiver.calls.map((c) => c.vnp_TransactionNo)).toEqual([transactionNo, transactionNo, transactionNo]);
  });

  it('tamper=hash sends a callback that fails verification (the merchant answers 97)', async () => {
    const { url, txnRef } = payUrl();
    await fetch(url);
    const { body } = await sandboxIpn({ txnRef, outcome: 'approve', tamper: 'hash' });
    expect(body.responses).toEqual([{ RspCode: '97', Message: 'Invalid Checksum' }]);
    expect(verifyParams(receiver.calls[0], SECRET)).toBe(false);
  });

  it.each([
    ['amount', (c: GatewayParams, txnRef: string) => expect(c).toMatchObject({ vnp_Amount: '1100000', vnp_TxnRef: txnRef, vnp_TmnCode: MERCHANT })],
    ['merchant', (c: GatewayParams, txnRef: string) => expect(c).toMatchObject({ vnp_Amount: '1000000', vnp_TxnRef: txnRef, vnp_TmnCode: `${MERCHANT}X` })],
    ['order', (c: GatewayParams, txnRef: string) => expect(c).toMatchObject({ vnp_Amount: '1000000', vnp_TxnRef: `${txnRef}-UNKNOWN` })],
  ])('tamper=%s changes that value but signs correctly, so the merchant\'s later checks are reached', async (tamper, check) => {
    const { url, txnRef } = payUrl();
    await fetch(url);
    await sandboxIpn({ txnRef, outcome: 'decline', tamper });
    expect(receiver.calls).toHaveLength(1);
    expect(verifyParams(receiver.calls[0], SECRET)).toBe(true);
    check(receiver.calls[0], txnRef);
  });

  it('refuses an unknown reference (404) and a bad body (400) without calling the merchant', async () => {
    expect((await sandboxIpn({ txnRef: 'KHONG-CO', outcome: 'approve' })).status).toBe(404);
    expect((await sandboxIpn({ txnRef: 'X', outcome: 'maybe' })).status).toBe(400);
    expect((await sandboxIpn({ txnRef: 'X', outcome: 'approve', copies: 101 })).status).toBe(400);
    expect((await sandboxIpn({ txnRef: 'X', outcome: 'approve', tamper: 'everything' })).status).toBe(400);
    expect(receiver.calls).toHaveLength(0);
  });

  it('the daily file lists approved and declined transactions of the local date with their amounts', async () => {
    const approved = payUrl({ amountVnd: 30_000 });
    const declined = payUrl({ amountVnd: 5_000 });
    await pay(approved.url, 'approve');
    await pay(declined.url, 'decline');
    const [approvedNo, declinedNo] = receiver.calls.map((c) => c.vnp_TransactionNo);
    const payDate = receiver.calls[0].vnp_PayDate;
    const today = localDateOf(new Date(), VIETNAM_TIME_ZONE);
    const response = await fetch(`${sandbox.url}/sandbox/transactions?date=${today}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe('txn_ref,transaction_no,amount_vnd,bank_code,pay_date,status');
    expect(lines).toContain(`${approved.txnRef},${approvedNo},30000,NCB,${payDate},00`);
    expect(lines.find((l) => l.startsWith(`${declined.txnRef},`))).toMatch(new RegExp(`^${declined.txnRef},${declinedNo},5000,NCB,\\d{14},02$`));
    const otherDay = await (await fetch(`${sandbox.url}/sandbox/transactions?date=2000-01-01`)).text();
    expect(otherDay.trim()).toBe('txn_ref,transaction_no,amount_vnd,bank_code,pay_date,status');
    expect((await fetch(`${sandbox.url}/sandbox/transactions?date=2026-02-30`)).status).toBe(400);
  });

  it('answers its health check', async () => {
    const response = await fetch(`${sandbox.url}/sandbox/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', merchants: [MERCHANT] });
  });
});
