import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { migrateToLatest } from '../database/database.js';
import { recordAudit, verifyAuditChain, type AuditContext } from './audit.js';

const context: AuditContext = { actorId: null, actorUsername: 'system', ip: '127.0.0.1', requestId: 'test' };

describe.each(DIALECTS)('hash-chained audit log on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    await migrateToLatest(t.database.db);
  });
  afterEach(async () => t?.cleanup());

  it('chains entries written by concurrent transactions without gaps', async () => {
    const { db } = t.database;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        db.transaction().execute((tx) =>
          recordAudit(tx, context, { action: 'test.write', entityType: 'test', entityId: i, summary: { i } }),
        ),
      ),
    );
    const seqs = (await db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 40 });
  });

  it('rolls the entry back with the change it records', async () => {
    const { db } = t.database;
    await expect(
      db.transaction().execute(async (tx) => {
        await recordAudit(tx, context, { action: 'test.write', entityType: 'test' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.selectFrom('audit_log').select('seq').execute()).toHaveLength(0);
    await db.transaction().execute((tx) => recordAudit(tx, context, { action: 'test.write', entityType: 'test' }));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 1 });
  });

  it('refuses ordinary updates and deletes of audit rows', async () => {
    const { db } = t.database;
    await db.transaction().execute((tx) => recordAudit(tx, context, { action: 'test.write', entityType: 'test' }));
    await expect(db.updateTable('audit_log').set({ action: 'forged' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('names the first altered, removed or truncated entry', async () => {
    const { db } = t.database;
    for (let i = 1; i <= 5; i++) {
      await db.transaction().execute((tx) => recordAudit(tx, context, { action: 'test.write', entityType: 'test', entityId: i }));
    }
    // A tamperer with database access first lifts the append-only guard.
    if (dialect === 'postgres') await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
    else {
      await sql`DROP TRIGGER audit_log_no_update`.execute(db);
      await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
    }
    await db.updateTable('audit_log').set({ summary: '{"i":"forged"}' }).where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'altered' });

    await db.deleteFrom('audit_log').where('seq', '=', 3).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'removed' });

    await db.deleteFrom('audit_log').where('seq', '>=', 3).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'truncated' });
  });
});
