import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS } from '../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { setUpIndexWorld } from '../../test/support/service-index.js';
import { createProgram } from './program.js';

describe.each(DIALECTS)('cqs index rebuild on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    // Dossiers written straight into the tables, as a bulk import does: no facts until the rebuild.
    await setUpIndexWorld(t.db, { refresh: false });
  }, 60_000);
  afterAll(async () => t?.close());

  it('recomputes the facts and monthly counters of every dossier', async () => {
    expect(await t.db.selectFrom('dossier_index_facts').selectAll().execute()).toEqual([]);
    const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    process.env.DATA_DIR = t.testDatabase.dataDir;
    if (t.testDatabase.databaseUrl) process.env.DATABASE_URL = t.testDatabase.databaseUrl;
    else delete process.env.DATABASE_URL;
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await createProgram().exitOverride().parseAsync(['node', 'cqs', 'index', 'rebuild']);
      expect(process.exitCode ?? 0).toBe(0);
      expect(String(log.mock.calls[0][0])).toMatch(/^Đã tính lại chỉ số cho 9 hồ sơ, \d+ dòng tổng hợp theo tháng/);
    } finally {
      log.mockRestore();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    const facts = await t.db.selectFrom('dossier_index_facts').select('dossier_id').execute();
    expect(facts).toHaveLength(9);
    const received = await t.db.selectFrom('service_index_monthly').select((eb) => eb.fn.sum<number>('received').as('n')).executeTakeFirstOrThrow();
    expect(Number(received.n)).toBe(8);
  });
});
