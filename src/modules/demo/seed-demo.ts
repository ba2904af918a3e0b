import type { AuditContext } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/database/database.js';
import type { ImportReport } from '../procedures/procedures.schema.js';
import { seedDemoCatalogue } from '../procedures/seed-demo-catalogue.js';
import { DIEN_BIEN } from './dien-bien.js';
import { seedProvince } from './seed-province.js';

export interface DemoSeedResult {
  province: Awaited<ReturnType<typeof seedProvince>>;
  catalogue: ImportReport;
}

/**
 * The whole Điện Biên demo: units and one account per role, then the demo procedure catalogue. Used by the first
 * start and by `cqs seed demo`, so both give the same result. The catalogue goes through the (idempotent) import.
 */
export async function seedDemo(db: Db, options: { password: string | undefined; auditContext: AuditContext }): Promise<DemoSeedResult> {
  const province = await seedProvince(db, DIEN_BIEN, options);
  const catalogue = await seedDemoCatalogue(db, options.auditContext);
  return { province, catalogue };
}

export function catalogueLine(report: ImportReport): string {
  const total = report.created + report.updated + report.unchanged;
  return `  Danh mục thủ tục mẫu: ${total} thủ tục (demo procedure catalogue: ${total} procedures).`;
}
