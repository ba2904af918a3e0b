import type { AuditContext } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/database/database.js';
import { SYSTEM } from '../users/performer.js';
import { DEMO_CATALOGUE } from './demo-catalogue.js';
import { importCatalogue } from './procedures.service.js';
import type { ImportReport } from './procedures.schema.js';

/** Loads the demo catalogue through the import use case, so it is validated and audited like any import. */
export function seedDemoCatalogue(db: Db, auditContext: AuditContext): Promise<ImportReport> {
  return importCatalogue(db, auditContext, SYSTEM, DEMO_CATALOGUE, 'vi');
}
