import type { Command } from 'commander';
import { verifyAuditChain } from '../platform/audit/audit.js';
import { openDatabase } from '../platform/database/database.js';
import { CliError, action } from './output.js';
import { configOrExit } from './runtime.js';

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('Nhật ký hệ thống (audit trail)');
  audit
    .command('verify')
    .description(
      'Kiểm tra chuỗi băm của nhật ký: phát hiện mục bị sửa, bị xóa hoặc bị đảo thứ tự; thoát với mã 1 nếu hỏng ' +
        '(verify the audit hash chain: finds altered, removed or reordered entries; exits 1 when broken)',
    )
    .action(
      action(async () => {
        const config = configOrExit();
        // Read-only: no migration, so verifying never changes the database it inspects.
        const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 2 });
        try {
          const tables = await database.db.introspection.getTables();
          if (!tables.some((table) => table.name === 'audit_log')) {
            throw new CliError('Cơ sở dữ liệu chưa được khởi tạo: hãy chạy "cqs migrate" trước.', 'The database is not initialised: run "cqs migrate" first.');
          }
          const result = await verifyAuditChain(database.db);
          if (result.ok) {
            console.log(result.message);
          } else {
            console.error(`NHẬT KÝ KHÔNG TOÀN VẸN (audit chain broken): ${result.message}`);
            console.error(`Mục sai đầu tiên (first bad entry): #${result.firstBadSeq} — ${result.problem}; ${result.entries} mục trước đó hợp lệ (valid entries before it).`);
            process.exitCode = 1;
          }
        } finally {
          await database.close();
        }
      }),
    );
}
