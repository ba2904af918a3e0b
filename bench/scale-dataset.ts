/**
 * The scale bench's dataset: the Điện Biên demo province (units, accounts) and demo catalogue, BENCH_SCALE_DOSSIERS
 * (default 1,000,000) dossiers over the last year from the shared generator (load-dossiers.ts: Vietnamese names,
 * statuses, channels, dates, gap-free codes per desk and day), their histories (receipt, decision, return events),
 * fees and payments, ratings and components (service-index.ts addVariety), and the service index rebuilt over them.
 *
 * Generating 1,000,000 dossiers takes a quarter of an hour per database, so a finished dataset is cached under
 * .tmp/bench-cache/<database>-<size>-<latest migration>/ (ignored by git) and reused by later runs: a SQLite file,
 * or a stopped PostgreSQL data directory. A new migration changes the key, and the next run generates afresh.
 * Each run works on a copy, so the cache stays as generated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase, type Database } from '../src/platform/database/database.js';
import type { DialectName } from '../src/platform/database/dialect.js';
import { migrations } from '../src/platform/database/migrations/index.js';
import { rebuildServiceIndex } from '../src/modules/service-index/index-facts.js';
import { seedBenchProvince } from './demo-province.js';
import { loadDossiers } from './load-dossiers.js';
import { addVariety } from './service-index.js';
import { copyCluster, databaseUrl, initCluster, startCluster, type BenchCluster } from './scale-postgres.js';

export const SCALE_DOSSIERS = Number(process.env.BENCH_SCALE_DOSSIERS ?? 1_000_000);
export const CACHE_ROOT = path.resolve('.tmp/bench-cache');
export const SCHEMA_VERSION = Object.keys(migrations).at(-1)!;
/** The password of the demo accounts in the bench dataset (never a deployment's). */
export const BENCH_PASSWORD = 'Bench-Quy-mô-2026-Điện-Biên';
export const PG_DATABASE = 'cqs_bench_scale';
const SYSTEM = { actorId: null, actorUsername: 'bench', ip: null, requestId: null };

export interface DatasetMeta {
  database: DialectName;
  dossiers: number;
  schema: string;
  generatedAt: string;
  units: number;
  procedures: number;
  events: number;
  payments: number;
  seconds: { dossiers: number; variety: number; history: number; index: number; total: number };
}

/** A working copy of the cached dataset for one run: DATA_DIR (and the PostgreSQL cluster, started). */
export interface DatasetCopy {
  meta: DatasetMeta;
  dataDir: string;
  databaseUrl?: string;
  cluster?: BenchCluster;
  /** Stops the cluster and removes the copy. */
  dispose(): void;
}

const cacheDir = (dialect: DialectName, size: number) => path.join(CACHE_ROOT, `${dialect}-${size}-${SCHEMA_VERSION}`);
const log = (dialect: DialectName, line: string) => console.log(`${dialect.padEnd(8)} ${line}`);

/**
 * Histories beyond the `submit` event the generator writes: the desk's receipt, the decision and the return of the
 * result, at the instants the generated row carries; `last_seq` follows, so later actions continue the sequence.
 */
async function addHistory(database: Database, officer: { id: number; fullName: string }): Promise<void> {
  const { db } = database;
  // Literals, not parameters: PostgreSQL types a parameter in an INSERT … SELECT list as text.
  const actor = sql`${sql.lit(officer.id)}, ${sql.lit(officer.fullName)}`;
  await db.transaction().execute(async (tx) => {
    await sql`insert into dossier_events (dossier_id, seq, action, from_status, to_status, step_code, step_name, actor_id, actor_name, unit_id, at, note, details, step_due_at, timeliness)
      select id, 2, 'receive', 'submitted', 'received', null, null, ${actor}, receiving_unit_id, received_at, null, '{}', null, null
      from dossiers where received_at is not null`.execute(tx);
    await sql`insert into dossier_events (dossier_id, seq, action, from_status, to_status, step_code, step_name, actor_id, actor_name, unit_id, at, note, details, step_due_at, timeliness)
      select id, 2, 'refuse_intake', 'submitted', 'refused_intake', null, null, ${actor}, receiving_unit_id, finished_at, null, '{"reasons":["Thiếu tờ khai"]}', null, null
      from dossiers where status = 'refused_intake'`.execute(tx);
    await sql`insert into dossier_events (dossier_id, seq, action, from_status, to_status, step_code, step_name, actor_id, actor_name, unit_id, at, note, details, step_due_at, timeliness)
      select id, 3, case status when 'withdrawn' then 'withdraw' when 'stopped' then 'stop' else 'approve' end, 'processing', case status when 'returned' then 'result_ready' else status end,
        null, null, ${actor}, unit_id, finished_at, null, '{}', null, timeliness
      from dossiers where status in ('returned', 'result_ready', 'withdrawn', 'stopped') and received_at is not null`.execute(tx);
    await sql`insert into dossier_events (dossier_id, seq, action, from_status, to_status, step_code, step_name, actor_id, actor_name, unit_id, at, note, details, step_due_at, timeliness)
      select id, 4, 'return_result', 'result_ready', 'returned', null, null, ${actor}, receiving_unit_id, returned_at, null, '{}', null, null
      from dossiers where status = 'returned'`.execute(tx);
    await sql`update dossiers set last_seq = case when status = 'returned' then 4 when status in ('result_ready', 'withdrawn', 'stopped') and received_at is not null then 3 when received_at is not null or status = 'refused_intake' then 2 else 1 end`.execute(tx);
  });
}

async function count(database: Database, table: 'dossier_events' | 'payments' | 'units'): Promise<number> {
  return Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

async function populate(database: Database, dialect: DialectName, size: number, dataDir: string): Promise<Omit<DatasetMeta, 'database' | 'schema' | 'generatedAt'>> {
  const { db } = database;
  const started = performance.now();
  const { procedureCodes, world } = await seedBenchProvince(db, BENCH_PASSWORD, SYSTEM);
  const config = loadConfig({ LOG_LEVEL: 'silent', CQS_SEED_DEMO: 'false', DATA_DIR: dataDir });
  const load = await loadDossiers(database, world, config, size, procedureCodes);
  log(dialect, `generated ${size} dossiers in ${load.seconds.toFixed(1)} s over ${procedureCodes.length} procedures`);
  let at = performance.now();
  await addVariety(db, world.officer.id);
  const variety = (performance.now() - at) / 1000;
  at = performance.now();
  await addHistory(database, world.officer);
  const history = (performance.now() - at) / 1000;
  log(dialect, `fees, payments, ratings, components in ${variety.toFixed(1)} s; histories in ${history.toFixed(1)} s`);
  at = performance.now();
  const rebuilt = await rebuildServiceIndex(db);
  const index = (performance.now() - at) / 1000;
  log(dialect, `service index rebuilt (${rebuilt.monthlyRows} monthly rows) in ${index.toFixed(1)} s`);
  // What autovacuum does on a live PostgreSQL after a bulk load: statistics for the planner.
  if (dialect === 'postgres') await sql`vacuum analyze`.execute(db);
  const round = (s: number) => Math.round(s * 10) / 10;
  return {
    dossiers: size,
    units: await count(database, 'units'),
    procedures: procedureCodes.length,
    events: await count(database, 'dossier_events'),
    payments: await count(database, 'payments'),
    seconds: { dossiers: round(load.seconds), variety: round(variety), history: round(history), index: round(index), total: round((performance.now() - started) / 1000) },
  };
}

async function generate(dialect: DialectName, size: number, target: string): Promise<void> {
  const building = `${target}.building`;
  fs.rmSync(building, { recursive: true, force: true });
  log(dialect, `generating ${size.toLocaleString('en')} dossiers into ${building} (cached for later runs)`);
  const generatedAt = new Date().toISOString();
  let meta: DatasetMeta;
  if (dialect === 'sqlite') {
    fs.mkdirSync(building, { recursive: true });
    const database = openDatabase({ dataDir: building });
    // Generation only: a crash mid-way throws the half-built dataset away anyway. Runs use the platform's FULL.
    database.sqlite!.pragma('synchronous = OFF');
    try {
      meta = { database: dialect, schema: SCHEMA_VERSION, generatedAt, ...(await populate(database, dialect, size, building)) };
      database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      await database.close();
    }
  } else {
    initCluster(building);
    const cluster = await startCluster(building, 'generation');
    try {
      const admin = openDatabase({ dataDir: building, databaseUrl: cluster.url });
      await sql.raw(`create database ${PG_DATABASE}`).execute(admin.db);
      await admin.close();
      const database = openDatabase({ dataDir: building, databaseUrl: databaseUrl(cluster, PG_DATABASE), maxConnections: 4 });
      try {
        meta = { database: dialect, schema: SCHEMA_VERSION, generatedAt, ...(await populate(database, dialect, size, building)) };
      } finally {
        await database.close();
      }
    } finally {
      cluster.stop();
    }
  }
  fs.writeFileSync(path.join(building, 'meta.json'), JSON.stringify(meta, null, 2));
  fs.renameSync(building, target);
}

/** The cached dataset's directory, generated first when missing. */
export async function ensureDataset(dialect: DialectName, size = SCALE_DOSSIERS): Promise<{ dir: string; meta: DatasetMeta; cached: boolean }> {
  const dir = cacheDir(dialect, size);
  const cached = fs.existsSync(path.join(dir, 'meta.json'));
  if (!cached) await generate(dialect, size, dir);
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as DatasetMeta;
  if (cached) log(dialect, `cached dataset ${dir} (${meta.dossiers.toLocaleString('en')} dossiers, generated ${meta.generatedAt} in ${meta.seconds.total} s)`);
  return { dir, meta, cached };
}

/** A copy of the cached dataset under `scratch`; on PostgreSQL its cluster started with production durability. */
export async function copyDataset(dialect: DialectName, scratch: string, size = SCALE_DOSSIERS): Promise<DatasetCopy> {
  const { dir, meta } = await ensureDataset(dialect, size);
  const started = performance.now();
  const copy = path.join(scratch, `${dialect}-data`);
  if (dialect === 'sqlite') {
    fs.mkdirSync(copy, { recursive: true });
    fs.copyFileSync(path.join(dir, 'cqs.sqlite'), path.join(copy, 'cqs.sqlite'));
    log(dialect, `copied the dataset in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { meta, dataDir: copy, dispose: () => fs.rmSync(copy, { recursive: true, force: true }) };
  }
  copyCluster(dir, copy);
  const cluster = await startCluster(copy, 'production');
  log(dialect, `copied the cluster and started it with fsync on in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const files = path.join(scratch, 'postgres-files');
  fs.mkdirSync(files, { recursive: true });
  return {
    meta,
    dataDir: files,
    databaseUrl: databaseUrl(cluster, PG_DATABASE),
    cluster,
    dispose() {
      try {
        cluster.stop();
      } finally {
        fs.rmSync(copy, { recursive: true, force: true });
        fs.rmSync(files, { recursive: true, force: true });
      }
    },
  };
}
