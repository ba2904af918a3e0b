import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Executor } from '../database/database.js';
import type { AuditRow } from '../database/schema.js';

/** Who acts and from where: taken from the request (or the CLI) and written into every audit entry. */
export interface AuditContext {
  actorId: number | null;
  actorUsername: string | null;
  unitId?: number | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  /** Verb-noun, e.g. `unit.create`, `user.read`, `auth.login.failed`. */
  action: string;
  entityType: string;
  entityId?: string | number | null;
  unitId?: number | null;
  /** Before/after summary and details; never passwords, secrets or tokens. */
  summary?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

export function hashEntry(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    Number(row.seq),
    row.at,
    row.actor_id,
    row.actor_username,
    row.unit_id,
    row.action,
    row.entity_type,
    row.entity_id,
    row.ip,
    row.request_id,
    row.summary,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends one entry to the hash-chained audit log. Call it with the transaction that makes the change,
 * so the change and its audit entry commit (or roll back) together.
 */
export async function recordAudit(tx: Executor, context: AuditContext, entry: AuditEntry): Promise<void> {
  // Bumping the head first takes the write lock (SQLite) or the row lock (PostgreSQL) before reading it,
  // so concurrent writers chain one after another in commit order.
  await tx.updateTable('audit_head').set({ seq: sql`seq + 1` }).where('id', '=', 1).execute();
  const head = await tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const row: Omit<AuditRow, 'hash'> = {
    seq: Number(head.seq),
    at: new Date().toISOString(),
    actor_id: context.actorId,
    actor_username: context.actorUsername,
    unit_id: entry.unitId ?? context.unitId ?? null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    ip: context.ip,
    request_id: context.requestId,
    summary: JSON.stringify(entry.summary ?? {}),
    prev_hash: head.hash,
  };
  const hash = hashEntry(row);
  await tx.insertInto('audit_log').values({ ...row, hash }).execute();
  await tx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry found altered, removed or out of order. */
  firstBadSeq?: number;
  problem?: 'altered' | 'removed' | 'reordered' | 'truncated';
  message: string;
}

/** Walks the whole chain in order and names the first entry that does not fit. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return fail(expectedSeq, 'removed', count, `Mục nhật ký #${expectedSeq} đã bị xóa (entry #${expectedSeq} was removed).`);
      }
      if (row.prev_hash !== prevHash) {
        return fail(seq, 'reordered', count, `Mục nhật ký #${seq} không nối với mục trước (entry #${seq} does not chain to its predecessor: reordered or predecessor changed).`);
      }
      if (hashEntry(row) !== row.hash) {
        return fail(seq, 'altered', count, `Mục nhật ký #${seq} đã bị sửa (entry #${seq} was altered).`);
      }
      prevHash = row.hash;
      expectedSeq = seq + 1;
      count++;
    }
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (head && (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash)) {
    return fail(expectedSeq, 'truncated', count, `Các mục từ #${expectedSeq} trở đi đã bị xóa (entries from #${expectedSeq} on were removed).`);
  }
  return { ok: true, entries: count, message: `Chuỗi nhật ký toàn vẹn: ${count} mục (audit chain intact: ${count} entries).` };
}

function fail(seq: number, problem: AuditVerification['problem'], entries: number, message: string): AuditVerification {
  return { ok: false, entries, firstBadSeq: seq, problem, message };
}
