import type { App } from '../app.js';
import { DIEN_BIEN } from '../modules/demo/dien-bien.js';
import { catalogueLine, dossiersLine, seedDemo } from '../modules/demo/seed-demo.js';
import { AppError } from '../platform/errors/app-error.js';
import { systemAuditContext } from './audit-context.js';
import { seedReport } from './seed-report.js';

/**
 * On the first start with an empty database, seeds the Điện Biên demo data (unless CQS_SEED_DEMO=false)
 * and returns the lines to print: the demo accounts and their password.
 */
export async function onFirstStart(app: App): Promise<string[]> {
  const { db, config } = app.ctx;
  const existing = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  if (existing || !config.seedDemoOnStart) return [];
  try {
    const result = await seedDemo(db, { password: config.demoPassword, auditContext: systemAuditContext('serve'), config });
    return [
      '',
      '  Lần chạy đầu tiên: đã nạp dữ liệu mẫu tỉnh Điện Biên (first start: Điện Biên demo data loaded).',
      ...seedReport(result.province, DIEN_BIEN.province.name),
      catalogueLine(result.catalogue),
      dossiersLine(result.dossiers),
    ];
  } catch (error) {
    // Another node starting at the same moment seeded first: the unit codes are unique, its transaction won.
    const seededElsewhere = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
    if (seededElsewhere || (error instanceof AppError && error.code === 'SEED_UNITS_EXIST')) return [];
    throw error;
  }
}
