/**
 * The national service index under load (issue 6): BENCH_INDEX_DOSSIERS (default 1,000,000) dossiers over the last
 * year across the demo province's units and procedures (Điện Biên seed and demo catalogue), with the variety the
 * index reads — supplements, online with and without the electronic result, fees paid at the counter and online,
 * ratings, components reused from the data store, owners verified by VNeID — then `rebuildServiceIndex` (facts and
 * monthly counters), then, timed in process: `computeServiceIndex` for every unit over the year, the province
 * dashboard and the public statistics, on SQLite and PostgreSQL. Goal: ≤ 2 s for the index of every unit.
 * Results: bench-results/service-index.json and .md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/platform/config.js';
import type { Db } from '../src/platform/database/database.js';
import type { DialectName } from '../src/platform/database/dialect.js';
import { rebuildServiceIndex } from '../src/modules/service-index/index-facts.js';
import { computeServiceIndex } from '../src/modules/service-index/compute-service-index.js';
import { buildDashboard } from '../src/modules/statistics/get-dashboard.js';
import { getPublicStatistics } from '../src/modules/statistics/public-statistics.js';
import { localToday, resolvePeriod } from '../src/modules/statistics/period.js';
import { provinceScope } from '../src/modules/statistics/statistics-scope.js';
import type { PostgresCluster } from '../test/support/postgres-cluster.js';
import { seedBenchProvince } from './demo-province.js';
import { DAY_MS } from './dossier-rows.js';
import { loadDossiers } from './load-dossiers.js';
import { machineLine, openBenchDatabase, writeResults } from './support.js';

const DOSSIERS = Number(process.env.BENCH_INDEX_DOSSIERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_INDEX_RUNS ?? 7);
const GOAL_MS = 2_000;
/** BENCH_INDEX_DATABASES=postgres runs one database (results then in service-index-postgres.{json,md}). */
const DATABASES = (process.env.BENCH_INDEX_DATABASES ?? 'sqlite,postgres').split(',').filter((d): d is DialectName => d === 'sqlite' || d === 'postgres');
const SYSTEM = { actorId: null, actorUsername: 'bench', ip: null, requestId: null };

interface Timing {
  runs: number;
  p50Ms: number;
  maxMs: number;
}

interface DialectResult {
  database: DialectName;
  dossiers: number;
  units: number;
  procedures: number;
  generationSeconds: number;
  varietySeconds: number;
  rebuildSeconds: number;
  facts: number;
  monthlyRows: number;
  computeServiceIndex: Timing & { units: number; withinGoal: boolean };
  dashboard: Timing;
  publicStatistics: Timing;
  rssMiB: number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function time(runs: number, action: () => Promise<unknown>): Promise<Timing> {
  await action();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await action();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { runs, p50Ms: round(times[Math.floor((times.length - 1) / 2)]), maxMs: round(times[times.length - 1]) };
}

/**
 * Set-based additions to the generated dossiers (dossier-rows.ts gives statuses, channels, dates and one supplement
 * for the waiting ones): what the index counts beyond timeliness. Ids pick the share of each case, so both databases
 * get the same data.
 */
export async function addVariety(db: Db, ownerId: number): Promise<void> {
  const now = new Date().toISOString();
  const finished = sql.raw(`status in ('returned', 'result_ready')`);
  await db.transaction().execute(async (tx) => {
    // Two supplement requests: late whatever the dates (Decision 766, indicator 2.1).
    await sql`update dossiers set supplement_count = 2 where id % 23 = 0 and ${finished}`.execute(tx);
    // The electronic result of three granted dossiers in four; the fourth, when online, does not count for 3.3.
    await tx.insertInto('files').values({ id: '00000000-0000-4000-8000-000000000766', sha256: '0'.repeat(64), size: 1, media_type: 'application/pdf', original_name: 'ket-qua.pdf', owner_user_id: ownerId, created_at: now }).execute();
    await sql`update dossiers set result_file_id = '00000000-0000-4000-8000-000000000766' where id % 4 <> 0 and ${finished} and outcome = 'granted'`.execute(tx);
    // A fee on one dossier in three, paid on two of those three; one payment in two through the gateway.
    await sql`insert into payment_orders (dossier_id, amount_vnd, lines, status, created_at, paid_at, cancelled_at)
      select id, 20000, '[]', case when id % 9 = 0 then 'pending' else 'paid' end, submitted_at, case when id % 9 = 0 then null else submitted_at end, null
      from dossiers where id % 3 = 0 and status <> 'refused_intake'`.execute(tx);
    await sql`insert into payments (order_id, attempt_id, channel, status, amount_vnd, unit_id, receipt_year, receipt_seq, receipt_no, reference, bank_code, paid_at, recorded_by, created_at)
      select o.id, null, case when o.dossier_id % 2 = 0 then 'gateway' else 'cash' end, 'valid', o.amount_vnd, d.receiving_unit_id, 2026, o.id, 'BENCH-' || o.id, null, null, o.paid_at, null, o.paid_at
      from payment_orders o inner join dossiers d on d.id = o.dossier_id where o.status = 'paid'`.execute(tx);
    // Ratings on one returned dossier in five; one in five of those negative.
    await sql`insert into dossier_ratings (dossier_id, score, comment, rated_by, at)
      select id, case when id % 25 = 0 then 1 else 5 end, null, null, coalesce(returned_at, finished_at) from dossiers where id % 5 = 0 and status = 'returned'`.execute(tx);
    // Components on one dossier in ten: the form uploaded, and the identity paper from the data store or scanned.
    await sql`insert into dossier_components (dossier_id, requirement_code, requirement_name, file_id, source, digitised, event_seq, added_at)
      select id, 'to_khai', 'Tờ khai', null, 'upload', 1, 1, submitted_at from dossiers where id % 10 = 0`.execute(tx);
    await sql`insert into dossier_components (dossier_id, requirement_code, requirement_name, file_id, source, digitised, event_seq, added_at)
      select id, 'giay_to_tuy_than', 'Giấy tờ tùy thân', null, case when id % 20 = 0 then 'data_store' else 'scan' end, 1, 1, submitted_at from dossiers where id % 10 = 0`.execute(tx);
    // Half the citizens signed in with VNeID (national e-ID).
    await sql`update users set oidc_issuer = 'https://vneid.bench', oidc_subject = 'bench-' || id where kind = 'citizen' and id % 2 = 0`.execute(tx);
  });
}

async function benchDialect(dialect: DialectName, cluster: PostgresCluster | undefined): Promise<DialectResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqs-bench-index-'));
  const database = await openBenchDatabase(dialect, cluster, dataDir, 'cqs_bench_index');
  const config = loadConfig({ LOG_LEVEL: 'silent', CQS_SEED_DEMO: 'false', DATA_DIR: dataDir });
  try {
    const db = database.db;
    const { procedureCodes, world } = await seedBenchProvince(db, 'Bench-Chỉ-số-766-2026', SYSTEM);

    const { codes: _codes, ...load } = await loadDossiers(database, world, config, DOSSIERS, procedureCodes);
    console.log(`${dialect.padEnd(8)} generated ${load.dossiers} dossiers in ${load.seconds.toFixed(1)} s over ${procedureCodes.length} procedures`);
    let started = performance.now();
    await addVariety(db, world.officer.id);
    const varietySeconds = (performance.now() - started) / 1000;
    console.log(`${dialect.padEnd(8)} supplements, results, payments, ratings, components in ${varietySeconds.toFixed(1)} s`);
    started = performance.now();
    const rebuilt = await rebuildServiceIndex(db);
    const rebuildSeconds = (performance.now() - started) / 1000;
    console.log(`${dialect.padEnd(8)} rebuilt ${rebuilt.dossiers} facts, ${rebuilt.monthlyRows} monthly rows in ${rebuildSeconds.toFixed(1)} s`);

    const units = (await db.selectFrom('units').select('id').orderBy('id').execute()).map((r) => Number(r.id));
    const now = new Date();
    const from = localToday(new Date(now.getTime() - 364 * DAY_MS));
    const to = localToday(now);
    const index = await time(RUNS, () => computeServiceIndex(db, { unitIds: units, from, to, lang: 'vi' }));
    console.log(`${dialect.padEnd(8)} computeServiceIndex, ${units.length} units, a year: p50 ${index.p50Ms} ms, max ${index.maxMs} ms`);
    const scope = (await provinceScope(db))!;
    const period = resolvePeriod({ from, to }, 'vi', now);
    const dashboard = await time(RUNS, () => buildDashboard(db, scope, period, now));
    console.log(`${dialect.padEnd(8)} province dashboard, a year: p50 ${dashboard.p50Ms} ms, max ${dashboard.maxMs} ms`);
    const publicStatistics = await time(RUNS, () => getPublicStatistics(db, 'vi', { from, to }, now));
    console.log(`${dialect.padEnd(8)} public statistics, a year: p50 ${publicStatistics.p50Ms} ms, max ${publicStatistics.maxMs} ms`);
    return {
      database: dialect,
      dossiers: load.dossiers,
      units: units.length,
      procedures: procedureCodes.length,
      generationSeconds: Math.round(load.seconds * 10) / 10,
      varietySeconds: Math.round(varietySeconds * 10) / 10,
      rebuildSeconds: Math.round(rebuildSeconds * 10) / 10,
      facts: rebuilt.dossiers,
      monthlyRows: rebuilt.monthlyRows,
      computeServiceIndex: { ...index, units: units.length, withinGoal: index.maxMs <= GOAL_MS },
      dashboard,
      publicStatistics,
      rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
    };
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchServiceIndex(cluster: PostgresCluster): Promise<void> {
  const results: DialectResult[] = [];
  for (const dialect of DATABASES) results.push(await benchDialect(dialect, dialect === 'postgres' ? cluster : undefined));
  const markdown = [
    `# Service index (Decision 766) — ${DOSSIERS.toLocaleString('en')} dossiers`,
    '',
    `${machineLine()}. Timed in process, ${RUNS} runs after one warm-up each; goal: computeServiceIndex for every unit over a year ≤ ${GOAL_MS} ms.`,
    '',
    '| database | units | procedures | generation s | variety s | rebuild s | monthly rows | index p50 ms | index max ms | ≤ 2 s | dashboard p50 ms | dashboard max ms | public p50 ms | public max ms | RSS MiB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.database} | ${r.units} | ${r.procedures} | ${r.generationSeconds} | ${r.varietySeconds} | ${r.rebuildSeconds} | ${r.monthlyRows} | ${r.computeServiceIndex.p50Ms} | ${r.computeServiceIndex.maxMs} | ${r.computeServiceIndex.withinGoal ? 'yes' : 'no'} | ${r.dashboard.p50Ms} | ${r.dashboard.maxMs} | ${r.publicStatistics.p50Ms} | ${r.publicStatistics.maxMs} | ${r.rssMiB} |`,
    ),
    '',
    'The index and the dashboards read `service_index_monthly` (counters per unit, procedure and local month, kept in step with every dossier event), so their time follows the number of monthly rows, not the number of dossiers; the dashboard adds live counts of pending and overdue dossiers (index dossiers(unit_id, status)) and documents.',
  ].join('\n');
  writeResults(DATABASES.length === 2 ? 'service-index' : `service-index-${DATABASES.join('-')}`, { dossiers: DOSSIERS, runs: RUNS, goalMs: GOAL_MS, machine: machineLine(), results }, markdown);
}
