/**
 * What every bench scenario shares: autocannon settings, the HTTP ceiling, the databases and the result files.
 * Every figure is reported next to the bare Fastify route measured in the same run (issue 2 and 3: ratios, not
 * absolute numbers, compare across machines).
 */
import fs from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/database/database.js';
import type { Schema } from '../src/platform/database/schema.js';
import type { DialectName } from '../src/platform/database/dialect.js';
import type { PostgresCluster } from '../test/support/postgres-cluster.js';

export const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

export interface Row {
  scenario: string;
  database: DialectName | '—';
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ofCeiling: string;
}

export interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  /** Responses with a 2xx status (autocannon counts the others in non2xx). */
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
}

export type AutocannonOptions = Omit<autocannon.Options, 'url' | 'connections' | 'duration'>;

/** Runs autocannon; fails on any error or non-2xx answer unless `allowFailures` (the caller then checks `ok`). */
export async function measure(url: string, options: AutocannonOptions = {}, allowFailures = false): Promise<Measurement> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, ...options });
  if (!allowFailures && (result.non2xx > 0 || result.errors > 0)) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    // Over the whole run (not autocannon's per-second average): a run sized by `amount` ends within a second.
    rps: Math.round(result.requests.total / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    seconds: result.duration,
  };
}

export async function listen(app: { listen(o: { port: number; host: string }): Promise<string>; server: { address(): unknown } }): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** The HTTP ceiling: a bare Fastify route answering a constant, on this machine, in this run. */
export async function measureCeiling(): Promise<Row> {
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ status: 'ok' }));
  const url = await listen(bare);
  const m = await measure(`${url}/bare`);
  await bare.close();
  console.log(`ceiling  bare Fastify route ${String(m.rps).padStart(36)} req/s  p99 ${m.p99} ms`);
  return { scenario: 'bare Fastify route (HTTP ceiling)', database: '—', requestsPerSecond: m.rps, p50Ms: m.p50, p99Ms: m.p99, ofCeiling: '100 %' };
}

export function rowOf(scenario: string, database: DialectName, m: Measurement, ceiling: number): Row {
  console.log(`${database.padEnd(8)} ${scenario.padEnd(46)} ${String(m.rps).padStart(7)} req/s  p99 ${m.p99} ms`);
  return { scenario, database, requestsPerSecond: m.rps, p50Ms: m.p50, p99Ms: m.p99, ofCeiling: ratio(m.rps, ceiling) };
}

export const ratio = (rps: number, ceiling: number) => `${Math.round((rps / ceiling) * 100)} %`;

/**
 * A fresh database: a SQLite file in `dataDir`, or a new database `name` in the throwaway PostgreSQL cluster.
 * `log`, when given, sees every query with its duration (Kysely's log hook) — the bench's profiler.
 */
export async function openBenchDatabase(
  dialect: DialectName,
  cluster: PostgresCluster | undefined,
  dataDir: string,
  name: string,
  log?: (event: LogEvent) => void,
): Promise<Database> {
  if (dialect === 'sqlite') {
    const opened = openDatabase({ dataDir });
    if (!log) return opened;
    // Same connection and pragmas as the platform's (openDatabase), seen through a logging Kysely.
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: opened.sqlite! }), log });
    return { ...opened, db, close: () => db.destroy() };
  }
  const admin = new pg.Client({ connectionString: cluster!.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(cluster!.url);
  url.pathname = `/${name}`;
  if (!log) return openDatabase({ dataDir, databaseUrl: url.toString(), maxConnections: 20 });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 20 }) }), log });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

export function machineLine(): string {
  // The load average says whether other work shared the cores during the run (ratios hold better than absolutes).
  const load = os.loadavg().map((v) => v.toFixed(1)).join(' ');
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load}`;
}

export function rowsTable(rows: Row[]): string[] {
  return [
    '| scenario | database | req/s | p50 ms | p99 ms | of ceiling |',
    '|---|---|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.scenario} | ${r.database} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.ofCeiling} |`),
  ];
}

/** Writes bench-results/<name>.json and .md and prints the Markdown. */
export function writeResults(name: string, json: object, markdown: string): void {
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync(`bench-results/${name}.json`, JSON.stringify(json, null, 2));
  fs.writeFileSync(`bench-results/${name}.md`, `${markdown}\n`);
  console.log(`\n${markdown}`);
}
