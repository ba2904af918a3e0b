import type { Command } from 'commander';
import { openDatabase, migrateToLatest } from '../platform/database/database.js';
import { configOrExit } from './runtime.js';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Áp dụng các bản chuyển đổi cơ sở dữ liệu còn thiếu (apply pending database migrations)')
    .action(async () => {
      const config = configOrExit();
      const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const { applied } = await migrateToLatest(database.db);
        console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất (up to date).');
      } finally {
        await database.close();
      }
    });
}
