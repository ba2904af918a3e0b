import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError, action } from './output.js';

interface SandboxCliOptions {
  port?: string;
  host: string;
  merchant: string[];
  data?: string;
}

function portFrom(raw: string | undefined): number {
  const text = raw ?? process.env.GATEWAY_SANDBOX_PORT ?? '8089';
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new CliError(`cổng không hợp lệ: "${text}"`, `invalid port: "${text}"`, 2);
  return Number(text);
}

// A wildcard address is not something a browser can open: the printed URL names this machine instead.
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

export function registerGatewaySandboxCommand(program: Command): void {
  program
    .command('gateway-sandbox')
    .description('Chạy cổng thanh toán thử nghiệm cho demo và kiểm thử — không có tiền thật (run the sandbox payment gateway for demos and tests; no real money)')
    .option('--port <port>', 'cổng HTTP, 0 = cổng trống bất kỳ; mặc định GATEWAY_SANDBOX_PORT hoặc 8089 (HTTP port, 0 = any free port)')
    .option('--host <host>', 'địa chỉ lắng nghe (listen address)', '127.0.0.1')
    .option(
      '--merchant <CODE:SECRET:IPN_URL>',
      'đơn vị chấp nhận thanh toán, lặp lại được; thêm từ GATEWAY_SANDBOX_MERCHANTS (merchant, repeatable; also from GATEWAY_SANDBOX_MERCHANTS, comma list)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--data <file>', 'tệp JSON lines lưu giao dịch (append-only JSON lines file of the transactions)')
    .action(
      action(async (options: SandboxCliOptions) => {
        const { parseMerchantList } = await import('../gateway-sandbox/merchants.js');
        const { buildSandboxApp } = await import('../gateway-sandbox/sandbox-app.js');
        const port = portFrom(options.port);
        let merchants;
        try {
          merchants = parseMerchantList([...options.merchant, process.env.GATEWAY_SANDBOX_MERCHANTS ?? '']);
        } catch (error) {
          throw new CliError(`đơn vị chấp nhận thanh toán không hợp lệ — ${(error as Error).message}`, 'invalid --merchant', 2);
        }
        if (merchants.length === 0) {
          throw new CliError('cần ít nhất một --merchant CODE:SECRET:IPN_URL', 'at least one --merchant CODE:SECRET:IPN_URL is required', 2);
        }
        const app = buildSandboxApp({ merchants, dataFile: options.data ? path.resolve(options.data) : undefined });
        await app.listen({ port, host: options.host });
        const bound = (app.server.address() as AddressInfo).port;
        console.log(`Cổng thanh toán thử nghiệm đang chạy tại http://${displayHost(options.host)}:${bound}`);
        const stop = async () => {
          await app.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
    );
}
