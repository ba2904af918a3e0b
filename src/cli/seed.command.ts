import fs from 'node:fs';
import type { Command } from 'commander';
import { DIEN_BIEN } from '../modules/demo/dien-bien.js';
import { seedProvince } from '../modules/demo/seed-province.js';
import { catalogueLine, dossiersLine, seedDemo } from '../modules/demo/seed-demo.js';
import { systemAuditContext } from './audit-context.js';
import { CliError, action } from './output.js';
import { configOrExit, withDatabase } from './runtime.js';
import { seedReport } from './seed-report.js';

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`Không đọc được tệp ${file}.`, `Cannot read the file ${file}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`Tệp ${file} không phải JSON hợp lệ: ${(error as Error).message}`, `${file} is not valid JSON.`);
  }
}

async function seed(data: unknown, command: string, provinceName: (data: unknown) => string): Promise<void> {
  const config = configOrExit();
  await withDatabase(config, async ({ db }) => {
    const result = await seedProvince(db, data, { password: config.demoPassword, auditContext: systemAuditContext(command) });
    console.log(seedReport(result, provinceName(data)).join('\n'));
  });
}

export function registerSeedCommand(program: Command): void {
  const seedCommand = program
    .command('seed')
    .description('Nạp dữ liệu ban đầu vào cơ sở dữ liệu trống (load initial data into an empty database)');

  seedCommand
    .command('demo')
    .description(
      'Nạp dữ liệu mẫu tỉnh Điện Biên: đơn vị, xã/phường, một tài khoản cho mỗi vai trò, danh mục thủ tục mẫu và vài hồ sơ mẫu; mật khẩu lấy từ CQS_DEMO_PASSWORD hoặc được tạo ngẫu nhiên ' +
        '(load the Điện Biên demo data: units, communes, one account per role, the demo procedure catalogue and a few demo dossiers; password from CQS_DEMO_PASSWORD or generated)',
    )
    .action(
      action(async () => {
        const config = configOrExit();
        await withDatabase(config, async ({ db }) => {
          const result = await seedDemo(db, { password: config.demoPassword, auditContext: systemAuditContext('seed demo'), config });
          console.log([...seedReport(result.province, DIEN_BIEN.province.name), catalogueLine(result.catalogue), dossiersLine(result.dossiers)].join('\n'));
        });
      }),
    );

  seedCommand
    .command('province')
    .description(
      'Nạp cây đơn vị (và tài khoản, nếu có) của một tỉnh từ tệp JSON cùng cấu trúc với src/modules/demo/dien-bien.ts ' +
        '(load a province\'s unit tree, and accounts if any, from a JSON file shaped like src/modules/demo/dien-bien.ts)',
    )
    .requiredOption('--file <file>', 'tệp JSON dữ liệu tỉnh (province JSON file)')
    .action(
      action(async (options: { file: string }) => {
        const data = readJson(options.file);
        await seed(data, 'seed province', (d) => (d as { province: { name: string } }).province.name);
      }),
    );
}
