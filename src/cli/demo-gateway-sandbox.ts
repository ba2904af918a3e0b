import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Config } from '../platform/config.js';

export const DEMO_MERCHANT_CODE = 'CQSDEMO';
const READY = /Cổng thanh toán thử nghiệm đang chạy tại (http:\/\/\S+)/;
const START_TIMEOUT_MS = 60_000;

export interface DemoGatewaySandbox {
  url: string;
  /** config.payment for the app, pointing at the sandbox. */
  payment: Config['payment'];
  stop(): Promise<void>;
}

/**
 * Demo convenience (payments contract): with no PAYMENT_* variables and demo seeding on, `cqs serve` runs the
 * sandbox gateway as a child process on PORT+1 with a secret made up for this run, so online payment works
 * out of the box. The child is the same CLI entry this process was started with (bin/cqs.js, or src/cli.ts
 * under tsx: process.execArgv carries tsx's loader).
 */
export function startDemoGatewaySandbox(
  config: Config,
  entry: { execArgv: string[]; script: string } = { execArgv: process.execArgv, script: process.argv[1] },
): Promise<DemoGatewaySandbox> {
  const secret = randomBytes(24).toString('hex');
  const port = config.port === 0 || config.port >= 65535 ? 0 : config.port + 1;
  const ipnUrl = `${config.publicUrl}/api/payments/gateway/ipn`;
  // The merchant (with its secret) goes through the environment, not the arguments anyone can read in `ps`.
  const env = { ...process.env, GATEWAY_SANDBOX_MERCHANTS: `${DEMO_MERCHANT_CODE}:${secret}:${ipnUrl}` };
  const child: ChildProcess = spawn(
    process.execPath,
    [...entry.execArgv, entry.script, 'gateway-sandbox', '--port', String(port), '--host', config.host],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never outlive the server, even when it ends without its stop handler (a crash).
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the sandbox gateway did not start in time'));
    }, START_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (ready) return;
      output += chunk.toString('utf8');
      const match = READY.exec(output);
      if (!match) return;
      ready = true;
      clearTimeout(timer);
      const url = match[1];
      resolve({
        url,
        payment: { ...config.payment, gatewayUrl: `${url}/pay`, merchantCode: DEMO_MERCHANT_CODE, hashSecret: secret },
        async stop() {
          process.off('exit', killOnExit);
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      process.off('exit', killOnExit);
      if (!ready) reject(new Error(`the sandbox gateway stopped (exit code ${code})`));
    });
  });
}
