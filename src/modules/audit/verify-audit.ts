import type { Db } from '../../platform/database/database.js';
import type { Actor } from '../../platform/auth/actor.js';
import { requirePermission } from '../../platform/auth/access.js';
import { Permission } from '../../platform/auth/roles.js';
import { verifyAuditChain, type AuditVerification } from '../../platform/audit/audit.js';

/** Walks the whole hash chain; only a province-wide administrator may, as it covers every unit's entries. */
export async function verifyAudit(db: Db, actor: Actor): Promise<AuditVerification> {
  await requirePermission(db, actor, Permission.AuditRead, null);
  return verifyAuditChain(db);
}
