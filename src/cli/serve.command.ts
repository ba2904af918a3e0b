import type { Command } from 'commander';
import { configOrExit } from './runtime.js';
import { onFirstStart } from './first-start.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Chạy máy chủ web và API (run the web and API server)')
    .action(async () => {
      const config = configOrExit();
      // Loaded here, not at the top: the other commands (backup, audit verify…) then start without the web stack.
      const { buildApp } = await import('../app.js');
      const app = await buildApp({ config });
      const firstStart = await onFirstStart(app);
      await app.listen({ port: config.port, host: config.host });
      const { scheduleMaintenance } = await import('../platform/maintenance.js');
      const stopMaintenance = scheduleMaintenance(app.ctx.db, config, (error) => app.log.error({ err: error }, 'maintenance failed'));
      const { createOutboxWorker } = await import('../platform/outbox/start-worker.js');
      const outbox = createOutboxWorker(app.ctx.db, config, app.log);
      outbox.start();
      const lines = [
        '',
        `  Chính quyền số đang chạy tại ${config.publicUrl}  (database: ${app.ctx.dialect})`,
        `  Tài liệu API: ${config.publicUrl}/api/docs`,
        ...firstStart,
        '',
      ];
      console.log(lines.join('\n'));
      const stop = async () => {
        stopMaintenance();
        // Before closing the database: the job in hand finishes and is marked done, not left to its lease.
        await outbox.stop();
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
