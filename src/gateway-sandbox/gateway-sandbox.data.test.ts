import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf, VIETNAM_TIME_ZONE } from '../platform/calendar/local-time.js';
import { buildPaymentUrl, paramsFromQuery } from '../platform/payment-gateway/protocol.js';
import { startGatewaySandbox } from '../../test/support/gateway-sandbox.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'data-file-secret';

let receiver: http.Server;
let ipnUrl: string;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-sandbox-'));
  receiver = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"RspCode":"00","Message":"Confirm Success"}'));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  ipnUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ipn`;
});

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('cqs gateway-sandbox --data', { timeout: 120_000 }, () => {
  it('keeps transactions in an append-only JSON lines file: the daily file and the numbering survive a restart', async () => {
    const dataFile = path.join(dir, 'transactions.jsonl');
    const merchants = [{ code: 'CQSDATA', secret: SECRET, ipnUrl }];
    const first = await startGatewaySandbox({ merchants, dataFile });
    const now = new Date();
    const payUrl = (gatewayUrl: string) => buildPaymentUrl({
      gatewayUrl, merchantCode: 'CQSDATA', secret: SECRET, amountVnd: 42_000, txnRef: 'DATA-1', orderInfo: 'Lệ phí',
      returnUrl: 'http://localhost:3999/return', ipAddr: '127.0.0.1', createdAt: now, expiresAt: new Date(now.getTime() + 60_000), locale: 'vn',
    });
    const url = payUrl(first.payUrl);
    const ipn = await fetch(`${first.url}/sandbox/ipn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ txnRef: 'DATA-1', outcome: 'approve' }) });
    expect(ipn.status).toBe(404);
    expect((await fetch(url)).status).toBe(200);
    const decided = await fetch(`${first.url}/pay/decide`, { method: 'POST', body: new URLSearchParams({ query: new URL(url).search.slice(1), outcome: 'approve', scenario: 'no_ipn' }), redirect: 'manual' });
    const firstNo = paramsFromQuery(new URL(decided.headers.get('location')!).search).vnp_TransactionNo;
    await first.close();
    const lines = fs.readFileSync(dataFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ txnRef: 'DATA-1', transactionNo: firstNo, amountVnd: 42_000, transactionStatus: '00' });

    const second = await startGatewaySandbox({ merchants, dataFile });
    try {
      const csv = await (await fetch(`${second.url}/sandbox/transactions?date=${localDateOf(new Date(), VIETNAM_TIME_ZONE)}`)).text();
      expect(csv).toMatch(new RegExp(`^DATA-1,${firstNo},42000,NCB,\\d{14},00$`, 'm'));
      expect((await fetch(payUrl(second.payUrl))).status).toBe(200);
      const again = await fetch(`${second.url}/sandbox/ipn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ txnRef: 'DATA-1', outcome: 'decline' }) });
      expect(again.status).toBe(200);
      expect((await again.json()) as object).toMatchObject({ transactionNo: String(Number(firstNo) + 1), responses: [{ RspCode: '00' }] });
    } finally {
      await second.close();
    }
  });

  it('refuses to start without a merchant, saying so, with exit code 2', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GATEWAY_SANDBOX_')));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'gateway-sandbox', '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--merchant CODE:SECRET:IPN_URL');
  });
});
