import type { AuditContext } from '../src/platform/audit/audit.js';
import { migrateToLatest, type Db } from '../src/platform/database/database.js';
import { DIEN_BIEN } from '../src/modules/demo/dien-bien.js';
import { seedProvince } from '../src/modules/demo/seed-province.js';
import { seedDemoCatalogue } from '../src/modules/procedures/seed-demo-catalogue.js';
import type { BenchWorld } from './bench-world.js';

/**
 * The ground the large generated datasets stand on (service-index and scale benches): the Điện Biên demo province and
 * catalogue on a migrated database, the active procedure codes, and the counter officer who files the dossiers.
 */
export async function seedBenchProvince(db: Db, password: string, auditContext: AuditContext): Promise<{ procedureCodes: string[]; world: BenchWorld }> {
  await migrateToLatest(db);
  await seedProvince(db, DIEN_BIEN, { password, auditContext });
  await seedDemoCatalogue(db, auditContext);
  const procedureCodes = (await db.selectFrom('procedures').select('code').where('status', '=', 'active').orderBy('code').execute()).map((r) => r.code);
  const officer = await db
    .selectFrom('users')
    .innerJoin('role_grants', 'role_grants.user_id', 'users.id')
    .select(['users.id', 'users.full_name'])
    .where('role_grants.role', '=', 'one_stop_officer')
    .orderBy('users.id')
    .executeTakeFirstOrThrow();
  // loadDossiers reads only the officer who files at the counter from the world.
  const world = { officer: { id: Number(officer.id), fullName: officer.full_name } } as BenchWorld;
  return { procedureCodes, world };
}
