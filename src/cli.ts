import { Command } from 'commander';
import { VERSION } from './platform/version.js';
import { registerServeCommand } from './cli/serve.command.js';
import { registerMigrateCommand } from './cli/migrate.command.js';

/** `cqs` — the administrator's command-line tool. Each command lives in src/cli/<name>.command.ts. */
const program = new Command()
  .name('cqs')
  .description('Chính quyền số — công cụ quản trị dòng lệnh (command-line administration)')
  .version(VERSION);

registerServeCommand(program);
registerMigrateCommand(program);

program.parseAsync(process.argv).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
