import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY = /Cổng thanh toán thử nghiệm đang chạy tại (http:\/\/\S+)/;
const START_TIMEOUT_MS = 60_000;

export interface SandboxMerchantSpec {
  code: string;
  secret: string;
  ipnUrl: string;
}

export interface RunningGatewaySandbox {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The payment page (PAYMENT_GATEWAY_URL for the platform): `${url}/pay`. */
  payUrl: string;
  /** Stops the process and waits for it to exit. */
  close(): Promise<void>;
}

/**
 * Starts the real sandbox gateway (`cqs gateway-sandbox`) as its own process from the sources, on a free port,
 * and resolves once it has printed the line with its address.
 */
export function startGatewaySandbox(options: { merchants: SandboxMerchantSpec[]; dataFile?: string }): Promise<RunningGatewaySandbox> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The child gets only what the test gives it: no merchants or port leaking in from the caller.
    if (value !== undefined && !key.startsWith('GATEWAY_SANDBOX_')) env[key] = value;
  }
  const args = ['--import', 'tsx', 'src/cli.ts', 'gateway-sandbox', '--port', '0', '--host', '127.0.0.1'];
  for (const m of options.merchants) args.push('--merchant', `${m.code}:${m.secret}:${m.ipnUrl}`);
  if (options.dataFile) args.push('--data', options.dataFile);
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gateway sandbox did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    let ready = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = READY.exec(output);
      if (ready || !match) return;
      ready = true;
      clearTimeout(timer);
      const url = match[1];
      resolve({
        url,
        payUrl: `${url}/pay`,
        async close() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway sandbox exited (${code}) before it was ready:\n${output}`));
    });
  });
}
