import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { seedDemo } from '../demo/seed-demo.js';

describe.each(DIALECTS)('demo dossiers on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('fills each worklist of the demo through the real workflow, with an intact audit chain', { timeout: 120_000 }, async () => {
    const result = await seedDemo(t.db, { password: 'Mật-khẩu-demo-2026', auditContext: { actorId: null, actorUsername: 'test', ip: null, requestId: null }, config: t.config });
    expect(result.dossiers).toBe(5);
    const rows = await t.db.selectFrom('dossiers').select(['procedure_code', 'status', 'channel', 'applicant_name']).orderBy('id').execute();
    expect(rows.map((r) => [r.procedure_code, r.status, r.channel])).toEqual([
      ['2.000488', 'submitted', 'online'],
      ['2.000488', 'supplement_requested', 'online'],
      ['2.000488', 'processing', 'counter'],
      ['1.001193', 'submitted', 'online'],
      ['1.001193', 'returned', 'online'],
    ]);
    expect(rows[2].applicant_name).toBe('Giàng A Páo');
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const notices = await t.db.selectFrom('notifications').select('subject').execute();
    expect(notices.map((n) => n.subject)).toEqual(expect.arrayContaining([expect.stringContaining('cần bổ sung'), expect.stringContaining('đã có kết quả')]));
  });
});
