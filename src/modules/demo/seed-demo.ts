import type { AuditContext } from '../../platform/audit/audit.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/database/database.js';
import { seedDemoDossiers } from '../dossiers/demo-dossiers.js';
import { seedDemoDocuments } from '../documents/demo-documents.js';
import { seedDemoSigning } from '../signing/demo-signing.js';
import type { ImportReport } from '../procedures/procedures.schema.js';
import { seedDemoCatalogue } from '../procedures/seed-demo-catalogue.js';
import { DIEN_BIEN } from './dien-bien.js';
import { seedProvince } from './seed-province.js';

export interface DemoSeedResult {
  province: Awaited<ReturnType<typeof seedProvince>>;
  catalogue: ImportReport;
  /** Demo dossiers made through the real workflow (0 when no configuration was given). */
  dossiers: number;
  /** Demo official documents at Sở Tư pháp made through the document use cases (0 without a configuration). */
  documents: number;
}

/**
 * The whole Điện Biên demo: units and one account per role, the demo procedure catalogue and a few dossiers in
 * different states (with the configuration, which locates the file store). Used by the first
 * start and by `cqs seed demo`, so both give the same result. The catalogue goes through the (idempotent) import.
 */
export async function seedDemo(
  db: Db,
  options: { password: string | undefined; auditContext: AuditContext; config?: Config },
): Promise<DemoSeedResult> {
  const province = await seedProvince(db, DIEN_BIEN, options);
  const catalogue = await seedDemoCatalogue(db, options.auditContext);
  const dossiers = options.config ? await seedDemoDossiers(db, options.config, options.auditContext) : 0;
  // Before the documents: the demo issues a signed and sealed document with these credentials.
  if (options.config) await seedDemoSigning(db, options.config, options.auditContext);
  const documents = options.config ? await seedDemoDocuments(db, options.config, options.auditContext) : 0;
  return { province, catalogue, dossiers, documents };
}

export function catalogueLine(report: ImportReport): string {
  const total = report.created + report.updated + report.unchanged;
  return `  Danh mục thủ tục mẫu: ${total} thủ tục (demo procedure catalogue: ${total} procedures).`;
}

export function dossiersLine(count: number): string {
  return count > 0 ? `  Hồ sơ mẫu: ${count} hồ sơ ở các trạng thái khác nhau (demo dossiers: ${count}).` : '';
}
