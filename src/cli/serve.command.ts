import type { Command } from 'commander';
import { configOrExit } from './runtime.js';
import { onFirstStart } from './first-start.js';
import type { Config } from '../platform/config.js';
import type { DemoGatewaySandbox } from './demo-gateway-sandbox.js';

// Demo mode without a configured gateway: online payment goes to the sandbox (payments contract). A sandbox that
// fails to start does not stop the server; online payment is then simply unavailable.
async function demoGatewaySandbox(config: Config): Promise<{ sandbox?: DemoGatewaySandbox; sandboxLines: string[] }> {
  if (!config.seedDemoOnStart || config.payment.merchantCode) return { sandboxLines: [] };
  const { startDemoGatewaySandbox } = await import('./demo-gateway-sandbox.js');
  try {
    const sandbox = await startDemoGatewaySandbox(config);
    return { sandbox, sandboxLines: [`  Cổng thanh toán thử nghiệm: ${sandbox.url}`] };
  } catch (error) {
    return { sandboxLines: [`  Không chạy được cổng thanh toán thử nghiệm (sandbox gateway not started): ${(error as Error).message}`] };
  }
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Chạy máy chủ web và API (run the web and API server)')
    .action(async () => {
      let config = configOrExit();
      const { sandbox, sandboxLines } = await demoGatewaySandbox(config);
      if (sandbox) config = { ...config, payment: sandbox.payment };
      // Loaded here, not at the top: the other commands (backup, audit verify…) then start without the web stack.
      const { buildApp } = await import('../app.js');
      const app = await buildApp({ config });
      const firstStart = await onFirstStart(app);
      // A surge opens connections faster than they are accepted: a short queue makes the kernel drop or reset them
      // before the node can even answer 503 (Linux caps this at net.core.somaxconn).
      await app.listen({ port: config.port, host: config.host, backlog: config.server.listenBacklog });
      const { scheduleMaintenance } = await import('../platform/maintenance.js');
      const stopMaintenance = scheduleMaintenance(app.ctx.db, config, (error) => app.log.error({ err: error }, 'maintenance failed'));
      const { createOutboxWorker } = await import('../platform/outbox/start-worker.js');
      const outbox = createOutboxWorker(app.ctx.db, config, app.log);
      outbox.start();
      const lines = [
        '',
        `  Chính quyền số đang chạy tại ${config.publicUrl}  (database: ${app.ctx.dialect})`,
        `  Tài liệu API: ${config.publicUrl}/api/docs`,
        ...sandboxLines,
        ...firstStart,
        '',
      ];
      console.log(lines.join('\n'));
      const stop = async () => {
        stopMaintenance();
        // Before closing the database: the job in hand finishes and is marked done, not left to its lease.
        await outbox.stop();
        await app.close();
        await sandbox?.stop();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
