import type { Command } from 'commander';
import { rebuildServiceIndex } from '../modules/service-index/index-facts.js';
import { action } from './output.js';
import { configOrExit, withDatabase } from './runtime.js';

export function registerIndexCommand(program: Command): void {
  const index = program.command('index').description('Bộ chỉ số phục vụ người dân, doanh nghiệp (service index, Decision 766)');
  index
    .command('rebuild')
    .description(
      'Tính lại toàn bộ dữ liệu chỉ số từ hồ sơ (sau khi nhập dữ liệu trực tiếp vào cơ sở dữ liệu) ' +
        '(recompute every dossier fact and monthly counter from the dossiers, e.g. after a bulk import)',
    )
    .action(
      action(async () => {
        const config = configOrExit();
        await withDatabase(config, async (database) => {
          const started = Date.now();
          const result = await rebuildServiceIndex(database.db);
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          console.log(`Đã tính lại chỉ số cho ${result.dossiers} hồ sơ, ${result.monthlyRows} dòng tổng hợp theo tháng trong ${seconds} giây (rebuilt ${result.dossiers} dossiers, ${result.monthlyRows} monthly rows in ${seconds} s).`);
        });
      }),
    );
}
