import { Command } from 'commander';
import { VERSION } from '../platform/version.js';
import { registerServeCommand } from './serve.command.js';
import { registerMigrateCommand } from './migrate.command.js';
import { registerSeedCommand } from './seed.command.js';
import { registerUserCommand } from './user.command.js';
import { registerBackupCommands } from './backup.command.js';
import { registerAuditCommand } from './audit.command.js';
import { registerGatewaySandboxCommand } from './gateway-sandbox.command.js';
import { registerIndexCommand } from './index.command.js';
import { vietnameseUsageError } from './commander-errors.js';

/** `cqs` — the administrator's command-line tool. Each command lives in src/cli/<name>.command.ts. */
export function createProgram(): Command {
  const program = new Command()
    .name('cqs')
    .description('Chính quyền số — công cụ quản trị dòng lệnh (command-line administration)')
    .version(VERSION, '-V, --version', 'hiển thị phiên bản (show the version)')
    // Set before the commands are added: every subcommand inherits these Vietnamese + English help labels.
    .helpOption('-h, --help', 'hiển thị trợ giúp (show help)')
    .helpCommand('help [command]', 'hiển thị trợ giúp cho một lệnh (show help for a command)')
    .showHelpAfterError('(dùng --help để xem hướng dẫn — use --help for usage)')
    .configureOutput({ outputError: (message, write) => write(`${vietnameseUsageError(message)}\n${message}`) });

  registerServeCommand(program);
  registerMigrateCommand(program);
  registerSeedCommand(program);
  registerUserCommand(program);
  registerBackupCommands(program);
  registerAuditCommand(program);
  registerGatewaySandboxCommand(program);
  registerIndexCommand(program);
  return program;
}
