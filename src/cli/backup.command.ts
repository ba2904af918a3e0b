import readline from 'node:readline/promises';
import type { Command } from 'commander';
import { openDatabase } from '../platform/database/database.js';
import { backupDatabase, restoreDatabase } from '../platform/backup/backup.js';
import { CliError, action } from './output.js';
import { configOrExit } from './runtime.js';

async function confirmRestore(yes: boolean | undefined): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY) {
    throw new CliError('Khôi phục sẽ thay thế toàn bộ dữ liệu hiện có; thêm --yes để xác nhận.', 'Restoring replaces all current data; add --yes to confirm.');
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question('Khôi phục sẽ thay thế toàn bộ dữ liệu hiện có. Gõ "yes" để tiếp tục (type "yes" to go on): ');
  rl.close();
  if (answer.trim().toLowerCase() !== 'yes') throw new CliError('Đã hủy khôi phục.', 'Restore cancelled.');
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Sao lưu cơ sở dữ liệu vào một tệp mới, an toàn khi máy chủ đang chạy — SQLite: backup API; PostgreSQL: pg_dump --format=custom ' +
        '(back up the database to a new file, safe while the server runs)',
    )
    .argument('<file>', 'tệp sao lưu sẽ tạo, không ghi đè tệp đã có (backup file to create; never overwritten)')
    .action(
      action(async (file: string) => {
        const config = configOrExit();
        // No migration: a backup copies the database exactly as the running server has it.
        const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 2 });
        try {
          const written = await backupDatabase(database, config, file);
          console.log(`Đã sao lưu ${database.dialect} vào ${written.file} (${written.bytes} byte) (backup written).`);
        } finally {
          await database.close();
        }
      }),
    );

  program
    .command('restore')
    .description(
      'Khôi phục cơ sở dữ liệu từ tệp sao lưu rồi kiểm tra chuỗi nhật ký. PHẢI DỪNG MÁY CHỦ TRƯỚC. ' +
        '(restore the database from a backup, then verify the audit chain; STOP THE SERVER FIRST)',
    )
    .argument('<file>', 'tệp sao lưu do "cqs backup" tạo (a file written by "cqs backup")')
    .option('--yes', 'không hỏi xác nhận (do not ask for confirmation)')
    .addHelpText(
      'after',
      '\nSQLite: cơ sở dữ liệu cũ được giữ lại bên cạnh với tên cqs.sqlite.before-restore-<thời điểm>.\n' +
        'SQLite: the replaced database is kept next to it as cqs.sqlite.before-restore-<time>.\n' +
        'PostgreSQL: pg_restore --clean --if-exists trong một giao dịch (in one transaction).\n',
    )
    .action(
      action(async (file: string, options: { yes?: boolean }) => {
        const config = configOrExit();
        await confirmRestore(options.yes);
        const result = await restoreDatabase(config, file);
        console.log(`Đã khôi phục từ ${file} (restored).`);
        if (result.previous) console.log(`Cơ sở dữ liệu trước đó được giữ tại ${result.previous} (previous database kept).`);
        if (result.verification.ok) {
          console.log(result.verification.message);
        } else {
          console.error(`NHẬT KÝ KHÔNG TOÀN VẸN sau khi khôi phục (audit chain broken after restore): ${result.verification.message}`);
          process.exitCode = 1;
        }
      }),
    );
}
