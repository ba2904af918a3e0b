import type { Db } from '../../platform/database/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { permittedUnits } from '../../platform/auth/access.js';
import { Permission } from '../../platform/auth/roles.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { listAuditEntries } from './audit.repository.js';
import type { AuditPage, AuditQuery } from './audit.schema.js';

/**
 * Lists audit entries the caller may see. The trail names people, IP addresses and what they touched, so
 * reading it is itself an audited action (Decree 85/2016 level 3: access to logs is logged).
 */
export async function listAudit(db: Db, actor: Actor, context: AuditContext, query: AuditQuery): Promise<AuditPage> {
  const scope = await permittedUnits(db, actor, Permission.AuditRead);
  if (!scope.all && scope.unitIds.length === 0) throw new AppError('FORBIDDEN');
  if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to)) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: '/query/to', message: 'Phải sau thời điểm "from" (must not be before "from").' }]);
  }
  return db.transaction().execute(async (tx) => {
    const page = await listAuditEntries(tx, query, scope);
    const { page: _p, pageSize: _s, ...filters } = query;
    await recordAudit(tx, context, { action: 'audit.list', entityType: 'audit_log', summary: { filters, returned: page.items.length } });
    return page;
  });
}
