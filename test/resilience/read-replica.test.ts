import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { migrateToLatest, openDatabase, type Database } from '../../src/platform/database/database.js';
import { bearer, insertUser, sessionTokenFor } from '../support/fixtures.js';
import { queryOne, startReplication, type Replication } from '../support/postgres-replication.js';
import { setUpStatisticsWorld, STAT_PROCEDURE_A, type StatisticsWorld } from '../support/statistics.js';

const Q1 = 'from=2026-01-01&to=2026-03-31';

/**
 * DATABASE_READ_URL (issue 7): with a real hot standby (scripts/pg-replica.sh) as the read URL, dashboards and the
 * other figure pages answer from the standby, and nothing they do writes through it (a standby refuses every write).
 */
describe('DATABASE_READ_URL on a hot standby', () => {
  let replication: Replication;
  let database: Database;
  let app: App;
  let dataDir: string;
  let w: StatisticsWorld;
  let token: string;
  const get = (url: string) => app.inject({ method: 'GET', url, headers: bearer(token) });
  const receivedOnDashboard = async () => {
    const response = await get(`/api/statistics/dashboard?${Q1}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { totals: { received: number } }).totals.received;
  };

  beforeAll(async () => {
    replication = await startReplication();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-read-replica-'));
    const env = { DATABASE_URL: replication.primary.url(), DATABASE_READ_URL: replication.standby.url() };
    database = openDatabase({ databaseUrl: env.DATABASE_URL, databaseReadUrl: env.DATABASE_READ_URL, dataDir, maxConnections: 4 });
    await migrateToLatest(database.db);
    w = await setUpStatisticsWorld(database.db);
    const leader = await insertUser(database.db, { unitId: w.province, roles: [{ role: 'reporting_officer', unitId: w.province, includeSubtree: true }] });
    token = await sessionTokenFor(database.db, leader);
    app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', CQS_SEED_DEMO: 'false', DATA_DIR: dataDir, ...env }), database });
    await app.ready();
    await replication.standbyCaughtUp();
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await replication?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the read pool is the standby, and a write through it is refused by the server', async () => {
    const { recovery } = (await sql<{ recovery: boolean }>`SELECT pg_is_in_recovery() AS recovery`.execute(app.ctx.readDb)).rows[0]!;
    expect(recovery).toBe(true);
    await expect(sql`CREATE TABLE written_through_read_url (id integer)`.execute(app.ctx.readDb)).rejects.toMatchObject({ code: '25006' });
  });

  it('dashboard, overdue list, Excel, public statistics, service index and its explanation answer from the read-only standby', async () => {
    expect(await receivedOnDashboard()).toBe(20);
    const overdue = await get(`/api/statistics/overdue?unit=${w.province}`);
    expect(overdue.statusCode, overdue.body).toBe(200);
    expect((overdue.json() as { items: { code: string }[] }).items.map((i) => i.code)).toEqual(w.overdueCodes);
    const excel = await get(`/api/statistics/dashboard.xlsx?${Q1}`);
    expect(excel.statusCode, excel.body).toBe(200);
    const publicStatistics = await app.inject({ method: 'GET', url: '/api/public/statistics' });
    expect(publicStatistics.statusCode, publicStatistics.body).toBe(200);
    const index = await get(`/api/service-index?unit=${w.justice}&from=2026-01-01&to=2026-03-31`);
    expect(index.statusCode, index.body).toBe(200);
    const explained = await get(`/api/service-index?unit=${w.justice}&from=2026-01-01&to=2026-03-31&explain=2.1`);
    expect(explained.statusCode, explained.body).toBe(200);
  });

  it('while the standby stops replaying, the dashboard shows what it last replayed; after, it catches up', async () => {
    await queryOne(replication.standby.url(), 'SELECT pg_wal_replay_pause()');
    try {
      await database.db
        .insertInto('service_index_monthly')
        .values({ unit_id: w.finance, procedure_code: STAT_PROCEDURE_A, month: '2026-03', received: 5, received_online: 5 })
        .execute();
      // The primary has the new figures; the dashboard, reading the paused standby, does not.
      const onPrimary = await database.db.selectFrom('service_index_monthly').select((eb) => eb.fn.sum<number>('received').as('received')).where('month', '>=', '2026-01').where('month', '<=', '2026-03').executeTakeFirstOrThrow();
      expect(Number(onPrimary.received)).toBe(25);
      expect(await receivedOnDashboard()).toBe(20);
    } finally {
      await queryOne(replication.standby.url(), 'SELECT pg_wal_replay_resume()');
    }
    await replication.standbyCaughtUp();
    expect(await receivedOnDashboard()).toBe(25);
  });
});
