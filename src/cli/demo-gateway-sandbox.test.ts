import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.js';
import { buildPaymentUrl } from '../platform/payment-gateway/protocol.js';
import { DEMO_MERCHANT_CODE, startDemoGatewaySandbox } from './demo-gateway-sandbox.js';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

describe('cqs serve in demo mode: the sandbox gateway child process', { timeout: 90_000 }, () => {
  it('starts the real sandbox with a generated secret, fills config.payment with it, and stops it', async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1' });
    const sandbox = await startDemoGatewaySandbox(config, { execArgv: ['--import', 'tsx'], script: CLI });
    try {
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sandbox.payment).toEqual({ gatewayUrl: `${sandbox.url}/pay`, merchantCode: DEMO_MERCHANT_CODE, hashSecret: expect.stringMatching(/^[0-9a-f]{48}$/), attemptMinutes: 15 });
      expect(await (await fetch(`${sandbox.url}/sandbox/health`)).json()).toMatchObject({ status: 'ok', merchants: [DEMO_MERCHANT_CODE] });
      // The generated secret is the one the sandbox checks: a payment URL signed with it opens the payment page.
      const now = new Date();
      const url = buildPaymentUrl({
        gatewayUrl: sandbox.payment.gatewayUrl!, merchantCode: DEMO_MERCHANT_CODE, secret: sandbox.payment.hashSecret!, amountVnd: 10_000,
        txnRef: 'DEMO-1', orderInfo: 'Thử', returnUrl: 'http://localhost:3000/portal/payments/return', ipAddr: '127.0.0.1',
        createdAt: now, expiresAt: new Date(now.getTime() + 60_000), locale: 'vn',
      });
      expect((await fetch(url)).status).toBe(200);
    } finally {
      await sandbox.stop();
    }
    await expect(fetch(`${sandbox.url}/sandbox/health`)).rejects.toThrow();
  });
});
