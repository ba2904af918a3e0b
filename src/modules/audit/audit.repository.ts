import type { Executor } from '../../platform/database/database.js';
import type { AuditRow } from '../../platform/database/schema.js';
import type { UnitScope } from '../../platform/auth/access.js';
import type { AuditItem, AuditQuery } from './audit.schema.js';

function filtered(db: Executor, query: AuditQuery, scope: UnitScope) {
  let q = db.selectFrom('audit_log');
  // A unit administrator sees only entries about their units; entries without a unit are province-wide.
  if (!scope.all) q = scope.unitIds.length ? q.where('unit_id', 'in', scope.unitIds) : q.where('unit_id', '=', -1);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.entityType) q = q.where('entity_type', '=', query.entityType);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  // Instants are stored as ISO-8601 UTC text, so normalising the bounds makes text comparison exact.
  if (query.from) q = q.where('at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('at', '<', new Date(query.to).toISOString());
  return q;
}

function toItem(row: AuditRow): AuditItem {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorId: row.actor_id,
    actorUsername: row.actor_username,
    unitId: row.unit_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    ip: row.ip,
    requestId: row.request_id,
    summary: JSON.parse(row.summary) as Record<string, unknown>,
    hash: row.hash,
  };
}

/** Newest first. */
export async function listAuditEntries(db: Executor, query: AuditQuery, scope: UnitScope): Promise<{ items: AuditItem[]; total: number }> {
  const total = await filtered(db, query, scope).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await filtered(db, query, scope)
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(toItem), total: Number(total.n) };
}
